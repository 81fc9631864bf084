import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { listPasskeys, registrationOptions } from './passkeys.server.ts'
import { getAuthPolicy, ROLES_REQUIRING_TWO_FACTOR } from './policy.server.ts'
import { issueRecoveryCodes, remainingRecoveryCodes } from './recovery-codes.server.ts'
import type { SessionUser } from './session.server.ts'
import { pendingTotpEnrolment } from './totp.server.ts'

/** Whether this user may not be left without a second factor (their role, or the site-wide setting). */
export async function secondFactorRequired(user: Pick<SessionUser, 'role'>): Promise<boolean> {
  return ROLES_REQUIRING_TWO_FACTOR.includes(user.role) || (await getAuthPolicy()).requireTwoFactorForAll
}

/** Everything /settings/two-factor shows. */
export async function twoFactorOverview(user: SessionUser) {
  const [totp, passkeys, recoveryLeft, required, pendingEnrolment, passkeyOptions] = await Promise.all([
    prisma.totpCredential.findUnique({ where: { userId: user.id }, select: { enabledAt: true } }),
    listPasskeys(user.id),
    remainingRecoveryCodes(user.id),
    secondFactorRequired(user),
    pendingTotpEnrolment(user),
    registrationOptions(user),
  ])
  return {
    totpEnabledAt: totp?.enabledAt ?? null,
    pendingEnrolment,
    passkeys,
    recoveryLeft,
    required,
    passkeyOptions: JSON.stringify(passkeyOptions),
  }
}

/**
 * Removing a factor must not leave a user who is required to have one without any: true when `removing` is the
 * last of their factors and they are required to keep one.
 */
export async function wouldLeaveRequiredUserWithout(user: SessionUser, removing: { totp?: boolean; passkeyId?: string }): Promise<boolean> {
  if (!(await secondFactorRequired(user))) return false
  const [totp, passkeys] = await Promise.all([
    prisma.totpCredential.count({ where: { userId: user.id, enabledAt: { not: null } } }),
    prisma.passkey.count({ where: { userId: user.id, ...(removing.passkeyId ? { id: { not: removing.passkeyId } } : {}) } }),
  ])
  return (removing.totp ? 0 : totp) + passkeys === 0
}

export async function regenerateRecoveryCodes(userId: string, request: Request): Promise<string[]> {
  const codes = await issueRecoveryCodes(userId)
  await recordAudit({ action: 'auth.recovery-codes-issued', actorId: userId, target: { type: 'user', id: userId }, request })
  return codes
}

/** For the admin page: how many active members have a second factor. */
export async function twoFactorAdoption() {
  const [active, withSecondFactor] = await Promise.all([
    prisma.user.count({ where: { status: 'ACTIVE' } }),
    prisma.user.count({
      where: { status: 'ACTIVE', OR: [{ totpCredential: { enabledAt: { not: null } } }, { passkeys: { some: {} } }] },
    }),
  ])
  return { active, withSecondFactor }
}
