/**
 * Sign-in throttling rules, pure so the arithmetic is tested on its own (F13 of issue 13). Failures in a sliding
 * window are counted three ways, and each count only ever asks for a wait, never a lock-out:
 * - one address from one IP (someone guessing a member's password): an exponential delay after a few failures,
 *   up to the whole window;
 * - one IP, any address (someone trying many accounts): the same, with a higher threshold;
 * - one address from any IP (a guesser spreading over many IPs): a short delay, capped at ACCOUNT_DELAY_CAP_MS, so
 *   that a stranger who knows the address can slow its owner down by seconds but never lock them out.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000
export const FREE_FAILURES_PER_ADDRESS_AND_IP = 4
export const FREE_FAILURES_PER_IP = 20
export const FREE_FAILURES_PER_ADDRESS = 10
export const BASE_DELAY_MS = 30 * 1000
export const ACCOUNT_BASE_DELAY_MS = 1000
export const ACCOUNT_DELAY_CAP_MS = 30 * 1000

export type ThrottleRule = { free: number; baseMs: number; capMs: number }

export const RULES = {
  addressAndIp: { free: FREE_FAILURES_PER_ADDRESS_AND_IP, baseMs: BASE_DELAY_MS, capMs: THROTTLE_WINDOW_MS },
  ip: { free: FREE_FAILURES_PER_IP, baseMs: BASE_DELAY_MS, capMs: THROTTLE_WINDOW_MS },
  address: { free: FREE_FAILURES_PER_ADDRESS, baseMs: ACCOUNT_BASE_DELAY_MS, capMs: ACCOUNT_DELAY_CAP_MS },
} as const satisfies Record<string, ThrottleRule>

/** Delay after `failures` failures: none while free, then base, 2×base, 4×base … up to the cap. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.free
  if (over <= 0) return 0
  return Math.min(rule.capMs, rule.baseMs * 2 ** Math.min(over - 1, 30))
}

/**
 * Given the failure times inside the window (newest first), when may the next attempt be made?
 * Returns null when an attempt is allowed now.
 */
export function waitUntil(failuresNewestFirst: Date[], rule: ThrottleRule, now: Date): Date | null {
  const newest = failuresNewestFirst[0]
  const delay = delayAfter(failuresNewestFirst.length, rule)
  if (!newest || delay === 0) return null
  const until = new Date(newest.getTime() + delay)
  return until > now ? until : null
}

/** Whole minutes to wait, rounded up, never less than 1: what the user is told. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
}

/** Seconds to wait, rounded up, never less than 1. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))
}
