import { z } from 'zod'
import { calendarDateField } from '#app/lib/calendar-date.ts'
import { enumKeys, PROFESSIONS } from '#app/modules/members/labels.ts'
import {
  CASE_PLACES,
  CASE_SECTION_MAX_LENGTH,
  CASE_SORTS,
  COMMENT_MAX_LENGTH,
  COUNTERMEASURE_DIMENSIONS,
  COUNTERMEASURE_STRENGTHS,
  EXPERIENCE_BANDS,
  FACTOR_ELEMENTS,
  IMPACT_LEVELS,
  JQ_CATEGORIES,
  type FactorFrameworkCode,
} from './labels.ts'
import { RetrievalFiltersSchema } from './retrieval-filters.ts'
import {
  parseRichText,
  RICH_TEXT_MAX_JSON_CHARS,
  richTextFromPlainText,
  type RichTextDoc,
  type RichTextProfile,
} from '#app/modules/rich-text/rich-text.ts'

// Shared by server and browser (Conform). Every message says what to do, in Japanese.

/**
 * A rich-text field as posted: the editor's JSON string, or plain text (a textarea without JavaScript, or an
 * imported line). Plain text becomes paragraphs; JSON must pass the rich-text allow-list.
 */
export function richTextFromInput(
  value: unknown,
  profile: RichTextProfile,
  maxLength: number = CASE_SECTION_MAX_LENGTH,
): { ok: true; doc: RichTextDoc } | { ok: false; error: string } {
  if (value === undefined || value === null || value === '') return { ok: true, doc: { type: 'doc', content: [] } }
  if (typeof value === 'object') return parseRichText(value, profile, { maxLength })
  if (typeof value !== 'string') return { ok: false, error: '本文の形式が正しくありません' }
  const trimmed = value.trim()
  if (trimmed.startsWith('{')) {
    // parseRichText refuses an oversized string before parsing it (RICH_TEXT_MAX_JSON_CHARS).
    const parsed = parseRichText(trimmed, profile, { maxLength })
    if (parsed.ok || !isPlainTextWithABrace(trimmed)) return parsed
  }
  // Plain text (a textarea without JavaScript, an imported line): the same limit, counted before any work.
  if (value.length > maxLength) return { ok: false, error: tooLongMessage(maxLength, value.length) }
  return { ok: true, doc: richTextFromPlainText(value) }
}

/** Someone typed a brace: the text is not JSON at all, so it is taken as text. */
function isPlainTextWithABrace(value: string): boolean {
  if (value.length > RICH_TEXT_MAX_JSON_CHARS) return false
  try {
    JSON.parse(value)
    return false
  } catch {
    return true
  }
}

const tooLongMessage = (max: number, actual: number) =>
  `${max.toLocaleString('ja-JP')}文字以内で入力してください（現在 ${actual.toLocaleString('ja-JP')}文字）。`

const richText = (profile: RichTextProfile, maxLength: number = CASE_SECTION_MAX_LENGTH) =>
  z.unknown().transform((value, ctx) => {
    const result = richTextFromInput(value, profile, maxLength)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.error })
      return z.NEVER
    }
    return result.doc
  })

const MONTH = /^(\d{4})-(\d{2})$/

/** "YYYY-MM" within a sensible range; month granularity only (an exact date identifies the patient). */
export function parseYearMonth(value: string): { year: number; month: number } | null {
  const match = MONTH.exec(value.trim())
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12 || year < 1990 || year > 2100) return null
  return { year, month }
}

const YearMonthSchema = (what: string) =>
  z
    .string({ error: `${what}を入力してください（例: 2024-05）` })
    .trim()
    .refine((value) => parseYearMonth(value) !== null, `${what}は「2024-05」のように年と月で入力してください`)


/** Tags: typed as one string separated by commas, spaces or 「、」; at most 10, each up to 30 characters. */
export function parseTags(input: string | string[] | undefined): string[] {
  const parts = (Array.isArray(input) ? input : [input ?? '']).flatMap((value) => value.split(/[,、，\s]+/))
  const tags = parts.map((tag) => tag.replace(/^#/, '').trim()).filter(Boolean)
  return [...new Set(tags)]
}
const TagsSchema = z
  .string()
  .optional()
  .transform((value) => parseTags(value))
  .refine((tags) => tags.length <= 10, 'タグは10個までにしてください')
  .refine((tags) => tags.every((tag) => tag.length <= 30), 'タグは1つ30文字以内にしてください')

const ProfessionRowSchema = z.object({
  profession: z.enum(enumKeys(PROFESSIONS), { error: '職種を選んでください' }),
  experience: z.enum(enumKeys(EXPERIENCE_BANDS), { error: '経験年数を選んでください' }),
})

const FactorRowSchema = z.object({
  factor: z
    .string({ error: '枠組みと要素を選んでください' })
    .refine((value) => {
      const [framework, element] = value.split(':') as [FactorFrameworkCode, string]
      return !!FACTOR_ELEMENTS[framework]?.[element]
    }, '枠組みと要素を選び直してください'),
  description: z.string({ error: '要因の内容を入力してください' }).trim().min(1, '要因の内容を入力してください').max(1000, '要因は1000文字以内で入力してください'),
})

const CountermeasureRowSchema = z.object({
  text: z.string({ error: '対策の内容を入力してください' }).trim().min(1, '対策の内容を入力してください').max(1000, '対策は1000文字以内で入力してください'),
  strength: z.enum(enumKeys(COUNTERMEASURE_STRENGTHS), { error: '対策の強さを選んでください' }),
  dimension: z.enum(enumKeys(COUNTERMEASURE_DIMENSIONS), { error: '4Eの区分を選び直してください' }).optional(),
  responsibleRole: z.string({ error: '担当（職種・部署）を入力してください' }).trim().min(1, '担当（職種・部署）を入力してください').max(100, '担当は100文字以内で入力してください'),
  dueMonth: YearMonthSchema('期限').optional(),
  effectMeasure: z.string({ error: '効果の測り方を入力してください' }).trim().min(1, '効果の測り方を入力してください').max(500, '効果の測り方は500文字以内で入力してください'),
})

export const CaseSchema = z.object({
  intent: z.enum(['draft', 'publish']).default('draft'),
  title: z.string({ error: '題名を入力してください' }).trim().min(1, '題名を入力してください').max(120, '題名は120文字以内で入力してください'),
  summary: z.string({ error: '概要を入力してください' }).trim().min(1, '概要を入力してください').max(600, '概要は600文字以内で入力してください'),
  impactLevel: z.enum(enumKeys(IMPACT_LEVELS), { error: '影響度レベルを選んでください' }),
  jqCategory: z.enum(enumKeys(JQ_CATEGORIES), { error: '事象の分類を選んでください' }),
  place: z.enum(enumKeys(CASE_PLACES), { error: '発生場所を選んでください' }),
  occurredOn: YearMonthSchema('発生年月'),
  anonymous: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false),
  tags: TagsSchema,
  chronology: richText('full'),
  discovery: richText('full'),
  analysis: richText('full'),
  countermeasuresText: richText('full'),
  lessons: richText('full'),
  professions: z.array(ProfessionRowSchema).max(10, '職種は10件までにしてください').default([]),
  factors: z.array(FactorRowSchema).max(30, '要因は30件までにしてください').default([]),
  countermeasures: z.array(CountermeasureRowSchema).max(20, '対策は20件までにしてください').default([]),
})
export type CaseInput = z.infer<typeof CaseSchema>

export const CaseFiltersSchema = RetrievalFiltersSchema.extend({
  category: z.enum(enumKeys(JQ_CATEGORIES)).optional().catch(undefined),
  level: z.enum(enumKeys(IMPACT_LEVELS)).optional().catch(undefined),
  place: z.enum(enumKeys(CASE_PLACES)).optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  tag: z.string().trim().min(1).max(30).optional().catch(undefined),
  // "1": only cases 「検討会で扱った」 (marked on the case or discussed at a case-review meeting).
  reviewed: z.enum(['1']).optional().catch(undefined),
  sort: z.enum(enumKeys(CASE_SORTS)).catch('newest').default('newest'),
  // "1": my bookmarks; "mine": my own cases, drafts included.
  view: z.enum(['bookmarked', 'mine']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
})
export type CaseFilters = z.infer<typeof CaseFiltersSchema>

export const CommentSchema = z.object({
  body: richText('light', COMMENT_MAX_LENGTH),
  parentId: z.string().trim().max(40).optional(),
})

export const HideSchema = z.object({
  reason: z.string({ error: '非表示にする理由を入力してください' }).trim().min(1, '非表示にする理由を入力してください').max(500, '理由は500文字以内で入力してください'),
})

export const ReviewedSchema = z.object({
  meetingDate: calendarDateField('検討会の日付'),
})
