// TEMPORARY stand-ins for RichTextView and RichTextEditor (built on their own branches). Delete when
// app/modules/rich-text and app/components/editor land on main; the call sites switch to the real ones.
import type { RichTextDoc, RichTextNode, RichTextProfile } from '#app/modules/cases/rich-text-shim.ts'
import { richTextToPlainText } from '#app/modules/cases/rich-text-shim.ts'
import { ErrorList } from '#app/components/ui/fields.tsx'

function Inline({ nodes }: { nodes: RichTextNode[] }) {
  return (
    <>
      {nodes.map((node, index) => (node.type === 'hardBreak' ? <br key={index} /> : <span key={index}>{node.text ?? ''}</span>))}
    </>
  )
}

export function RichTextView({ doc }: { doc: RichTextDoc; profile: RichTextProfile }) {
  return (
    <div className="rich-text">
      {(doc.content ?? []).map((block, index) => (
        <p key={index}>
          <Inline nodes={block.content ?? []} />
        </p>
      ))}
    </div>
  )
}

export function RichTextEditor(props: {
  name: string
  label: string
  profile: RichTextProfile
  defaultValue?: RichTextDoc | null
  autosaveKey?: string
  deidentify?: boolean
  errors?: string[]
}) {
  const id = `field-${props.name}`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} name={props.name} rows={6} defaultValue={props.defaultValue ? richTextToPlainText(props.defaultValue) : ''} />
      <ErrorList errors={props.errors} />
    </div>
  )
}
