import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts'
import type { AuditAction } from './audit-actions.ts'

type AuditInput = {
  action: AuditAction
  actorId?: string | null
  target?: { type: string; id: string }
  request?: Request
  /** Instead of request, for work done later on a request's behalf (a job). */
  origin?: { ipAddress: string; userAgent?: string }
  details?: Prisma.InputJsonObject
}

/** Never pass secrets (passwords, tokens) in details: the audit log is read by admins in clear. */
export async function recordAudit(input: AuditInput, db: Pick<typeof prisma, 'auditEvent'> = prisma) {
  const meta = input.request ? getRequestMeta(input.request) : input.origin
  await db.auditEvent.create({
    data: {
      action: input.action,
      actorId: input.actorId ?? null,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      ipAddress: meta?.ipAddress ?? null,
      userAgent: meta?.userAgent?.slice(0, 300) ?? null,
      details: input.details,
    },
  })
}
