/** ベンチマーク on /home: whether the member's hospital has sent last month's figures (a nudge, not a report). */
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { previousPeriod, type Period } from './period.ts'

export async function benchmarkStatusForHome(user: SessionUser, now = new Date()): Promise<{ period: Period; submitted: boolean } | null> {
  if (!user.hospitalId) return null
  const period = previousPeriod(now)
  const row = await prisma.benchmarkSubmission.findUnique({ where: { hospitalId_period: { hospitalId: user.hospitalId, period } }, select: { id: true } })
  return { period, submitted: row !== null }
}
