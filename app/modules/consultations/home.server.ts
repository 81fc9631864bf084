/**
 * 危機管理相談 on /home: the member's own requests still in progress (and drafts to finish), and for the desk how
 * much is waiting. Only states and times: the content of a request is never shown outside its own page.
 */
import { prisma } from '#app/lib/db.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { deskQueue } from './desk.server.ts'
import { sortOwnRequests } from './list-order.ts'
import { OPEN_STATUSES } from './workflow.ts'

const HOME_LIMIT = 5

export async function consultationsForHome(user: SessionUser, now = new Date()) {
  const recent = await prisma.consultation.findMany({
    where: { requesterId: user.id, status: { in: [...OPEN_STATUSES, 'DRAFT'] } },
    orderBy: { updatedAt: 'desc' },
    take: 50,
    select: { id: true, status: true, urgency: true, submittedAt: true, updatedAt: true },
  })
  // The same order as the list: the most urgent open request first, so a 緊急 one is never pushed off the card.
  const own = sortOwnRequests(recent).slice(0, HOME_LIMIT)
  if (!hasPermission(user, 'consultation:desk')) return { own, desk: null }
  const { items } = await deskQueue(user, { status: 'open', assignee: 'all', overdue: false }, now)
  const desk = {
    open: items.length,
    overdue: items.filter((item) => item.clock.overdue).length,
    unassigned: items.filter((item) => !item.assignments.length).length,
    mine: items.filter((item) => item.assignments.some((assignment) => assignment.consultant.id === user.id)).length,
  }
  return { own, desk }
}
