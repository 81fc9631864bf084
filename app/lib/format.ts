// The one date and number formatting for the whole UI: Japanese, in Japan's time zone whatever the server's.
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const dateOnly = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' })
// With the weekday, as Japanese notices write event dates: 「2026年12月2日(水)」, 「2026年12月2日(水) 13:00」.
const dateWithWeekday = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })
const dateTimeWithWeekday = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
})
const number = new Intl.NumberFormat('ja-JP')

export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value))
}

export function formatDate(value: Date | string): string {
  return dateOnly.format(new Date(value))
}

/** 「2026年12月2日(水)」 (Japan time): for days people plan around, such as events. */
export function formatDateWithWeekday(value: Date | string): string {
  return dateWithWeekday.format(new Date(value))
}

/** 「2026年12月2日(水) 13:00」 (Japan time). */
export function formatDateTimeWithWeekday(value: Date | string): string {
  return dateTimeWithWeekday.format(new Date(value))
}

export function formatNumber(value: number): string {
  return number.format(value)
}

export function formatYen(value: number): string {
  return `${number.format(value)}円`
}
