import { describe, expect, test } from 'vitest'
import { formatMinutes, median, responseClock, responseDeadline } from './timing.ts'

const submittedAt = new Date('2026-11-24T01:00:00Z')
const minutesLater = (minutes: number) => new Date(submittedAt.getTime() + minutes * 60_000)

test('deadlines: 緊急 2 h, 至急 24 h, 通常 3 days', () => {
  expect(responseDeadline(submittedAt, 'EMERGENCY')).toEqual(minutesLater(120))
  expect(responseDeadline(submittedAt, 'URGENT')).toEqual(minutesLater(24 * 60))
  expect(responseDeadline(submittedAt, 'ROUTINE')).toEqual(minutesLater(72 * 60))
})

describe('responseClock', () => {
  test('waiting, still in time', () => {
    expect(responseClock({ submittedAt, urgency: 'EMERGENCY', firstResponseAt: null }, minutesLater(30))).toMatchObject({
      overdue: false,
      metTarget: null,
      minutesLeft: 90,
      firstResponseMinutes: null,
    })
  })
  test('waiting past the deadline is overdue and a missed target', () => {
    expect(responseClock({ submittedAt, urgency: 'EMERGENCY', firstResponseAt: null }, minutesLater(121))).toMatchObject({ overdue: true, metTarget: false })
  })
  test('answered exactly at the deadline meets the target; a minute later does not', () => {
    expect(responseClock({ submittedAt, urgency: 'EMERGENCY', firstResponseAt: minutesLater(120) }, minutesLater(500)).metTarget).toBe(true)
    const late = responseClock({ submittedAt, urgency: 'EMERGENCY', firstResponseAt: minutesLater(121) }, minutesLater(500))
    expect(late).toMatchObject({ metTarget: false, overdue: false, firstResponseMinutes: 121, minutesLeft: null })
  })
})

test('formatMinutes', () => {
  expect(formatMinutes(5)).toBe('5分')
  expect(formatMinutes(60)).toBe('1時間')
  expect(formatMinutes(80)).toBe('1時間20分')
  expect(formatMinutes(-80)).toBe('1時間20分')
  expect(formatMinutes(1440 * 3 + 120)).toBe('3日2時間')
  expect(formatMinutes(1440)).toBe('1日')
})

test('median', () => {
  expect(median([])).toBeNull()
  expect(median([5])).toBe(5)
  expect(median([9, 1, 5])).toBe(5)
  expect(median([1, 2, 3, 10])).toBe(2.5)
})
