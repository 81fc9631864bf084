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
const number = new Intl.NumberFormat('ja-JP')

export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value))
}

export function formatDate(value: Date | string): string {
  return dateOnly.format(new Date(value))
}

export function formatNumber(value: number): string {
  return number.format(value)
}

export function formatYen(value: number): string {
  return `${number.format(value)}円`
}
