import { formatDateTime } from '#app/lib/format.ts'

const timeOnly = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' })
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** 「2026年12月5日 13:00〜17:30」, or both full dates when the event spans days (Japan time). */
export function formatEventPeriod(startsAt: Date | string, endsAt: Date | string): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const sameDay = dayKey.format(start) === dayKey.format(end)
  return `${formatDateTime(start)}〜${sameDay ? timeOnly.format(end) : formatDateTime(end)}`
}
