/**
 * The case-retrieval filters of issue 17 (staff profession, experience band, contributing factor, countermeasure
 * strength, a range of months of occurrence), shared by /cases, /search and the export. Pure: the same URL
 * parameters mean the same thing on every page, and a link copied from one page filters the same way on another.
 */
import { z } from 'zod'
import { enumKeys, PROFESSIONS } from '#app/modules/members/labels.ts'
import { COUNTERMEASURE_STRENGTHS, EXPERIENCE_BANDS, FACTOR_ELEMENTS, type FactorFrameworkCode } from './labels.ts'

/** The URL parameters, in the order the form shows them. */
export const RETRIEVAL_PARAMS = ['profession', 'experience', 'factor', 'strength', 'from', 'to'] as const
export type RetrievalParam = (typeof RETRIEVAL_PARAMS)[number]

export function isFactorCode(value: string): boolean {
  const [framework, element, ...rest] = value.split(':')
  return rest.length === 0 && !!framework && !!element && Object.hasOwn(FACTOR_ELEMENTS, framework) && Object.hasOwn(FACTOR_ELEMENTS[framework as FactorFrameworkCode], element)
}

/** A month as typed (trimmed; empty is absent); read by `occurredRange`. */
const monthText = () =>
  z
    .string()
    .trim()
    .max(20)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined)

/**
 * What the URL may carry. Choices from a list that are not in the list are dropped (an old link, a hand-edited
 * URL): there is nothing useful to say about them. The months are kept as typed, so a mistake can be shown
 * beside the field with the text still in it (see `occurredRange`).
 */
export const RetrievalFiltersSchema = z.object({
  profession: z.enum(enumKeys(PROFESSIONS)).optional().catch(undefined),
  experience: z.enum(enumKeys(EXPERIENCE_BANDS)).optional().catch(undefined),
  factor: z.string().refine(isFactorCode).optional().catch(undefined),
  strength: z.enum(enumKeys(COUNTERMEASURE_STRENGTHS)).optional().catch(undefined),
  from: monthText(),
  to: monthText(),
})
export type RetrievalFilters = z.infer<typeof RetrievalFiltersSchema>

/** A month as one comparable number: 2024年4月 → 202404. */
export const monthNumber = (year: number, month: number) => year * 100 + month

/**
 * A month as a member may type it where the browser has no month picker: 2024-04, 2024-4, 2024/04, 2024.4,
 * 2024年4月, with full-width digits too. Only months of 1990–2100 (the range cases can be entered with).
 */
export function parseMonthInput(value: string): { year: number; month: number } | null {
  const text = value.normalize('NFKC').trim()
  const match = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(text)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12 || year < 1990 || year > 2100) return null
  return { year, month }
}

export type OccurredRange = {
  /** Inclusive bounds as YYYYMM; absent when not given or not valid. */
  from?: number
  to?: number
  /** Japanese messages for the fields, shown beside them. */
  errors: Partial<Record<'from' | 'to', string>>
}

/**
 * The range of months of occurrence. A bound that cannot be read is not applied and gets a message; a range
 * whose end is before its start is not applied at all (it would show nothing, which reads as "no such cases").
 */
export function occurredRange(filters: Pick<RetrievalFilters, 'from' | 'to'>): OccurredRange {
  const errors: OccurredRange['errors'] = {}
  const from = filters.from ? parseMonthInput(filters.from) : null
  const to = filters.to ? parseMonthInput(filters.to) : null
  if (filters.from && !from) errors.from = '開始は「2024-04」のように年と月で入力してください（1990年〜2100年）'
  if (filters.to && !to) errors.to = '終了は「2025-03」のように年と月で入力してください（1990年〜2100年）'
  const fromNumber = from ? monthNumber(from.year, from.month) : undefined
  const toNumber = to ? monthNumber(to.year, to.month) : undefined
  if (fromNumber !== undefined && toNumber !== undefined && toNumber < fromNumber) {
    return { errors: { to: '終了は開始と同じ月か、それより後の月にしてください' } }
  }
  return { ...(fromNumber !== undefined ? { from: fromNumber } : {}), ...(toNumber !== undefined ? { to: toNumber } : {}), errors }
}

/** Whether any retrieval filter is set (an unreadable month counts: the member asked for something). */
export const hasRetrievalFilters = (filters: RetrievalFilters) => RETRIEVAL_PARAMS.some((param) => filters[param] !== undefined)

/** The filters as URL parameters (only those set), for links that keep them: export, paging, facets. */
export function retrievalSearchParams(filters: RetrievalFilters): [string, string][] {
  return RETRIEVAL_PARAMS.flatMap((param) => {
    const value = filters[param]
    return value === undefined ? [] : [[param, value] as [string, string]]
  })
}
