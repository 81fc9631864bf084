import { asJapanClock, JAPAN_OFFSET_MS } from '#app/lib/japan-time.ts'
import { COURSES, type CourseCode } from '#app/modules/members/labels.ts'
import type { RegistrationStatusCode } from './labels.ts'

/**
 * The sign-up rules of a programme event, pure so that the page (what to offer) and the server (what to allow)
 * ask the same questions. The server asks them again inside the transaction that holds the event's row lock.
 */

export type EventRules = {
  startsAt: Date
  signupDeadline: Date | null
  capacity: number | null
  courses: readonly CourseCode[]
  maxCohort: number | null
  cancelledAt: Date | null
}

export type Member = { course: CourseCode | null; cohort: number | null }

/** Whether the member's course and cohort may join (empty course list = every course). */
export function isEligible(event: Pick<EventRules, 'courses' | 'maxCohort'>, member: Member): boolean {
  if (event.courses.length > 0 && (!member.course || !event.courses.includes(member.course))) return false
  if (event.maxCohort !== null && (member.cohort === null || member.cohort > event.maxCohort)) return false
  return true
}

/** Who may join, in words: 「CQSO・EQSO（5期まで）」 or 「全コース」. */
export function eligibilityLabel(event: Pick<EventRules, 'courses' | 'maxCohort'>): string {
  const courses = event.courses.length ? event.courses.map((course) => COURSES[course]).join('・') : '全コース'
  return event.maxCohort !== null ? `${courses}（${event.maxCohort}期まで）` : courses
}

export type SignupState = 'open' | 'closed' | 'started' | 'cancelled'

/** When sign-up ends: the deadline if there is one, else the start of the event. */
export function signupClosesAt(event: Pick<EventRules, 'startsAt' | 'signupDeadline'>): Date {
  if (event.signupDeadline && event.signupDeadline < event.startsAt) return event.signupDeadline
  return event.startsAt
}

export function signupState(event: Pick<EventRules, 'startsAt' | 'signupDeadline' | 'cancelledAt'>, now: Date): SignupState {
  if (event.cancelledAt) return 'cancelled'
  if (now >= event.startsAt) return 'started'
  if (now >= signupClosesAt(event)) return 'closed'
  return 'open'
}

/** Cancelling (and so moving the waiting list up) is possible until the event starts, also after the deadline. */
export function canCancel(event: Pick<EventRules, 'startsAt' | 'cancelledAt'>, now: Date): boolean {
  return !event.cancelledAt && now < event.startsAt
}

/** Seats still free; null when the event has no limit. */
export function seatsLeft(capacity: number | null, registered: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - registered)
}

/** A new sign-up gets a seat while one is free, else a place on the waiting list. */
export function placeForNewSignup(capacity: number | null, registered: number): Extract<RegistrationStatusCode, 'REGISTERED' | 'WAITLISTED'> {
  return capacity === null || registered < capacity ? 'REGISTERED' : 'WAITLISTED'
}

/** How many from the head of the waiting list move up after a cancellation or a larger capacity. */
export function promotionsAvailable(capacity: number | null, registered: number, waiting: number): number {
  if (capacity === null) return waiting
  return Math.max(0, Math.min(waiting, capacity - registered))
}

export type SignupRefusal = 'ineligible' | 'closed' | 'started' | 'cancelled'

/** Why a member may not sign up now, or null when they may. */
export function signupRefusal(event: EventRules, member: Member, now: Date): SignupRefusal | null {
  const state = signupState(event, now)
  if (state !== 'open') return state
  if (!isEligible(event, member)) return 'ineligible'
  return null
}

export const SIGNUP_REFUSAL_MESSAGES = {
  ineligible: 'この行事はご自身のコース・期は対象外のため、申し込めません。',
  closed: '申込締切を過ぎたため、申し込めません。',
  started: 'この行事は既に始まっているか終了しています。',
  cancelled: 'この行事は中止になりました。',
} as const satisfies Record<SignupRefusal, string>

/** The start of the Japanese calendar day after `now` and the one after that: the window for "tomorrow". */
export function tomorrowInJapan(now: Date): { from: Date; to: Date } {
  const DAY_MS = 24 * 60 * 60 * 1000
  const startOfToday = Math.floor(asJapanClock(now).getTime() / DAY_MS) * DAY_MS - JAPAN_OFFSET_MS
  return { from: new Date(startOfToday + DAY_MS), to: new Date(startOfToday + 2 * DAY_MS) }
}

/** Reminders go out from this hour (Japan time) of the day before, not in the middle of the night. */
export const REMINDER_HOUR_JST = 9

/** Which event starts get their reminder now: tomorrow's (Japan day), once it is REMINDER_HOUR_JST today; else none. */
export function reminderWindow(now: Date): { from: Date; to: Date } | null {
  const hourInJapan = asJapanClock(now).getUTCHours()
  return hourInJapan >= REMINDER_HOUR_JST ? tomorrowInJapan(now) : null
}
