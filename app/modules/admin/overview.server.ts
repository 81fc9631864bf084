import { prisma } from '#app/lib/db.server.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The numbers on the admin overview, each a single COUNT. */
export async function adminOverview(now = new Date()) {
  const [activeMembers, deactivatedMembers, pendingInvites, hospitals, failedSignIns] = await Promise.all([
    prisma.user.count({ where: { status: 'ACTIVE' } }),
    prisma.user.count({ where: { status: 'DEACTIVATED' } }),
    prisma.invite.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    prisma.hospital.count(),
    // The audit log, not LoginFailure: a successful sign-in clears that account's LoginFailure rows.
    prisma.auditEvent.count({ where: { action: 'auth.sign-in-failed', createdAt: { gte: new Date(now.getTime() - DAY_MS) } } }),
  ])
  return { activeMembers, deactivatedMembers, pendingInvites, hospitals, failedSignIns }
}
