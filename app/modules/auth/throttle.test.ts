import { describe, expect, test } from 'vitest'
import { ACCOUNT_DELAY_CAP_MS, delayAfter, minutesUntil, RULES, THROTTLE_WINDOW_MS, waitUntil } from './throttle.ts'

const now = new Date('2026-11-24T10:00:00Z')
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('delayAfter', () => {
  test.each([
    { failures: 0, rule: RULES.addressAndIp, expected: 0 },
    { failures: 4, rule: RULES.addressAndIp, expected: 0 },
    { failures: 5, rule: RULES.addressAndIp, expected: 30_000 },
    { failures: 6, rule: RULES.addressAndIp, expected: 60_000 },
    { failures: 8, rule: RULES.addressAndIp, expected: 240_000 },
    { failures: 40, rule: RULES.addressAndIp, expected: THROTTLE_WINDOW_MS },
    { failures: 20, rule: RULES.ip, expected: 0 },
    { failures: 21, rule: RULES.ip, expected: 30_000 },
    { failures: 10, rule: RULES.address, expected: 0 },
    { failures: 11, rule: RULES.address, expected: 1000 },
    { failures: 15, rule: RULES.address, expected: 16_000 },
    { failures: 1000, rule: RULES.address, expected: ACCOUNT_DELAY_CAP_MS },
  ])('$failures failures → $expected ms', ({ failures, rule, expected }) => {
    expect(delayAfter(failures, rule)).toBe(expected)
  })

  test('however many failures come from other IPs, the owner of an address waits at most 30 seconds', () => {
    for (let failures = 0; failures <= 500; failures++) expect(delayAfter(failures, RULES.address)).toBeLessThanOrEqual(30_000)
  })
})

describe('waitUntil', () => {
  test('counts from the newest failure', () => {
    const failures = [5, 10, 20, 30, 40].map(secondsAgo)
    expect(waitUntil(failures, RULES.addressAndIp, now)).toEqual(new Date(secondsAgo(5).getTime() + 30_000))
  })

  test('a wait that has passed is no wait', () => {
    expect(waitUntil([31, 40, 50, 60, 70].map(secondsAgo), RULES.addressAndIp, now)).toBeNull()
    expect(waitUntil([], RULES.addressAndIp, now)).toBeNull()
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
