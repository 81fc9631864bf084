import { z } from 'zod'
import { parseTags } from '#app/modules/cases/schemas.ts'
import { parseRichText, richTextFromPlainText, type RichTextDoc, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'
import { enumKeys } from '#app/modules/members/labels.ts'
import { ADOPTION_STATUSES, PRACTICE_SORTS, PRACTICE_THEMES } from './labels.ts'

// Shared by server and browser (Conform). Every message says what to do, in Japanese.

/**
 * A rich-text field as posted: the editor's JSON (checked against the allow-list), or plain text from a
 * textarea without JavaScript, which becomes paragraphs.
 */
export const PRACTICE_SECTION_MAX_LENGTH = 20_000

export function richTextFromInput(value: unknown, profile: RichTextProfile): { ok: true; doc: RichTextDoc } | { ok: false; error: string } {
  if (typeof value === 'string' && !value.trim().startsWith('{')) {
    // Plain text gets the same limit as the editor's JSON, counted before any work (issue 13, F4).
    if (value.length > PRACTICE_SECTION_MAX_LENGTH) {
      return {
        ok: false,
        error: `${PRACTICE_SECTION_MAX_LENGTH.toLocaleString('ja-JP')}文字以内で入力してください（現在 ${value.length.toLocaleString('ja-JP')}文字）。`,
      }
    }
    return { ok: true, doc: richTextFromPlainText(value) }
  }
  return parseRichText(value, profile, { maxLength: PRACTICE_SECTION_MAX_LENGTH })
}

const richText = (profile: RichTextProfile) =>
  z.unknown().transform((value, ctx) => {
    const result = richTextFromInput(value, profile)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    }
    return result.doc
  })

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}は${max}文字以内で入力してください`)
    .optional()
    .transform((value) => value ?? '')

const required = (label: string, max: number) =>
  z.string({ error: `${label}を入力してください` }).trim().min(1, `${label}を入力してください`).max(max, `${label}は${max}文字以内で入力してください`)

const ResultRowSchema = z.object({
  metric: required('指標', 60),
  before: required('導入前の値', 30),
  after: required('導入後の値', 30),
  unit: text('単位', 20),
  period: text('期間', 40),
})

const TagsSchema = z
  .string()
  .optional()
  .transform((value) => parseTags(value))
  .refine((tags) => tags.length <= 10, 'タグは10個までにしてください')
  .refine((tags) => tags.every((tag) => tag.length <= 30), 'タグは1つ30文字以内にしてください')

/**
 * Related cases as posted: the picker's ids, or what a member typed without JavaScript — case numbers (12, #12,
 * No.12), addresses (/cases/…) or ids — separated by commas, spaces or new lines. Numbers come back as "#12",
 * ids as they are; the module resolves both to cases the author may see.
 */
export function parseCaseRefs(value: string | undefined): string[] {
  const refs = (value ?? '')
    .normalize('NFKC')
    .split(/[\s,、，]+/)
    .map((part) => part.trim())
    .flatMap((part) => {
      const number = /^(?:#|no\.?|事例)?(\d{1,9})$/i.exec(part)
      if (number) return [`#${Number(number[1])}`]
      const id = part.replace(/^.*\/cases\//, '').replace(/[/?#].*$/, '')
      return /^[a-z0-9]{10,40}$/i.test(id) ? [id] : []
    })
  return [...new Set(refs)]
}

export const PracticeSchema = z.object({
  intent: z.enum(['draft', 'publish']).default('draft'),
  title: required('題名', 120),
  problem: required('解決したい課題', 2000),
  whatWasDone: richText('full'),
  steps: richText('full'),
  resources: text('必要な人員・費用', 2000),
  pitfalls: text('つまずきやすい点', 2000),
  theme: z.enum(enumKeys(PRACTICE_THEMES), { error: 'テーマを選んでください' }),
  tags: TagsSchema,
  relatedCases: z
    .string()
    .optional()
    .transform((value) => parseCaseRefs(value))
    .refine((refs) => refs.length <= 10, '関連事例は10件までにしてください'),
  results: z.array(ResultRowSchema).max(10, '結果は10件までにしてください').default([]),
  // Attachments to drop (ids of PracticeAttachment rows); new files are read from the form separately.
  removeAttachment: z.array(z.string().max(40)).default([]),
})
export type PracticeInput = z.infer<typeof PracticeSchema>

export const PracticeFiltersSchema = z.object({
  theme: z.enum(enumKeys(PRACTICE_THEMES)).optional().catch(undefined),
  tag: z.string().trim().min(1).max(30).optional().catch(undefined),
  // "1": only practices with measured results
  measured: z.enum(['1']).optional().catch(undefined),
  sort: z.enum(enumKeys(PRACTICE_SORTS)).catch('newest').default('newest'),
  // hidden: moderators only (the list ignores it for others)
  view: z.enum(['bookmarked', 'mine', 'hidden']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type PracticeFilters = z.infer<typeof PracticeFiltersSchema>

export const AdoptionSchema = z.object({
  status: z.enum(enumKeys(ADOPTION_STATUSES), { error: '導入の状況を選んでください' }),
  resultBefore: text('導入前の値', 60),
  resultAfter: text('導入後の値', 60),
  note: text('メモ', 1000),
})
export type AdoptionInput = z.infer<typeof AdoptionSchema>

// Office documents too (issue 17): hospitals keep procedures and posters in Word, Excel and PowerPoint.
export const PRACTICE_ATTACHMENT_RULES = { maxBytes: 10 * 1024 * 1024, allowed: ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'pptx'] as const }
export const MAX_PRACTICE_ATTACHMENTS = 10
