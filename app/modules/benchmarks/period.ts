import { japanMonthKey } from '#app/lib/japan-time.ts'
/** Months as "YYYY-MM" strings: they sort and compare as text, and never meet a time zone. */
export type Period = string

const PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isPeriod(value: string): boolean {
  return PATTERN.test(value)
}

export function addMonths(period: Period, months: number): Period {
  const [year, month] = period.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: Period, to: Period): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return Math.max(0, ty * 12 + tm - (fy * 12 + fm) + 1)
}

export function periodsBetween(from: Period, to: Period): Period[] {
  return Array.from({ length: monthCount(from, to) }, (_, i) => addMonths(from, i))
}

/** The month it is now in Japan. */
export function currentPeriod(now: Date = new Date()): Period {
  return japanMonthKey(now)
}

export function previousPeriod(now: Date = new Date()): Period {
  return addMonths(currentPeriod(now), -1)
}

export function formatPeriod(period: Period): string {
  const [year, month] = period.split('-').map(Number)
  return `${year}年${month}月`
}
