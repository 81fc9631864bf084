import { formatDateTimeWithWeekday } from '#app/lib/format.ts'
import { japanDateKey } from '#app/lib/japan-time.ts'

const timeOnly = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' })

/** 「2026年12月5日(土) 13:00〜17:30」, or both full dates when the event spans days (Japan time). */
export function formatEventPeriod(startsAt: Date | string, endsAt: Date | string): string {
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const sameDay = japanDateKey(start) === japanDateKey(end)
  return `${formatDateTimeWithWeekday(start)}〜${sameDay ? timeOnly.format(end) : formatDateTimeWithWeekday(end)}`
}
