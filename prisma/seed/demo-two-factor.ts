import { decodeBase32IgnorePadding } from '@oslojs/encoding'

/**
 * The TOTP secret of the demo admin and consultant (development databases only; printed in README.md), so that
 * they can sign in after `npm run dev` with any authenticator app, and the e2e helpers can compute real codes.
 * Never used outside a seeded development or test database.
 */
export const DEMO_TOTP_SECRET = 'OFZW6LLIOVRC2ZDFNVXS25DPORYC2MRQ'
export const DEMO_TOTP_ACCOUNTS = ['admin@qso.example', 'consultant@qso.example'] as const

export function demoTotpKey(): Uint8Array {
  return decodeBase32IgnorePadding(DEMO_TOTP_SECRET)
}
