import { generateHOTP } from '@oslojs/otp'

// RFC 6238 TOTP with the parameters every authenticator app understands: 30-second steps, 6 digits, HMAC-SHA1.
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6

export function totpStep(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS))
}

export function totpCode(key: Uint8Array, at: Date): string {
  return generateHOTP(key, totpStep(at), TOTP_DIGITS)
}

/** Codes as people type them: spaces and hyphens ignored, full-width digits accepted. */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase()
}

/**
 * The time step whose code matches, allowing one step either side for clock drift (RFC 6238 §5.2 recommends at
 * most one step of network delay), or null. The caller refuses a step it has already accepted (replay).
 */
export function matchingTotpStep(key: Uint8Array, code: string, at: Date): bigint | null {
  const typed = normaliseCode(code)
  if (!/^\d{6}$/.test(typed)) return null
  const now = totpStep(at)
  for (const step of [now, now - 1n, now + 1n]) {
    if (generateHOTP(key, step, TOTP_DIGITS) === typed) return step
  }
  return null
}
