/** Response targets and the desk's clock: pure, so the queue, the thread and the figures agree. */
import { URGENCY_TARGET_HOURS, type UrgencyCode } from './labels.ts'

const HOUR = 60 * 60 * 1000

export function responseDeadline(submittedAt: Date, urgency: UrgencyCode): Date {
  return new Date(submittedAt.getTime() + URGENCY_TARGET_HOURS[urgency] * HOUR)
}

export type ResponseClock = {
  deadline: Date
  /** Minutes from submission to the first reply, or null while nobody has replied. */
  firstResponseMinutes: number | null
  /** Replied in time (null while waiting and not yet late). */
  metTarget: boolean | null
  /** No reply yet and the deadline has passed. */
  overdue: boolean
  /** Minutes left before the deadline while waiting (negative when overdue); null once replied. */
  minutesLeft: number | null
}

export function responseClock(input: { submittedAt: Date; urgency: UrgencyCode; firstResponseAt: Date | null }, now: Date): ResponseClock {
  const deadline = responseDeadline(input.submittedAt, input.urgency)
  if (input.firstResponseAt) {
    const minutes = Math.round((input.firstResponseAt.getTime() - input.submittedAt.getTime()) / 60_000)
    return { deadline, firstResponseMinutes: minutes, metTarget: input.firstResponseAt <= deadline, overdue: false, minutesLeft: null }
  }
  const minutesLeft = Math.floor((deadline.getTime() - now.getTime()) / 60_000)
  const overdue = now > deadline
  return { deadline, firstResponseMinutes: null, metTarget: overdue ? false : null, overdue, minutesLeft }
}

/** 「1時間20分」「3日2時間」: short Japanese durations for the desk. */
export function formatMinutes(total: number): string {
  const minutes = Math.abs(Math.round(total))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return hours > 0 ? `${days}日${hours}時間` : `${days}日`
  if (hours > 0) return rest > 0 ? `${hours}時間${rest}分` : `${hours}時間`
  return `${rest}分`
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
