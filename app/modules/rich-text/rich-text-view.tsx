import { renderJSONContentToReactElement, type MarkProps, type NodeProps } from '@tiptap/static-renderer/json/react'
import type { ReactNode } from 'react'
import { parseRichText, safeHref, type RichTextDoc, type RichTextMark, type RichTextNode, type RichTextProfile } from './rich-text.ts'

/*
 * Rendering goes through Tiptap's static JSON→React renderer with our own component for every allow-listed node
 * and mark. Each component emits only the attributes it names (never spreads stored attrs), so even a document
 * that slipped past validation cannot add event handlers, styles or classes. Unknown types render nothing.
 */

type NodeRender = (props: NodeProps<RichTextNode, ReactNode>) => ReactNode
type MarkRender = (props: MarkProps<RichTextMark, ReactNode, RichTextNode>) => ReactNode

const attr = (node: { attrs?: Record<string, unknown> }, name: string): unknown => node.attrs?.[name]
const span = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value > 1 && value <= 20 ? value : undefined)

const nodeMapping: Record<string, NodeRender> = {
  doc: ({ children }) => <>{children}</>,
  text: ({ node }) => node.text ?? '',
  paragraph: ({ node, children }) => <p>{node.content?.length ? children : <br />}</p>,
  heading: ({ node, children }) => {
    const level = attr(node, 'level')
    if (level === 3) return <h3>{children}</h3>
    if (level === 4) return <h4>{children}</h4>
    return <h2>{children}</h2>
  },
  hardBreak: () => <br />,
  bulletList: ({ children }) => <ul>{children}</ul>,
  orderedList: ({ node, children }) => {
    const start = attr(node, 'start')
    return <ol start={typeof start === 'number' && Number.isInteger(start) ? start : undefined}>{children}</ol>
  },
  listItem: ({ children }) => <li>{children}</li>,
  blockquote: ({ children }) => <blockquote>{children}</blockquote>,
  horizontalRule: () => <hr />,
  table: ({ children }) => (
    <div className="rich-text__table">
      <table>
        <tbody>{children}</tbody>
      </table>
    </div>
  ),
  tableRow: ({ children }) => <tr>{children}</tr>,
  tableHeader: ({ node, children }) => (
    <th colSpan={span(attr(node, 'colspan'))} rowSpan={span(attr(node, 'rowspan'))}>
      {children}
    </th>
  ),
  tableCell: ({ node, children }) => (
    <td colSpan={span(attr(node, 'colspan'))} rowSpan={span(attr(node, 'rowspan'))}>
      {children}
    </td>
  ),
}

const markMapping: Record<string, MarkRender> = {
  bold: ({ children }) => <strong>{children}</strong>,
  italic: ({ children }) => <em>{children}</em>,
  strike: ({ children }) => <s>{children}</s>,
  code: ({ children }) => <code>{children}</code>,
  link: ({ mark, children }) => {
    const href = safeHref(attr(mark, 'href'))
    if (!href) return <>{children}</>
    if (/^mailto:/i.test(href)) {
      return (
        <a href={href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      )
    }
    return (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
        <span className="visually-hidden">（新しいタブで開きます）</span>
      </a>
    )
  },
}

/**
 * Shows a stored rich-text document. It is validated again here (defence in depth): a document that fails the
 * allow-list is not shown at all.
 */
export function RichTextView({ doc, profile, className }: { doc: RichTextDoc; profile: RichTextProfile; className?: string }) {
  const parsed = parseRichText(doc, profile)
  if (!parsed.ok) {
    return <p className="rich-text rich-text--invalid">この本文は表示できません。</p>
  }
  const render = renderJSONContentToReactElement<RichTextMark, RichTextNode>({
    nodeMapping,
    markMapping,
    unhandledNode: () => null,
    unhandledMark: ({ children }) => <>{children}</>,
  })
  return <div className={className ? `rich-text ${className}` : 'rich-text'}>{render({ content: parsed.doc })}</div>
}
