import { parseRichText, richTextFromPlainText, richTextToPlainText, type RichTextDoc, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'

/** A stored document as the editor starts it; content that fails the allow-list is kept as plain text. */
export function initialDocument(value: RichTextDoc | null | undefined, profile: RichTextProfile): RichTextDoc {
  if (!value) return { type: 'doc', content: [] }
  const parsed = parseRichText(value, profile)
  if (parsed.ok) return parsed.doc
  return richTextFromPlainText(richTextToPlainText(value))
}
