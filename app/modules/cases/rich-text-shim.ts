// TEMPORARY stand-in for app/modules/rich-text (being built on its own branch). Same names and shapes, so the
// switch is an import change. Delete this file when app/modules/rich-text lands on main.
export type RichTextProfile = 'full' | 'light'
export type RichTextNode = { type: string; text?: string; content?: RichTextNode[]; attrs?: Record<string, unknown>; marks?: unknown[] }
export type RichTextDoc = { type: 'doc'; content?: RichTextNode[] }

export function richTextFromPlainText(text: string): RichTextDoc {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/).map((p) => p.trim()).filter(Boolean)
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => [...(index ? [{ type: 'hardBreak' }] : []), ...(line ? [{ type: 'text', text: line }] : [])]),
    })),
  }
}

export function richTextToPlainText(doc: RichTextDoc): string {
  const walk = (node: RichTextNode): string =>
    node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : (node.content ?? []).map(walk).join('')
  return (doc.content ?? []).map(walk).join('\n')
}

export function isRichTextEmpty(doc: RichTextDoc): boolean {
  return richTextToPlainText(doc).trim() === ''
}

export function parseRichText(input: unknown, _profile: RichTextProfile): { ok: true; doc: RichTextDoc } | { ok: false; error: string } {
  if (typeof input === 'object' && input !== null && (input as { type?: unknown }).type === 'doc') {
    return { ok: true, doc: richTextFromPlainText(richTextToPlainText(input as RichTextDoc)) }
  }
  return { ok: false, error: '本文の形式が正しくありません' }
}
