import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canViewCase } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { visibleToMembers } from '#app/modules/cases/cases.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { discussedMeetingWhere, meetingSelect, plannedMeetingWhere } from './case-review.ts'

type Tx = Prisma.TransactionClient
type Viewer = Pick<SessionUser, 'id' | 'role'>

const PICKER_SIZE = 100

const pickerSelect = {
  id: true,
  title: true,
  impactLevel: true,
  jqCategory: true,
  publishedAt: true,
  status: true,
  hiddenAt: true,
} satisfies Prisma.CaseSelect

/** The cases linked to an event, in the organiser's order (any status: the admin sees what is linked). */
export async function linkedCasesForAdmin(eventId: string) {
  const links = await prisma.eventCase.findMany({ where: { eventId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { case: { select: pickerSelect } } })
  return links.map((link) => link.case)
}

/** The picker's choices: the cases already linked first, then the most recent published, non-hidden ones. */
export async function caseLinkCandidates(eventId: string | undefined) {
  const linked = eventId ? await linkedCasesForAdmin(eventId) : []
  const recent = await prisma.case.findMany({
    where: { ...visibleToMembers, id: { notIn: linked.map((item) => item.id) } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: PICKER_SIZE,
    select: pickerSelect,
  })
  return { linkedIds: linked.map((item) => item.id), candidates: [...linked, ...recent] }
}

/**
 * Which requested case ids may not be linked: unknown ids, drafts and hidden cases. A case that is already linked
 * stays linkable after it was hidden or taken back to draft, so saving the event again never forces it off.
 */
export async function unlinkableCaseIds(ids: readonly string[], eventId: string | undefined): Promise<string[]> {
  if (!ids.length) return []
  const [visible, already] = await Promise.all([
    prisma.case.findMany({ where: { id: { in: [...ids] }, ...visibleToMembers }, select: { id: true } }),
    eventId ? prisma.eventCase.findMany({ where: { eventId, caseId: { in: [...ids] } }, select: { caseId: true } }) : Promise.resolve([]),
  ])
  const allowed = new Set([...visible.map((row) => row.id), ...already.map((row) => row.caseId)])
  return ids.filter((id) => !allowed.has(id))
}

/**
 * Makes the event's links exactly `caseIds` (in that order), in the caller's transaction. Audited when anything
 * changed; the authors of newly linked cases are told in-app that their case is on the agenda.
 */
export async function replaceCaseLinks(tx: Tx, eventId: string, caseIds: readonly string[], actor: SessionUser, request?: Request) {
  const before = await tx.eventCase.findMany({ where: { eventId }, orderBy: { position: 'asc' }, select: { caseId: true } })
  const beforeIds = before.map((row) => row.caseId)
  const added = caseIds.filter((id) => !beforeIds.includes(id))
  const removed = beforeIds.filter((id) => !caseIds.includes(id))
  const reordered = !added.length && !removed.length && beforeIds.some((id, index) => caseIds[index] !== id)
  if (!added.length && !removed.length && !reordered) return
  if (removed.length) await tx.eventCase.deleteMany({ where: { eventId, caseId: { in: removed } } })
  for (const [position, caseId] of caseIds.entries()) {
    await tx.eventCase.upsert({ where: { eventId_caseId: { eventId, caseId } }, update: { position }, create: { eventId, caseId, position } })
  }
  await recordAudit({ action: 'event.cases-linked', actorId: actor.id, target: { type: 'event', id: eventId }, request, details: { added, removed, caseIds: [...caseIds] } }, tx)
  if (added.length) {
    const authors = await tx.case.findMany({ where: { id: { in: added }, authorId: { not: actor.id } }, select: { authorId: true } })
    await notify({ userIds: authors.map((row) => row.authorId), kind: 'event.case-linked', title: 'あなたの事例が事例検討会で取り上げられます', url: `/events/${eventId}` }, tx)
  }
}

/** After the summary is first posted: the authors of the linked cases hear that their case was discussed. */
export async function notifyCaseAuthorsOfSummary(tx: Tx, eventId: string, actor: SessionUser) {
  const links = await tx.eventCase.findMany({ where: { eventId, case: { authorId: { not: actor.id } } }, select: { case: { select: { authorId: true } } } })
  await notify({ userIds: links.map((link) => link.case.authorId), kind: 'event.case-discussed', title: 'あなたの事例を扱った事例検討会のまとめが掲載されました', url: `/events/${eventId}` }, tx)
}

/** /events/:id: the linked cases this viewer may open (a case hidden later drops off for members). */
export async function casesForEventPage(eventId: string, viewer: Viewer) {
  const links = await prisma.eventCase.findMany({
    where: { eventId },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { case: { select: { id: true, title: true, impactLevel: true, jqCategory: true, authorId: true, status: true, hiddenAt: true } } },
  })
  return links
    .map((link) => link.case)
    .filter((item) => canViewCase(viewer, item))
    .map(({ authorId, ...item }) => {
      void authorId
      return item
    })
}

/** /cases/:id: the meetings that discussed the case (summary posted) and those where it is on the agenda. */
export async function meetingsForCase(caseId: string) {
  const [discussed, planned] = await Promise.all([
    prisma.event.findMany({ where: { ...discussedMeetingWhere, caseLinks: { some: { caseId } } }, select: meetingSelect, orderBy: { startsAt: 'desc' } }),
    prisma.event.findMany({ where: { ...plannedMeetingWhere, caseLinks: { some: { caseId } } }, select: meetingSelect, orderBy: { startsAt: 'asc' } }),
  ])
  return { discussed, planned }
}
