import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { richTextLength, type RichTextDoc, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'
import { RichTextView } from '#app/modules/rich-text/rich-text-view.tsx'
import { initialDocument } from './initial.ts'

export { clearEditorAutosave } from './autosave.ts'

export type RichTextEditorProps = {
  /** Form field name: a hidden input with this name carries the document as JSON. */
  name: string
  label: string
  profile: RichTextProfile
  defaultValue?: RichTextDoc | null
  /** localStorage key for drafts, e.g. "case-draft:new:analysis"; no autosave without it. */
  autosaveKey?: string
  /** Live de-identification checks (POST /api/deidentify) with highlighting and masking. */
  deidentify?: boolean
  maxLength?: number
  /** Extra ids for aria-describedby of the editable area (help text elsewhere on the page). */
  describedBy?: string
  errors?: string[] | null
  required?: boolean
  help?: ReactNode
  placeholder?: string
}

const RichTextEditorImpl = lazy(() => import('./editor-impl.tsx').then((module) => ({ default: module.RichTextEditorImpl })))

/**
 * Tiptap editor for one rich-text field of a plain Remix <Form>. Tiptap (about 150 kB gzipped) is loaded in its
 * own chunk after the page has rendered; until then the saved content is shown read-only and the hidden input
 * already carries it, so pages that merely contain an editor (a comment box under a case) stay light.
 *
 *   <RichTextEditor name="analysis" label="要因分析" profile="full" defaultValue={section ?? null}
 *     autosaveKey={`case-draft:${caseId ?? 'new'}:analysis`} deidentify maxLength={20_000}
 *     errors={fields.analysis.errors} />
 *
 * Server side: `richTextField('full', { maxLength: 20_000 })` in the zod schema (or parseRichText), store the
 * normalised doc, show it with <RichTextView>. After a successful save call clearEditorAutosave('case-draft:new:')
 * (e.g. in a useEffect of the page the action redirects to). Keeps a hidden input in sync, autosaves drafts
 * to localStorage (restoring them with a notice), counts characters like the server (richTextLength) and can
 * check for personal information as you type.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<EditorPlaceholder {...props} />}>
      <RichTextEditorImpl {...props} />
    </Suspense>
  )
}

/** What the field looks like (and posts) until the editor has loaded — the same markup as the editor's own. */
function EditorPlaceholder({ name, label, profile, defaultValue = null, maxLength = 20_000, required, help, errors }: RichTextEditorProps) {
  const initial = useMemo(() => initialDocument(defaultValue, profile), [defaultValue, profile])
  return (
    <div className="field rich-editor">
      <div className="rich-editor__label">
        {label}
        {required ? <span className="field__required">必須</span> : null}
      </div>
      <div className="rich-editor__frame">
        <div className="rich-editor__content rich-editor__content--loading" aria-busy="true">
          <RichTextView doc={initial} profile={profile} />
        </div>
      </div>
      <div className="rich-editor__footer">
        <span className="rich-editor__count">
          {formatNumber(richTextLength(initial))} / {formatNumber(maxLength)} 文字
        </span>
      </div>
      {help ? <p className="field__help">{help}</p> : null}
      <input type="hidden" name={name} value={JSON.stringify(initial)} />
      <ErrorList errors={errors} />
    </div>
  )
}
