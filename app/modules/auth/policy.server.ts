import type { Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'

/**
 * Roles that must always have a second factor: admins (every member's data, roles, exports) and consultants
 * (crisis consultations). MHLW 医療情報システムの安全管理に関するガイドライン 第6.0版 システム運用編 14章
 * (認証・認可に関する安全管理措置) expects two-factor authentication for systems holding medical information;
 * see docs/decisions/0020-two-factor-and-session-lifetimes.md.
 */
export const ROLES_REQUIRING_TWO_FACTOR: readonly Role[] = ['ADMIN', 'CONSULTANT']

export async function getAuthPolicy() {
  const row = await prisma.authPolicy.findUnique({ where: { id: 1 } })
  return { requireTwoFactorForAll: row?.requireTwoFactorForAll ?? false, updatedAt: row?.updatedAt ?? null }
}

/** Whether this user must enrol a second factor before using the site. */
export async function mustEnrolSecondFactor(user: { role: Role }, hasSecondFactor: boolean): Promise<boolean> {
  if (hasSecondFactor) return false
  if (ROLES_REQUIRING_TWO_FACTOR.includes(user.role)) return true
  return (await getAuthPolicy()).requireTwoFactorForAll
}

export async function setRequireTwoFactorForAll(value: boolean, actor: { id: string }, request: Request) {
  const before = await getAuthPolicy()
  await prisma.authPolicy.upsert({
    where: { id: 1 },
    create: { id: 1, requireTwoFactorForAll: value, updatedById: actor.id },
    update: { requireTwoFactorForAll: value, updatedById: actor.id },
  })
  if (before.requireTwoFactorForAll !== value) {
    await recordAudit({
      action: 'auth.two-factor-policy-changed',
      actorId: actor.id,
      target: { type: 'auth-policy', id: '1' },
      request,
      details: { requireTwoFactorForAll: { from: before.requireTwoFactorForAll, to: value } },
    })
  }
}
