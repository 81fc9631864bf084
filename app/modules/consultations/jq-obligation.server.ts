/**
 * Whether a hospital is a 報告義務対象医療機関 (医療法施行規則9条の20の2・11条), kept on the hospital: asked once, in
 * the first crisis consultation that needs it, and set thereafter by an admin. "わからない" leaves it unknown, so the
 * question comes again next time rather than recording a guess.
 */
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import type { JqObligation } from './duties.ts'

export async function hospitalJqObligation(hospitalId: string | null): Promise<JqObligation> {
  if (!hospitalId) return null
  const hospital = await prisma.hospital.findUnique({ where: { id: hospitalId }, select: { jqReportObliged: true } })
  return hospital?.jqReportObliged ?? null
}

/** A member's answer sets the flag only while it is unknown: the first answer wins, later ones change nothing. */
export async function recordJqObligationAnswer(
  user: SessionUser,
  answer: string | undefined,
  request: Request,
  tx: Prisma.TransactionClient,
): Promise<void> {
  if (!user.hospitalId || (answer !== 'YES' && answer !== 'NO')) return
  const updated = await tx.hospital.updateMany({ where: { id: user.hospitalId, jqReportObliged: null }, data: { jqReportObliged: answer === 'YES' } })
  if (updated.count === 1) {
    await recordAudit(
      { action: 'hospital.jq-obligation-set', actorId: user.id, target: { type: 'hospital', id: user.hospitalId }, request, details: { obliged: answer === 'YES', via: 'consultation' } },
      tx,
    )
  }
}
