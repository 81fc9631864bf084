import { describe, expect, test } from 'vitest'
import { lockedUntil, minutesUntil, THROTTLE_WINDOW_MS } from './throttle.ts'

const now = new Date('2026-11-24T10:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)

describe('lockedUntil', () => {
  test.each([
    { name: 'no failures', failures: [], expected: null },
    { name: 'one short of the limit', failures: [1, 2, 3, 4].map(minutesAgo), expected: null },
    { name: 'limit reached: locked until the oldest counted failure leaves the window', failures: [1, 2, 3, 4, 5].map(minutesAgo), expected: minutesAgo(5 - 15) },
    { name: 'more than the limit: the limit-th newest decides', failures: [1, 2, 3, 4, 6, 14].map(minutesAgo), expected: minutesAgo(6 - 15) },
  ])('$name', ({ failures, expected }) => {
    expect(lockedUntil(failures, 5, now)).toEqual(expected)
  })

  test('a lock whose time has passed is no lock', () => {
    const old = [0, 1, 2, 3, 4].map((m) => new Date(now.getTime() - THROTTLE_WINDOW_MS - m * 60_000))
    expect(lockedUntil(old, 5, now)).toBeNull()
  })
})

describe('minutesUntil', () => {
  test.each([
    { seconds: 1, minutes: 1 },
    { seconds: 60, minutes: 1 },
    { seconds: 61, minutes: 2 },
    { seconds: 14 * 60 + 59, minutes: 15 },
  ])('$seconds s → $minutes min', ({ seconds, minutes }) => {
    expect(minutesUntil(new Date(now.getTime() + seconds * 1000), now)).toBe(minutes)
  })
})
