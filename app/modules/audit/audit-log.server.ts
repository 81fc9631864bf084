import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { AUDIT_ACTIONS, type AuditAction } from './audit.server.ts'

export const AUDIT_PAGE_SIZE = 50

export async function readAuditLog(filters: { action?: string; page: number }) {
  const where: Prisma.AuditEventWhereInput =
    filters.action && filters.action in AUDIT_ACTIONS ? { action: filters.action as AuditAction } : {}
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
  ])
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => ({ ...event, id: event.id.toString() })),
  }
}
