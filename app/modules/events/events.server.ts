import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { formatDateTimeWithWeekday } from '#app/lib/format.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import type { CourseCode } from '#app/modules/members/labels.ts'
import { eventCancelledMail, eventPromotedMail, eventReminderMail } from '#app/modules/mail/templates.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { notifyCaseAuthorsOfSummary, replaceCaseLinks } from './case-links.server.ts'
import type { EVENT_KINDS } from './labels.ts'
import { canCancel, placeForNewSignup, promotionsAvailable, reminderWindow, signupRefusal, type SignupRefusal } from './rules.ts'
import { parseTokyoLocal, type EventInput } from './schemas.ts'

type Tx = Prisma.TransactionClient

// Sign-ups for one event queue behind its row lock; give a burst of them time to get a connection and finish.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const

/**
 * What members may see of an event. The online link is NOT here: it is read separately and only for members
 * whose seat is confirmed (see findEventForMember), so it cannot leak through a list or another loader.
 */
const publicFields = {
  id: true,
  kind: true,
  title: true,
  description: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  capacity: true,
  signupDeadline: true,
  courses: true,
  maxCohort: true,
  cool: true,
  summary: true,
  summaryPostedAt: true,
  cancelledAt: true,
} as const satisfies Prisma.EventSelect

async function countsByEvent(eventIds: string[]) {
  const groups = eventIds.length
    ? await prisma.eventRegistration.groupBy({ by: ['eventId', 'status'], where: { eventId: { in: eventIds }, status: { not: 'CANCELLED' } }, _count: true })
    : []
  const counts = new Map<string, { registered: number; waiting: number }>()
  for (const id of eventIds) counts.set(id, { registered: 0, waiting: 0 })
  for (const group of groups) {
    const entry = counts.get(group.eventId)!
    if (group.status === 'REGISTERED') entry.registered = group._count
    if (group.status === 'WAITLISTED') entry.waiting = group._count
  }
  return counts
}

async function memberProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { course: true, cohort: true } })
}

export type EventListFilter = { when: 'upcoming' | 'past'; kind?: keyof typeof EVENT_KINDS }

/** /events: upcoming (soonest first) or past (latest first) events with seat counts and the member's own status. */
export async function listEventsForMember(user: SessionUser, filter: EventListFilter, now = new Date()) {
  const upcoming = filter.when === 'upcoming'
  const events = await prisma.event.findMany({
    where: { ...(upcoming ? { endsAt: { gte: now } } : { endsAt: { lt: now } }), ...(filter.kind ? { kind: filter.kind } : {}) },
    select: publicFields,
    orderBy: { startsAt: upcoming ? 'asc' : 'desc' },
    take: 100,
  })
  const ids = events.map((event) => event.id)
  const [counts, mine, me] = await Promise.all([
    countsByEvent(ids),
    prisma.eventRegistration.findMany({ where: { userId: user.id, eventId: { in: ids } }, select: { eventId: true, status: true } }),
    memberProfile(user.id),
  ])
  const myStatus = new Map(mine.map((registration) => [registration.eventId, registration.status]))
  return {
    me,
    events: events.map((event) => ({ ...event, ...counts.get(event.id)!, myStatus: myStatus.get(event.id) ?? null })),
  }
}

/** /events/:id for a member: the online link only when their seat is confirmed; null when there is no such event. */
export async function findEventForMember(eventId: string, user: SessionUser) {
  const row = await prisma.event.findUnique({ where: { id: eventId }, select: { ...publicFields, onlineUrl: true } })
  if (!row) return null
  const { onlineUrl: link, ...event } = row
  const [counts, registration, me] = await Promise.all([
    countsByEvent([event.id]),
    prisma.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: { status: true, queuedAt: true } }),
    memberProfile(user.id),
  ])
  let waitingPosition: number | null = null
  if (registration?.status === 'WAITLISTED') {
    waitingPosition = (await prisma.eventRegistration.count({ where: { eventId, status: 'WAITLISTED', queuedAt: { lt: registration.queuedAt } } })) + 1
  }
  return {
    event: { ...event, ...counts.get(event.id)!, hasOnlineLink: link !== null },
    me,
    myStatus: registration?.status ?? null,
    waitingPosition,
    // Only a confirmed seat sees the link: not the waiting list, not other members, not the public.
    onlineUrl: registration?.status === 'REGISTERED' ? link : null,
  }
}

/** Serialises every change to an event's sign-ups: concurrent requests for the same event wait here in turn. */
async function lockEvent(tx: Tx, eventId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Event" WHERE "id" = ${eventId} FOR UPDATE`
  return rows.length === 1
}

type Promoted = { userId: string; email: string; name: string }

/** Moves the head of the waiting list into free seats. Call with the event's row lock held. */
async function promoteWaiting(tx: Tx, eventId: string, capacity: number | null, now: Date): Promise<Promoted[]> {
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it in v9.
  const registered = await tx.eventRegistration.count({ where: { eventId, status: 'REGISTERED' } })
  const waiting = await tx.eventRegistration.count({ where: { eventId, status: 'WAITLISTED' } })
  const take = promotionsAvailable(capacity, registered, waiting)
  if (take === 0) return []
  const next = await tx.eventRegistration.findMany({
    where: { eventId, status: 'WAITLISTED' },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
    take,
    select: { id: true, user: { select: { id: true, email: true, name: true } } },
  })
  await tx.eventRegistration.updateMany({ where: { id: { in: next.map((row) => row.id) } }, data: { status: 'REGISTERED', promotedAt: now } })
  for (const row of next) {
    await recordAudit({ action: 'event.promoted', actorId: null, target: { type: 'event', id: eventId }, details: { userId: row.user.id } }, tx)
  }
  await notify({ userIds: next.map((row) => row.user.id), kind: 'event.promoted', title: 'キャンセル待ちから参加が確定しました', url: `/events/${eventId}` }, tx)
  return next.map((row) => ({ userId: row.user.id, email: row.user.email, name: row.user.name }))
}

async function notifyPromoted(eventId: string, promoted: Promoted[]) {
  if (!promoted.length) return
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, title: true, startsAt: true } })
  const link = `${getEnv().APP_ORIGIN}/events/${event.id}`
  for (const member of promoted) {
    // The seat is theirs whether or not the mail goes out; a failed mail must not undo the promotion.
    await sendMail({ to: member.email, ...eventPromotedMail({ name: member.name, title: event.title, startsAt: formatDateTimeWithWeekday(event.startsAt), link }) }).catch(
      (error: unknown) => log.error({ component: 'events', eventId: event.id, error: describeError(error) }, 'could not queue the waiting-list mail'),
    )
  }
}

type LockedEvent = {
  startsAt: Date
  signupDeadline: Date | null
  capacity: number | null
  courses: CourseCode[]
  maxCohort: number | null
  cancelledAt: Date | null
}

export type SignupResult =
  | { ok: true; status: 'REGISTERED' | 'WAITLISTED'; already: boolean }
  | { ok: false; reason: SignupRefusal | 'not-found' }

/**
 * Signs the member up: a seat if one is free, else the waiting list. The event's row lock makes concurrent
 * sign-ups for the last seat take turns, so the count they read is never stale and the event is never over-booked.
 */
export async function signUp(eventId: string, user: SessionUser, request?: Request, now = new Date()): Promise<SignupResult> {
  const me = await memberProfile(user.id)
  return prisma.$transaction(async (tx): Promise<SignupResult> => {
    // Lock and read the rules in one round trip: everyone else's sign-up for this event waits here.
    const [event] = await tx.$queryRaw<LockedEvent[]>`
      SELECT "startsAt", "signupDeadline", "capacity", COALESCE("courses"::text[], ARRAY[]::text[]) AS "courses", "maxCohort", "cancelledAt"
      FROM "Event" WHERE "id" = ${eventId} FOR UPDATE`
    if (!event) return { ok: false, reason: 'not-found' }
    const existing = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: { id: true, status: true } })
    if (existing && existing.status !== 'CANCELLED') return { ok: true, status: existing.status, already: true }
    const refusal = signupRefusal(event, me, now)
    if (refusal) return { ok: false, reason: refusal }
    // Counted in its own statement, after the lock is held: a subquery in the locking SELECT would read the
    // snapshot taken before the wait and miss the seats taken meanwhile (READ COMMITTED).
    const registered = await tx.eventRegistration.count({ where: { eventId, status: 'REGISTERED' } })
    const status = placeForNewSignup(event.capacity, registered)
    const fresh = { status, queuedAt: now, cancelledAt: null, promotedAt: null, reminderSentAt: null }
    if (existing) await tx.eventRegistration.update({ where: { id: existing.id }, data: fresh })
    else await tx.eventRegistration.create({ data: { eventId, userId: user.id, ...fresh } })
    await recordAudit(
      { action: status === 'REGISTERED' ? 'event.registered' : 'event.waitlisted', actorId: user.id, target: { type: 'event', id: eventId }, request },
      tx,
    )
    return { ok: true, status, already: false }
  }, TX_OPTIONS)
}

export type CancelResult = { ok: true; wasRegistered: boolean } | { ok: false; reason: 'not-registered' | 'started' | 'not-found' }

/** Cancels the member's seat or waiting-list place; a freed seat goes to the head of the waiting list at once. */
export async function cancelSignup(eventId: string, user: SessionUser, request?: Request, now = new Date()): Promise<CancelResult> {
  const outcome = await prisma.$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return { result: { ok: false, reason: 'not-found' } as CancelResult, promoted: [] }
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { startsAt: true, capacity: true, cancelledAt: true } })
    const registration = await tx.eventRegistration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: { id: true, status: true } })
    if (!registration || registration.status === 'CANCELLED') return { result: { ok: false, reason: 'not-registered' } as CancelResult, promoted: [] }
    if (!canCancel(event, now)) return { result: { ok: false, reason: 'started' } as CancelResult, promoted: [] }
    await tx.eventRegistration.update({ where: { id: registration.id }, data: { status: 'CANCELLED', cancelledAt: now } })
    await recordAudit(
      { action: 'event.registration-cancelled', actorId: user.id, target: { type: 'event', id: eventId }, request, details: { was: registration.status } },
      tx,
    )
    const wasRegistered = registration.status === 'REGISTERED'
    const promoted = wasRegistered ? await promoteWaiting(tx, eventId, event.capacity, now) : []
    return { result: { ok: true, wasRegistered } as CancelResult, promoted }
  }, TX_OPTIONS)
  await notifyPromoted(eventId, outcome.promoted)
  return outcome.result
}

/** The calendar file's content: the online link only for a confirmed seat (the caller passes it in). */
export async function findEventForCalendar(eventId: string, user: SessionUser) {
  const found = await findEventForMember(eventId, user)
  if (!found) return null
  return { event: found.event, onlineUrl: found.onlineUrl }
}

/** /home: the member's own upcoming events (confirmed and waiting). */
export async function upcomingEventsForMember(userId: string, now = new Date()) {
  const registrations = await prisma.eventRegistration.findMany({
    where: { userId, status: { in: ['REGISTERED', 'WAITLISTED'] }, event: { endsAt: { gte: now } } },
    select: { status: true, event: { select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, cancelledAt: true } } },
    orderBy: { event: { startsAt: 'asc' } },
    take: 10,
  })
  return registrations.map((registration) => ({ ...registration.event, myStatus: registration.status }))
}

/** The public page: the next follow-up trainings marked for it, with date, kind and title only. */
export async function publicUpcomingEvents(now = new Date()) {
  return prisma.event.findMany({
    where: { showOnPublicPage: true, cancelledAt: null, startsAt: { gte: now } },
    select: { id: true, kind: true, title: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: 'asc' },
    take: 5,
  })
}

/**
 * The public page's 「最近の開催」 of follow-up trainings: the latest ones held (ended before `now`, not cancelled,
 * marked for the public page), newest first. Read at each request, so the list moves on as events take place.
 */
export async function publicRecentFollowUps(now = new Date(), take = 2) {
  return prisma.event.findMany({
    where: { kind: 'FOLLOW_UP', showOnPublicPage: true, cancelledAt: null, endsAt: { lt: now } },
    select: { id: true, startsAt: true },
    orderBy: { startsAt: 'desc' },
    take,
  })
}

// --- Admin ------------------------------------------------------------------------------------------------

export async function listEventsForAdmin() {
  const events = await prisma.event.findMany({
    select: { id: true, kind: true, title: true, startsAt: true, capacity: true, cancelledAt: true, summaryPostedAt: true, showOnPublicPage: true },
    orderBy: { startsAt: 'desc' },
    take: 300,
  })
  const counts = await countsByEvent(events.map((event) => event.id))
  return events.map((event) => ({ ...event, ...counts.get(event.id)! }))
}

export function findEventForAdmin(eventId: string) {
  return prisma.event.findUnique({ where: { id: eventId }, select: { ...publicFields, onlineUrl: true, showOnPublicPage: true } })
}

function eventData(input: EventInput) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? '',
    startsAt: parseTokyoLocal(input.startsAt),
    endsAt: parseTokyoLocal(input.endsAt),
    venue: input.venue ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity ?? null,
    signupDeadline: input.signupDeadline ? parseTokyoLocal(input.signupDeadline) : null,
    courses: input.courses,
    maxCohort: input.maxCohort ?? null,
    cool: input.cool ?? null,
    showOnPublicPage: input.showOnPublicPage,
  }
}

/**
 * Creates or updates an event; a larger capacity moves the waiting list up (and tells those promoted). `caseIds`
 * (already checked with unlinkableCaseIds by the caller) become the linked cases of a case-review meeting; any
 * other kind keeps none.
 */
export async function saveEvent(input: EventInput, actor: SessionUser, request: Request, eventId?: string, caseIds: readonly string[] = []): Promise<string> {
  const data = eventData(input)
  const links = input.kind === 'CASE_REVIEW' ? caseIds : []
  const outcome = await prisma.$transaction(async (tx) => {
    if (eventId === undefined) {
      const created = await tx.event.create({ data: { ...data, createdById: actor.id } })
      await recordAudit({ action: 'event.created', actorId: actor.id, target: { type: 'event', id: created.id }, request, details: { title: created.title } }, tx)
      await replaceCaseLinks(tx, created.id, links, actor, request)
      return { id: created.id, promoted: [] as Promoted[] }
    }
    if (!(await lockEvent(tx, eventId))) throw new Response('行事が見つかりません。', { status: 404 })
    const updated = await tx.event.update({ where: { id: eventId }, data })
    await recordAudit({ action: 'event.updated', actorId: actor.id, target: { type: 'event', id: eventId }, request, details: { title: updated.title } }, tx)
    await replaceCaseLinks(tx, eventId, links, actor, request)
    const promoted = updated.cancelledAt ? [] : await promoteWaiting(tx, eventId, updated.capacity, new Date())
    return { id: eventId, promoted }
  }, TX_OPTIONS)
  await notifyPromoted(outcome.id, outcome.promoted)
  return outcome.id
}

/** Cancels (or reopens) a whole event; on cancelling, everyone signed up or waiting is told by mail and in-app. */
export async function setEventCancelled(eventId: string, cancelled: boolean, actor: SessionUser, request: Request) {
  const affected = await prisma.$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) throw new Response('行事が見つかりません。', { status: 404 })
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { cancelledAt: true } })
    await tx.event.update({ where: { id: eventId }, data: { cancelledAt: cancelled ? (before.cancelledAt ?? new Date()) : null } })
    await recordAudit({ action: cancelled ? 'event.cancelled' : 'event.reopened', actorId: actor.id, target: { type: 'event', id: eventId }, request }, tx)
    // Only a change from held to cancelled tells anyone: pressing the button twice sends nothing new.
    if (!cancelled || before.cancelledAt) return []
    const people = await tx.eventRegistration.findMany({
      where: { eventId, status: { in: ['REGISTERED', 'WAITLISTED'] } },
      select: { user: { select: { id: true, email: true, name: true } } },
    })
    await notify({ userIds: people.map((row) => row.user.id), kind: 'event.cancelled', title: '申し込んだ行事が中止になりました', url: `/events/${eventId}` }, tx)
    return people.map((row) => row.user)
  }, TX_OPTIONS)
  if (!affected.length) return
  const event = await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { title: true, startsAt: true } })
  for (const person of affected) {
    await sendMail({
      to: person.email,
      ...eventCancelledMail({ name: person.name, title: event.title, startsAt: formatDateTimeWithWeekday(event.startsAt), link: `${getEnv().APP_ORIGIN}/events/${eventId}` }),
    }).catch((error: unknown) => log.error({ component: 'events', eventId, error: describeError(error) }, 'could not queue the cancellation mail'))
  }
}

/**
 * Posts (or corrects) the organiser's summary. For a case-review meeting this is what makes its linked cases
 * 「検討会で扱った」; their authors are told the first time.
 */
/**
 * Posts (or replaces) an event's summary, unless the de-identification server check finds identifiers in it:
 * then the sentences saying what to remove, and nothing is saved.
 */
export async function postSummary(eventId: string, summary: string, actor: SessionUser, request: Request): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  const problems = describeBlocking(await serverBlockingFindings([{ field: 'summary', label: 'まとめ', text: summary }]))
  if (problems.length) return { ok: false, problems }
  await prisma.$transaction(async (tx) => {
    const before = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { summaryPostedAt: true, kind: true } })
    await tx.event.update({ where: { id: eventId }, data: { summary, summaryPostedAt: new Date() } })
    await recordAudit({ action: 'event.summary-posted', actorId: actor.id, target: { type: 'event', id: eventId }, request }, tx)
    if (!before.summaryPostedAt && before.kind === 'CASE_REVIEW') await notifyCaseAuthorsOfSummary(tx, eventId, actor)
  })
  return { ok: true }
}

/** Everyone who signed up, confirmed first, then the waiting list in its order, then cancellations. */
export async function listParticipants(eventId: string) {
  const rows = await prisma.eventRegistration.findMany({
    where: { eventId },
    select: {
      id: true,
      status: true,
      queuedAt: true,
      promotedAt: true,
      cancelledAt: true,
      user: { select: { id: true, name: true, email: true, profession: true, course: true, cohort: true, hospital: { select: { name: true } } } },
    },
    orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
  })
  const rank = { REGISTERED: 0, WAITLISTED: 1, CANCELLED: 2 } as const
  return rows.sort((a, b) => rank[a.status] - rank[b.status])
}

// --- Reminders ------------------------------------------------------------------------------------------------

/**
 * Mails every confirmed participant of tomorrow's events (Japan calendar day) once, from 9:00 Japan time. Each registration is claimed
 * by setting reminderSentAt in a conditional update before the mail goes out, so hourly runs, restarts and
 * several app instances never send twice; a failed mail releases the claim so the next run tries again.
 */
export async function sendDayBeforeReminders(now = new Date()) {
  const window = reminderWindow(now)
  if (!window) return { reminders: 0 }
  const { from, to } = window
  const due = await prisma.eventRegistration.findMany({
    where: { status: 'REGISTERED', reminderSentAt: null, event: { cancelledAt: null, startsAt: { gte: from, lt: to } } },
    select: {
      id: true,
      user: { select: { email: true, name: true, status: true } },
      event: { select: { id: true, title: true, startsAt: true, venue: true, onlineUrl: true } },
    },
  })
  let sent = 0
  for (const registration of due) {
    if (registration.user.status !== 'ACTIVE') continue
    const { event } = registration
    // The claim and the queued mail commit together: the mail job retries until the mail server takes it, so
    // nothing needs releasing, and a second run (another instance, a restart) finds the claim and skips.
    const queued = await prisma.$transaction(async (tx) => {
      const claimed = await tx.eventRegistration.updateMany({
        where: { id: registration.id, status: 'REGISTERED', reminderSentAt: null },
        data: { reminderSentAt: now },
      })
      if (claimed.count !== 1) return false
      const mail = eventReminderMail({
        name: registration.user.name,
        title: event.title,
        startsAt: formatDateTimeWithWeekday(event.startsAt),
        venue: event.venue,
        // The mail goes only to confirmed participants, who may see the online link.
        onlineUrl: event.onlineUrl,
        link: `${getEnv().APP_ORIGIN}/events/${event.id}`,
      })
      await sendMail({ to: registration.user.email, ...mail }, { db: tx })
      return true
    })
    if (queued) sent += 1
  }
  return { reminders: sent }
}
