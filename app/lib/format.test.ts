import { describe, expect, test } from 'vitest'
import { formatDateTimeWithWeekday, formatDateWithWeekday } from './format.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'

// Weekdays checked against a printed calendar (国立天文台 暦要項 / any 2026 calendar): 2026-12-02 is a Wednesday,
// 2027-01-01 a Friday, 2024-02-29 a Thursday.
describe('dates with the weekday, in Japan time whatever the server zone', () => {
  test.each([
    ['2026-12-02T03:00:00Z', '2026年12月2日(水)'],
    ['2026-12-31T15:30:00Z', '2027年1月1日(金)'], // 00:30 on New Year's Day in Tokyo, still 31 December in UTC
    ['2024-02-29T00:00:00+09:00', '2024年2月29日(木)'],
  ])('%s → %s', (instant, expected) => {
    expect(formatDateWithWeekday(instant)).toBe(expected)
  })

  test('with the time, and an event period on one day or across days', () => {
    expect(formatDateTimeWithWeekday('2026-12-02T04:00:00Z')).toBe('2026年12月2日(水) 13:00')
    expect(formatEventPeriod('2026-12-05T13:00:00+09:00', '2026-12-05T17:30:00+09:00')).toBe('2026年12月5日(土) 13:00〜17:30')
    expect(formatEventPeriod('2026-12-05T13:00:00+09:00', '2026-12-06T12:00:00+09:00')).toBe('2026年12月5日(土) 13:00〜2026年12月6日(日) 12:00')
  })
})
