import { describe, expect, test } from 'vitest'
import {
  canCancel,
  eligibilityLabel,
  isEligible,
  placeForNewSignup,
  promotionsAvailable,
  seatsLeft,
  signupRefusal,
  signupState,
  reminderWindow,
  tomorrowInJapan,
  type EventRules,
} from './rules.ts'

const base: EventRules = {
  startsAt: new Date('2026-12-05T04:00:00Z'),
  signupDeadline: new Date('2026-11-30T14:59:59Z'),
  capacity: 2,
  courses: [],
  maxCohort: null,
  cancelledAt: null,
}
const member = { course: 'EQSO' as const, cohort: 2 }

describe('isEligible', () => {
  test.each([
    [{ courses: [], maxCohort: null }, member, true],
    [{ courses: [], maxCohort: null }, { course: null, cohort: null }, true],
    [{ courses: ['EQSO'], maxCohort: null }, member, true],
    [{ courses: ['CQSO', 'AQSO_DAILY'], maxCohort: null }, member, false],
    [{ courses: ['CQSO'], maxCohort: null }, { course: null, cohort: null }, false],
    [{ courses: ['EQSO'], maxCohort: 2 }, member, true],
    [{ courses: ['EQSO'], maxCohort: 1 }, member, false],
    [{ courses: [], maxCohort: 3 }, { course: 'CQSO', cohort: null }, false],
  ] as const)('%j for %j → %s', (event, who, expected) => expect(isEligible(event, who)).toBe(expected))

  test('label', () => {
    expect(eligibilityLabel({ courses: [], maxCohort: null })).toBe('全コース')
    expect(eligibilityLabel({ courses: ['CQSO', 'AQSO_DAILY'], maxCohort: 7 })).toBe('CQSO・AQSO（日々）（7期まで）')
  })
})

describe('signupState and signupRefusal', () => {
  test.each([
    ['2026-11-01T00:00:00Z', 'open'],
    ['2026-11-30T14:59:58Z', 'open'],
    ['2026-11-30T14:59:59Z', 'closed'],
    ['2026-12-05T03:59:59Z', 'closed'],
    ['2026-12-05T04:00:00Z', 'started'],
  ])('at %s → %s', (now, expected) => expect(signupState(base, new Date(now))).toBe(expected))

  test('without a deadline, sign-up runs until the start', () => {
    expect(signupState({ ...base, signupDeadline: null }, new Date('2026-12-05T03:59:59Z'))).toBe('open')
  })

  test('a cancelled event takes no sign-ups and no cancellations', () => {
    const cancelled = { ...base, cancelledAt: new Date('2026-11-01T00:00:00Z') }
    expect(signupRefusal(cancelled, member, new Date('2026-11-02T00:00:00Z'))).toBe('cancelled')
    expect(canCancel(cancelled, new Date('2026-11-02T00:00:00Z'))).toBe(false)
  })

  test('an ineligible course is refused while sign-up is open', () => {
    expect(signupRefusal({ ...base, courses: ['CQSO'] }, member, new Date('2026-11-02T00:00:00Z'))).toBe('ineligible')
    expect(signupRefusal(base, member, new Date('2026-11-02T00:00:00Z'))).toBeNull()
  })

  test('members may still cancel after the deadline, until the start', () => {
    expect(canCancel(base, new Date('2026-12-01T00:00:00Z'))).toBe(true)
    expect(canCancel(base, new Date('2026-12-05T04:00:00Z'))).toBe(false)
  })
})

describe('seats and the waiting list', () => {
  test.each([
    [2, 0, 'REGISTERED'],
    [2, 1, 'REGISTERED'],
    [2, 2, 'WAITLISTED'],
    [null, 500, 'REGISTERED'],
  ] as const)('capacity %s with %s registered → %s', (capacity, registered, expected) => expect(placeForNewSignup(capacity, registered)).toBe(expected))

  test.each([
    [2, 1, 3, 1],
    [2, 2, 3, 0],
    [5, 1, 2, 2],
    [2, 3, 1, 0], // over capacity after the admin lowered it: nobody moves up
    [null, 10, 4, 4],
  ])('capacity %s, %s registered, %s waiting → %s move up', (capacity, registered, waiting, expected) =>
    expect(promotionsAvailable(capacity, registered, waiting)).toBe(expected),
  )

  test('seatsLeft', () => {
    expect(seatsLeft(3, 1)).toBe(2)
    expect(seatsLeft(3, 4)).toBe(0)
    expect(seatsLeft(null, 4)).toBeNull()
  })
})

describe('tomorrowInJapan', () => {
  test.each([
    // 2026-12-04 10:00 JST → tomorrow is 12-05 JST
    ['2026-12-04T01:00:00Z', '2026-12-04T15:00:00.000Z', '2026-12-05T15:00:00.000Z'],
    // 2026-12-04 23:30 JST (14:30 UTC) → still 12-05
    ['2026-12-04T14:30:00Z', '2026-12-04T15:00:00.000Z', '2026-12-05T15:00:00.000Z'],
    // 2026-12-05 00:30 JST (12-04 15:30 UTC) → 12-06
    ['2026-12-04T15:30:00Z', '2026-12-05T15:00:00.000Z', '2026-12-06T15:00:00.000Z'],
  ])('at %s', (now, from, to) => {
    const window = tomorrowInJapan(new Date(now))
    expect(window.from.toISOString()).toBe(from)
    expect(window.to.toISOString()).toBe(to)
  })
})

test('reminders wait for the morning of the day before (Japan time)', () => {
  expect(reminderWindow(new Date('2026-12-04T15:30:00Z'))).toBeNull() // 00:30 JST
  expect(reminderWindow(new Date('2026-12-04T23:59:00Z'))).toBeNull() // 08:59 JST
  expect(reminderWindow(new Date('2026-12-05T00:00:00Z'))?.from.toISOString()).toBe('2026-12-05T15:00:00.000Z') // 09:00 JST
})
