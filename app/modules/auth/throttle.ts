/**
 * Sign-in throttling rules, pure so the arithmetic is tested on its own. Failures are counted in a sliding
 * window, separately per account (guessing one password) and per IP address (trying many accounts).
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 20

/**
 * Given the failure times inside the window (newest first), when may the next attempt be made?
 * Returns null when an attempt is allowed now.
 */
export function lockedUntil(failuresNewestFirst: Date[], limit: number, now: Date): Date | null {
  if (failuresNewestFirst.length < limit) return null
  // The lock lifts when the oldest of the last `limit` failures leaves the window.
  const oldestCounted = failuresNewestFirst[limit - 1]
  if (!oldestCounted) return null
  const until = new Date(oldestCounted.getTime() + THROTTLE_WINDOW_MS)
  return until > now ? until : null
}

/** Whole minutes to wait, rounded up, never less than 1: what the user is told. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}
