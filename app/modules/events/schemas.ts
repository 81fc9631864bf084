import { z } from 'zod'
import { japanDateTimeField, parseJapanLocalDateTime } from '#app/lib/calendar-date.ts'
import { asJapanClock } from '#app/lib/japan-time.ts'
import { COURSES, enumKeys } from '#app/modules/members/labels.ts'
import { EVENT_KINDS } from './labels.ts'

// The admin's event form, shared by server and browser (Conform). Times are typed in Japan time.
export const SUMMARY_MAX_LENGTH = 10_000

/**
 * "2026-12-05T13:00" typed in a datetime-local field, read as Japan time (no daylight saving time there). Only
 * called on values the schema accepted (japanDateTimeField), so an impossible date never reaches it.
 */
export function parseTokyoLocal(value: string): Date {
  return parseJapanLocalDateTime(value) ?? new Date(Number.NaN)
}

/** The inverse, for the form's default values. */
export function toTokyoLocal(date: Date | string): string {
  return asJapanClock(date).toISOString().slice(0, 16)
}

const dateTime = japanDateTimeField

// Case ids typed into the picker's text box: bare ids or /cases/<id> links, separated by spaces, commas or lines.
const CASE_ID = /^[A-Za-z0-9_-]{1,40}$/
const MAX_LINKED_CASES = 20

/** Reads the picker's text box: the case ids in the order typed, and what could not be read as one. */
export function parseCaseRefs(text: string | undefined): { ids: string[]; unreadable: string[] } {
  const ids: string[] = []
  const unreadable: string[] = []
  for (const token of (text ?? '').split(/[\s,、，]+/).filter(Boolean)) {
    const fromLink = /\/cases\/([^/?#\s]+)/.exec(token)?.[1]
    const id = fromLink ?? token
    if (CASE_ID.test(id)) ids.push(id)
    else unreadable.push(token)
  }
  return { ids, unreadable }
}

/** Every case the form asks to link: ticked boxes first (in page order), then the typed ones; no repeats. */
export function requestedCaseIds(input: Pick<EventInput, 'caseIds' | 'caseRefs'>): string[] {
  return [...new Set([...input.caseIds, ...parseCaseRefs(input.caseRefs).ids])]
}

const optionalInt = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what}は数字で入力してください` })
    .int(`${what}は整数で入力してください`)
    .min(min, `${what}は${min}以上で入力してください`)
    .max(max, `${what}は${max}以下で入力してください`)
    .optional()

export const EventSchema = z
  .object({
    kind: z.enum(enumKeys(EVENT_KINDS), { error: '種別を選んでください' }),
    title: z.string({ error: 'タイトルを入力してください' }).trim().min(1, 'タイトルを入力してください').max(200, 'タイトルは200文字以内で入力してください'),
    description: z.string().trim().max(5000, '内容は5000文字以内で入力してください').optional(),
    startsAt: dateTime('開始日時'),
    endsAt: dateTime('終了日時'),
    venue: z.string().trim().max(300, '会場は300文字以内で入力してください').optional(),
    onlineUrl: z
      .url({ protocol: /^https?$/, error: 'オンライン参加のURLは https:// から始まる形で入力してください' })
      .max(1000, 'URLが長すぎます')
      .optional(),
    capacity: optionalInt('定員', 1, 10_000),
    signupDeadline: dateTime('申込締切').optional(),
    courses: z.array(z.enum(enumKeys(COURSES), { error: 'コースを選び直してください' })).default([]),
    maxCohort: optionalInt('対象の期', 1, 99),
    cool: optionalInt('クール', 1, 20),
    showOnPublicPage: z.boolean().default(false),
    // Case-review meetings only: the cases discussed (ticked in the picker, or typed as ids / links).
    caseIds: z.array(z.string().regex(CASE_ID, '事例を選び直してください')).default([]),
    caseRefs: z.string().trim().max(2000, '事例のIDが多すぎます').optional(),
  })
  .superRefine((value, ctx) => {
    const startsAt = parseTokyoLocal(value.startsAt)
    if (parseTokyoLocal(value.endsAt) <= startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '終了日時は開始日時より後にしてください' })
    }
    if (value.signupDeadline && parseTokyoLocal(value.signupDeadline) > startsAt) {
      ctx.addIssue({ code: 'custom', path: ['signupDeadline'], message: '申込締切は開始日時より前にしてください' })
    }
    const refs = parseCaseRefs(value.caseRefs)
    if (refs.unreadable.length) {
      ctx.addIssue({ code: 'custom', path: ['caseRefs'], message: `事例のIDまたはURLとして読めません：${refs.unreadable.slice(0, 5).join('、')}` })
    }
    const requested = new Set([...value.caseIds, ...refs.ids])
    if (requested.size && value.kind !== 'CASE_REVIEW') {
      ctx.addIssue({ code: 'custom', path: ['caseRefs'], message: '事例を紐づけられるのは種別が「事例検討会」の行事だけです' })
    }
    if (requested.size > MAX_LINKED_CASES) {
      ctx.addIssue({ code: 'custom', path: ['caseRefs'], message: `紐づける事例は${MAX_LINKED_CASES}件までにしてください` })
    }
    if (!value.venue && !value.onlineUrl) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: '会場かオンライン参加のURLのどちらかを入力してください' })
    }
  })
export type EventInput = z.infer<typeof EventSchema>

// A case-review meeting's summary talks about real incidents and every member reads it, so it passes the same
// de-identification gate as a published case: postSummary (events.server.ts) runs the server check.
export const SummarySchema = z.object({
  summary: z
    .string({ error: 'まとめを入力してください' })
    .trim()
    .min(1, 'まとめを入力してください')
    .max(SUMMARY_MAX_LENGTH, `まとめは${SUMMARY_MAX_LENGTH}文字以内で入力してください`),
})
