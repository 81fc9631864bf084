import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { AUDIT_ACTIONS, type AuditAction } from './audit.server.ts'
import { describeAuditEvent, describeDetails, summariseUserAgent } from './describe.ts'

export const AUDIT_PAGE_SIZE = 50
/** The CSV carries at most this many rows (newest first); the page says so when a range holds more. */
export const AUDIT_EXPORT_LIMIT = 50_000

export type AuditLogFilters = {
  action?: string
  /** Japan calendar days, inclusive: "2026-12-01". */
  from?: string
  to?: string
  /** Part of the actor's name or e-mail. */
  actor?: string
  page: number
}

function whereFor(filters: AuditLogFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {}
  if (filters.action && filters.action in AUDIT_ACTIONS) where.action = filters.action as AuditAction
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+09:00`) } : {}),
      // Inclusive: up to the midnight after the last day, Japan time.
      ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+09:00`).getTime() + 86_400_000) } : {}),
    }
  }
  const actor = filters.actor?.trim()
  if (actor) where.actor = { OR: [{ name: { contains: actor, mode: 'insensitive' } }, { email: { contains: actor, mode: 'insensitive' } }] }
  return where
}

export async function readAuditLog(filters: AuditLogFilters, options: { limit?: number } = {}) {
  const where = whereFor(filters)
  const take = options.limit ?? AUDIT_PAGE_SIZE
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: options.limit ? 0 : (filters.page - 1) * AUDIT_PAGE_SIZE,
      take,
      include: { actor: { select: { id: true, name: true, email: true } } },
    }),
  ])
  const names = await targetNames(events)
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    events: events.map((event) => {
      const targetName = event.targetType === 'email' ? event.targetId : (names.get(`${event.targetType}:${event.targetId}`) ?? null)
      return {
        id: event.id.toString(),
        createdAt: event.createdAt,
        action: event.action,
        actor: event.actor,
        sentence: describeAuditEvent({ action: event.action, actorName: event.actor?.name ?? null, targetType: event.targetType, targetName }),
        // Links only where the admin pages have one for the target.
        targetLink: event.targetType === 'user' && event.targetId ? `/admin/members/${event.targetId}` : event.targetType === 'hospital' && event.targetId ? `/admin/hospitals/${event.targetId}` : null,
        ipAddress: event.ipAddress,
        browser: summariseUserAgent(event.userAgent),
        details: describeDetails(event.details),
      }
    }),
  }
}

/**
 * Names of the targets on one page, looked up in one query per kind. Consultations stay unnamed: their subject
 * is confidential and is shown on their own page only.
 */
async function targetNames(events: { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((event) => event.targetType === type && event.targetId).map((event) => event.targetId!))]
  const [users, hospitals, cases, practices, eventRows, invites] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids('user') } }, select: { id: true, name: true } }),
    prisma.hospital.findMany({ where: { id: { in: ids('hospital') } }, select: { id: true, name: true } }),
    prisma.case.findMany({ where: { id: { in: ids('case') } }, select: { id: true, title: true } }),
    prisma.practice.findMany({ where: { id: { in: ids('practice') } }, select: { id: true, title: true } }),
    prisma.event.findMany({ where: { id: { in: ids('event') } }, select: { id: true, title: true } }),
    prisma.invite.findMany({ where: { id: { in: ids('invite') } }, select: { id: true, email: true } }),
  ])
  const names = new Map<string, string>()
  for (const row of users) names.set(`user:${row.id}`, row.name)
  for (const row of hospitals) names.set(`hospital:${row.id}`, row.name)
  for (const row of cases) names.set(`case:${row.id}`, `「${row.title}」`)
  for (const row of practices) names.set(`practice:${row.id}`, `「${row.title}」`)
  for (const row of eventRows) names.set(`event:${row.id}`, `「${row.title}」`)
  for (const row of invites) names.set(`invite:${row.id}`, row.email)
  return names
}
