import { z } from 'zod'

/**
 * The one strict reader of typed dates, shared by server and browser. `new Date('2026-02-30')` and Date.parse
 * silently roll an impossible day over (to 2026-03-02) and accept year 0000, so every form field that takes a
 * date or a date-time checks the calendar here first (issue 13, F8). Gregorian calendar; Japan has no daylight
 * saving time, so a Japan local time always converts with +09:00.
 */

export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

export type CalendarDate = { year: number; month: number; day: number }

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/** "2026-02-28" → its parts; null for a wrong shape, a year outside 1900–2100, month 13 or day 30 of February. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = DATE.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** "2026-12-05T13:00" (seconds optional) typed as Japan time → the instant; null if any part is impossible. */
export function parseJapanLocalDateTime(value: string): Date | null {
  const match = DATE_TIME.exec(value)
  if (!match || !parseCalendarDate(match[1]!)) return null
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)]
  if (hour > 23 || minute > 59 || second > 59) return null
  return new Date(`${match[1]}T${match[2]}:${match[3]}:${String(second).padStart(2, '0')}+09:00`)
}

/** A "YYYY-MM-DD" form field: the message names the field and says what is wrong, in Japanese. */
export function calendarDateField(what: string) {
  return z
    .string({ error: `${what}を入力してください` })
    .trim()
    .regex(DATE, `${what}は「2026-06-12」の形で入力してください`)
    .refine((value) => parseCalendarDate(value) !== null, `${what}は存在する日付を入力してください（${MIN_YEAR}年〜${MAX_YEAR}年）`)
}

/** A datetime-local form field read as Japan time. */
export function japanDateTimeField(what: string) {
  return z
    .string({ error: `${what}を入力してください` })
    .trim()
    .regex(DATE_TIME, `${what}は「2026-12-05 13:00」の形で入力してください`)
    .refine((value) => parseJapanLocalDateTime(value) !== null, `${what}は存在する日付と時刻を入力してください（${MIN_YEAR}年〜${MAX_YEAR}年）`)
}
