import { createTOTPKeyURI } from '@oslojs/otp'
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { encodeQR } from '@paulmillr/qr'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { issueRecoveryCodes } from './recovery-codes.server.ts'
import { openSecret, sealSecret } from './secret-box.server.ts'
import { matchingTotpStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from './totp.ts'

const ISSUER = 'QSO Hub'

export type TotpEnrolment = { secret: string; uri: string; qrSvg: string }

/**
 * Starts (or restarts) enrolment: a new 160-bit secret, stored encrypted and not yet enabled. An enabled
 * authenticator is never replaced this way; it has to be turned off first (with re-authentication).
 */
export async function startTotpEnrolment(user: { id: string; email: string }): Promise<TotpEnrolment | null> {
  const existing = await prisma.totpCredential.findUnique({ where: { userId: user.id }, select: { enabledAt: true } })
  if (existing?.enabledAt) return null
  const key = new Uint8Array(20)
  crypto.getRandomValues(key)
  const secretEncrypted = sealSecret(key)
  await prisma.totpCredential.upsert({
    where: { userId: user.id },
    create: { userId: user.id, secretEncrypted },
    update: { secretEncrypted, lastUsedStep: null, enabledAt: null },
  })
  return describeKey(key, user.email)
}

/** The pending (not yet confirmed) enrolment, shown again when the page reloads. */
export async function pendingTotpEnrolment(user: { id: string; email: string }): Promise<TotpEnrolment | null> {
  const row = await prisma.totpCredential.findUnique({ where: { userId: user.id } })
  if (!row || row.enabledAt) return null
  return describeKey(openSecret(row.secretEncrypted), user.email)
}

function describeKey(key: Uint8Array, accountName: string): TotpEnrolment {
  const uri = createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS)
  // An SVG drawn on the server: no canvas, no script, and the secret never goes to a third-party QR service.
  const qrSvg = encodeQR(uri, 'svg', { ecc: 'medium', border: 2, scale: 4 })
  return { secret: encodeBase32UpperCaseNoPadding(key).replace(/(.{4})/g, '$1 ').trim(), uri, qrSvg }
}

/**
 * Accepts the code for the newest time step not yet used. The update is conditional on lastUsedStep, so two
 * requests carrying the same code cannot both succeed.
 */
async function consumeTotpCode(userId: string, code: string, options: { enabled: boolean }, at = new Date()): Promise<boolean> {
  const row = await prisma.totpCredential.findUnique({ where: { userId } })
  if (!row || !!row.enabledAt !== options.enabled) return false
  let step: bigint | null
  try {
    step = matchingTotpStep(openSecret(row.secretEncrypted), code, at)
  } catch {
    return false // sealed under another key: treat as no authenticator rather than fail the request
  }
  if (step === null) return false
  const { count } = await prisma.totpCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  })
  return count === 1
}

/** A code from the user's enabled authenticator, once per time step. */
export function verifyTotpCode(userId: string, code: string, at = new Date()): Promise<boolean> {
  return consumeTotpCode(userId, code, { enabled: true }, at)
}

/**
 * Finishes enrolment with a first valid code: enables the authenticator and issues ten recovery codes, returned
 * here once and stored only as hashes. Null when the code is wrong.
 */
export async function confirmTotpEnrolment(userId: string, code: string, request: Request): Promise<string[] | null> {
  if (!(await consumeTotpCode(userId, code, { enabled: false }))) return null
  await prisma.totpCredential.update({ where: { userId }, data: { enabledAt: new Date() } })
  await recordAudit({ action: 'auth.totp-enabled', actorId: userId, target: { type: 'user', id: userId }, request })
  return issueRecoveryCodes(userId)
}

export async function disableTotp(userId: string, request: Request): Promise<void> {
  const { count } = await prisma.totpCredential.deleteMany({ where: { userId } })
  if (count) await recordAudit({ action: 'auth.totp-disabled', actorId: userId, target: { type: 'user', id: userId }, request })
}

export async function hasEnabledTotp(userId: string): Promise<boolean> {
  return (await prisma.totpCredential.count({ where: { userId, enabledAt: { not: null } } })) > 0
}
