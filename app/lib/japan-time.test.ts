import { expect, test } from 'vitest'
import { asJapanClock, japanDateKey, japanMonthKey } from './japan-time.ts'

test('days and months turn at midnight in Japan, not in UTC', () => {
  // 2026-11-30 15:00 UTC is 2026-12-01 00:00 in Japan.
  expect(japanDateKey('2026-11-30T14:59:59Z')).toBe('2026-11-30')
  expect(japanDateKey('2026-11-30T15:00:00Z')).toBe('2026-12-01')
  expect(japanMonthKey('2026-11-30T15:00:00Z')).toBe('2026-12')
  expect(asJapanClock('2026-11-30T15:30:00Z').getUTCHours()).toBe(0)
})
