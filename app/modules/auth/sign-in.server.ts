import { prisma } from '#app/lib/db.server.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'
import { consumePendingSignIn, createPendingSignIn, recordSecondFactorFailure, type PendingSignIn } from './pending-sign-in.server.ts'
import { redeemRecoveryCode } from './recovery-codes.server.ts'
import { createSession } from './session.server.ts'
import { minutesUntil } from './throttle.ts'
import { clearAccountFailures, findSignInWait, recordSignInFailure } from './throttle.server.ts'
import { verifyTotpCode } from './totp.server.ts'

export type SignInResult =
  | { status: 'signed-in'; token: string; userId: string }
  | { status: 'second-factor'; pendingToken: string }
  | { status: 'invalid' }
  | { status: 'deactivated' }
  | { status: 'throttled'; minutes: number }

/** Users with an enabled authenticator or a passkey sign in in two steps. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const [totp, passkeys] = await Promise.all([
    prisma.totpCredential.count({ where: { userId, enabledAt: { not: null } } }),
    prisma.passkey.count({ where: { userId } }),
  ])
  return totp + passkeys > 0
}

/**
 * The password step. Without a second factor it creates the session at once (and requireSession then sends
 * admins and consultants to enrol one); with one, it creates only a pending sign-in for /login/two-factor.
 */
export async function signIn(input: { email: string; password: string; request: Request; redirectTo?: string | null }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const { ipAddress, userAgent } = getRequestMeta(input.request)
  const now = new Date()

  const wait = await findSignInWait(email, ipAddress, now)
  if (wait) {
    await recordAudit({ action: 'auth.sign-in-throttled', target: { type: 'email', id: email }, request: input.request })
    return { status: 'throttled', minutes: minutesUntil(wait, now) }
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, status: true } })
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !valid) {
    await recordSignInFailure(email, ipAddress)
    await recordAudit({
      action: 'auth.sign-in-failed',
      actorId: user?.id,
      target: { type: 'email', id: email },
      request: input.request,
      details: { reason: user ? 'wrong-password' : 'unknown-account' },
    })
    return { status: 'invalid' }
  }
  if (user.status !== 'ACTIVE') {
    await recordAudit({
      action: 'auth.sign-in-failed',
      actorId: user.id,
      target: { type: 'user', id: user.id },
      request: input.request,
      details: { reason: 'deactivated' },
    })
    return { status: 'deactivated' }
  }

  await clearAccountFailures(email)
  if (await hasSecondFactor(user.id)) {
    return { status: 'second-factor', pendingToken: await createPendingSignIn(user.id, input.redirectTo ?? null) }
  }
  const session = await createSession(user.id, { ipAddress, userAgent })
  await recordAudit({ action: 'auth.sign-in', actorId: user.id, target: { type: 'user', id: user.id }, request: input.request })
  return { status: 'signed-in', token: session.token, userId: user.id }
}

export type SecondFactorResult =
  | { status: 'signed-in'; token: string; redirectTo: string | null }
  | { status: 'wrong'; attemptsLeft: number }
  | { status: 'expired' }

export type SecondFactor = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'passkey'; verified: boolean }

/** The second step: a TOTP code, a recovery code, or a passkey assertion already verified by passkeys.server.ts. */
export async function completeSecondFactor(pending: PendingSignIn, factor: SecondFactor, request: Request): Promise<SecondFactorResult> {
  const ok =
    factor.kind === 'totp'
      ? await verifyTotpCode(pending.userId, factor.code)
      : factor.kind === 'recovery'
        ? await redeemRecoveryCode(pending.userId, factor.code)
        : factor.verified
  if (!ok) {
    await recordAudit({
      action: 'auth.second-factor-failed',
      actorId: pending.userId,
      target: { type: 'user', id: pending.userId },
      request,
      details: { factor: factor.kind },
    })
    return { status: 'wrong', attemptsLeft: await recordSecondFactorFailure(pending.id) }
  }
  if (!(await consumePendingSignIn(pending.id))) return { status: 'expired' }
  if (factor.kind === 'recovery') {
    await recordAudit({ action: 'auth.recovery-code-used', actorId: pending.userId, target: { type: 'user', id: pending.userId }, request })
  }
  const session = await createSession(pending.userId, getRequestMeta(request))
  await recordAudit({ action: 'auth.sign-in', actorId: pending.userId, target: { type: 'user', id: pending.userId }, request, details: { secondFactor: factor.kind } })
  return { status: 'signed-in', token: session.token, redirectTo: pending.redirectTo }
}
