/**
 * Calendar arithmetic in Japan's time, whatever the server's time zone. Japan has no daylight saving time, so
 * Japan time is always UTC+9 and a fixed shift is exact. Display formatting stays in format.ts.
 */
export const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000

/** The instant shifted so that its UTC fields (getUTCHours, toISOString) read as a clock in Japan. */
export function asJapanClock(value: Date | string): Date {
  return new Date(new Date(value).getTime() + JAPAN_OFFSET_MS)
}

/** 2026-12-05: the calendar day in Japan, for keys and file names. */
export function japanDateKey(value: Date | string): string {
  return asJapanClock(value).toISOString().slice(0, 10)
}

/** 2026-12: the month in Japan. */
export function japanMonthKey(value: Date | string): string {
  return japanDateKey(value).slice(0, 7)
}
