/** The consultant desk: the queue, who is on call, and the figures for admins. */
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { japanMonthKey } from '#app/lib/japan-time.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { URGENCY_RANK, type ConsultationStatusCode, type UrgencyCode } from './labels.ts'
import { median, responseClock } from './timing.ts'
import { OPEN_STATUSES } from './workflow.ts'

export type DeskFilters = {
  status: 'open' | 'all' | Exclude<ConsultationStatusCode, 'DRAFT'>
  urgency?: UrgencyCode
  assignee: 'all' | 'me' | 'unassigned'
  overdue: boolean
}

export const DESK_LIMIT = 300

/** Submitted requests, most urgent first and, within an urgency, the longest waiting first. Never drafts. */
export async function deskQueue(user: SessionUser, filters: DeskFilters, now = new Date()) {
  const where: Prisma.ConsultationWhereInput = {
    status: filters.status === 'open' ? { in: [...OPEN_STATUSES] } : filters.status === 'all' ? { not: 'DRAFT' } : filters.status,
    ...(filters.urgency ? { urgency: filters.urgency } : {}),
    ...(filters.assignee === 'me' ? { assignments: { some: { consultantId: user.id } } } : {}),
    ...(filters.assignee === 'unassigned' ? { assignments: { none: {} } } : {}),
  }
  const rows = await prisma.consultation.findMany({
    where,
    orderBy: [{ submittedAt: 'asc' }],
    take: DESK_LIMIT,
    select: {
      id: true,
      status: true,
      urgency: true,
      // The one-line subject only: the request's text stays on its own page.
      subject: true,
      submittedAt: true,
      firstResponseAt: true,
      updatedAt: true,
      requester: { select: { name: true } },
      hospital: { select: { name: true } },
      assignments: { select: { consultant: { select: { id: true, name: true } } } },
    },
  })
  const items = rows
    .flatMap((row) => {
      // Submitted requests always carry both; the guard keeps the types honest.
      if (!row.submittedAt || !row.urgency) return []
      const clock = responseClock({ submittedAt: row.submittedAt, urgency: row.urgency, firstResponseAt: row.firstResponseAt }, now)
      return [{ ...row, submittedAt: row.submittedAt, urgency: row.urgency, clock }]
    })
    .filter((row) => !filters.overdue || row.clock.overdue)
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.submittedAt.getTime() - b.submittedAt.getTime())
  return { items, truncated: rows.length === DESK_LIMIT }
}

/** Everyone who can work the desk, with their on-call flag. */
export async function deskMembers() {
  const users = await prisma.user.findMany({
    where: { role: { in: ['CONSULTANT', 'ADMIN'] }, status: 'ACTIVE' },
    orderBy: [{ role: 'desc' }, { name: 'asc' }],
    select: { id: true, name: true, role: true, consultationOnCall: { select: { createdAt: true } } },
  })
  return users.map(({ consultationOnCall, ...user }) => ({ ...user, onCall: !!consultationOnCall, onCallSince: consultationOnCall?.createdAt ?? null }))
}

export class OnCallError extends Error {}

/** A consultant sets their own flag; an admin may set anyone's on the desk. */
export async function setOnCall(actor: SessionUser, userId: string, onCall: boolean, request: Request) {
  if (userId !== actor.id && actor.role !== 'ADMIN') throw new Response('この操作を行う権限がありません。', { status: 403 })
  const target = await prisma.user.findFirst({ where: { id: userId, role: { in: ['CONSULTANT', 'ADMIN'] }, status: 'ACTIVE' }, select: { id: true } })
  if (!target) throw new OnCallError('当番にできるのは、有効なコンサルタントまたは管理者だけです。')
  await prisma.$transaction(async (tx) => {
    if (onCall) await tx.consultationOnCall.upsert({ where: { userId }, update: {}, create: { userId, setById: actor.id } })
    else await tx.consultationOnCall.deleteMany({ where: { userId } })
    await recordAudit({ action: 'consultation.on-call-changed', actorId: actor.id, target: { type: 'user', id: userId }, request, details: { onCall } }, tx)
  })
}

const MONTHS = 12


function lastMonths(now: Date, count: number): string[] {
  const [year, month] = japanMonthKey(now).split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + (month - 1) - (count - 1 - index)
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
  })
}

type UrgencyFigures = { urgency: UrgencyCode; requests: number; responded: number; medianMinutes: number | null; withinTarget: number; decided: number; overdueWaiting: number }

/**
 * The admin figures over the last twelve months (by submission): requests per month by urgency, median time
 * from submission to the first reply to the requester, and the share of requests whose first reply met the
 * target. Requests still waiting count as missed once their deadline has passed; those still in time are
 * left out of the share (their outcome is not known yet).
 */
export async function consultationFigures(now = new Date()) {
  const months = lastMonths(now, MONTHS)
  const since = new Date(now.getTime() - 400 * 24 * 60 * 60 * 1000)
  const rows = await prisma.consultation.findMany({
    where: { status: { not: 'DRAFT' }, submittedAt: { gte: since } },
    select: { urgency: true, submittedAt: true, firstResponseAt: true },
  })
  const perMonth = months.map((month) => ({ month, EMERGENCY: 0, URGENT: 0, ROUTINE: 0, total: 0 }))
  const byUrgency: Record<UrgencyCode, { minutes: number[]; requests: number; decided: number; met: number; overdueWaiting: number }> = {
    EMERGENCY: { minutes: [], requests: 0, decided: 0, met: 0, overdueWaiting: 0 },
    URGENT: { minutes: [], requests: 0, decided: 0, met: 0, overdueWaiting: 0 },
    ROUTINE: { minutes: [], requests: 0, decided: 0, met: 0, overdueWaiting: 0 },
  }
  const allMinutes: number[] = []
  let decided = 0
  let met = 0
  for (const row of rows) {
    if (!row.submittedAt || !row.urgency) continue
    const key = japanMonthKey(row.submittedAt)
    const bucket = perMonth.find((entry) => entry.month === key)
    if (!bucket) continue
    bucket[row.urgency] += 1
    bucket.total += 1
    const stats = byUrgency[row.urgency]
    stats.requests += 1
    const clock = responseClock({ submittedAt: row.submittedAt, urgency: row.urgency, firstResponseAt: row.firstResponseAt }, now)
    if (clock.firstResponseMinutes !== null) {
      stats.minutes.push(clock.firstResponseMinutes)
      allMinutes.push(clock.firstResponseMinutes)
    }
    if (clock.overdue) stats.overdueWaiting += 1
    if (clock.metTarget !== null) {
      stats.decided += 1
      decided += 1
      if (clock.metTarget) {
        stats.met += 1
        met += 1
      }
    }
  }
  const urgencies: UrgencyFigures[] = (['EMERGENCY', 'URGENT', 'ROUTINE'] as const).map((urgency) => {
    const stats = byUrgency[urgency]
    return {
      urgency,
      requests: stats.requests,
      responded: stats.minutes.length,
      medianMinutes: median(stats.minutes),
      withinTarget: stats.met,
      decided: stats.decided,
      overdueWaiting: stats.overdueWaiting,
    }
  })
  return {
    months: perMonth,
    urgencies,
    total: { requests: perMonth.reduce((sum, month) => sum + month.total, 0), medianMinutes: median(allMinutes), withinTarget: met, decided },
  }
}

export async function recordFiguresViewed(user: SessionUser, request: Request) {
  await recordAudit({ action: 'consultation.figures-viewed', actorId: user.id, request })
}
