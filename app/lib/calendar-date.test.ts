import { describe, expect, test } from 'vitest'
import { calendarDateField, japanDateTimeField, parseCalendarDate, parseJapanLocalDateTime } from './calendar-date.ts'

// F8 of issue 13: impossible dates were stored as the next valid one (2026-02-30 → 2026-03-02).
describe('parseCalendarDate', () => {
  test.each(['2026-02-30', '2026-02-29', '2025-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '1899-12-31', '2101-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01x', ''])(
    '%j is refused',
    (value) => {
      expect(parseCalendarDate(value)).toBeNull()
    },
  )

  test.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['2026-12-31', { year: 2026, month: 12, day: 31 }],
  ])('%s is a real day', (value, parts) => {
    expect(parseCalendarDate(value)).toEqual(parts)
  })

  test('1900 is not a leap year (divisible by 100, not by 400)', () => {
    expect(parseCalendarDate('1900-02-29')).toBeNull()
  })
})

describe('parseJapanLocalDateTime', () => {
  test('reads Japan time', () => {
    expect(parseJapanLocalDateTime('2026-12-05T13:00')?.toISOString()).toBe('2026-12-05T04:00:00.000Z')
  })
  test.each(['2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01T10:60', '0000-01-01T00:00', '2026-01-01'])('%j is refused', (value) => {
    expect(parseJapanLocalDateTime(value)).toBeNull()
  })
})

describe('form fields say what is wrong in Japanese', () => {
  test('an impossible day names the field', () => {
    const result = calendarDateField('検討会の日付').safeParse('2026-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('検討会の日付は存在する日付を入力してください（1900年〜2100年）')
    expect(japanDateTimeField('開始日時').safeParse('2026-02-30T10:00').error?.issues[0]?.message).toContain('開始日時は存在する日付と時刻')
  })
})
