import { z } from 'zod'
import { isRichTextEmpty, parseRichText, type RichTextDoc, type RichTextProfile } from './rich-text.ts'

export type RichTextFieldOptions = {
  /** Reject an empty document (only whitespace, empty paragraphs). */
  required?: boolean
  /** Message for a missing required field, e.g. 「要因分析を入力してください」. */
  requiredMessage?: string
  /** Character limit as the editor counts (richTextLength). */
  maxLength?: number
}

/**
 * A Conform/zod field for a rich-text editor: the form posts the document as a JSON string (the editor's hidden
 * input); the schema parses, validates against the profile's allow-list and yields the normalised RichTextDoc.
 * Conform turns an empty input into undefined, which is an empty document unless `required`.
 *
 *   const CaseSchema = z.object({ analysis: richTextField('full', { maxLength: 20_000 }) })
 */
export function richTextField(profile: RichTextProfile, options: RichTextFieldOptions = {}) {
  const requiredMessage = options.requiredMessage ?? '入力してください'
  return z
    .string()
    .optional()
    .transform((value, ctx): RichTextDoc => {
      const result = parseRichText(value, profile, { maxLength: options.maxLength })
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.error })
        return z.NEVER
      }
      if (options.required && isRichTextEmpty(result.doc)) {
        ctx.addIssue({ code: 'custom', message: requiredMessage })
        return z.NEVER
      }
      return result.doc
    })
}

/** Ready-made optional fields; use richTextField() for required ones or a character limit. */
export const RichTextSchema = {
  full: richTextField('full'),
  light: richTextField('light'),
} as const
