import { beforeAll, describe, expect, test } from 'vitest'
import type { Course, Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { cancelSignup, publicRecentFollowUps, sendDayBeforeReminders, signUp } from '#app/modules/events/events.server.ts'
import * as adminEditRoute from '#app/routes/admin/events/edit.tsx'
import * as adminEventsRoute from '#app/routes/admin/events/index.tsx'
import * as csvRoute from '#app/routes/admin/events/participants.csv.ts'
import * as participantsRoute from '#app/routes/admin/events/participants.tsx'
import * as calendarRoute from '#app/routes/events/calendar.ics.ts'
import * as detailRoute from '#app/routes/events/detail.tsx'
import * as eventsRoute from '#app/routes/events/index.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as publicHomeRoute from '#app/routes/public-home.tsx'
import { createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { mailsTo, sentMailFiles } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, type RouteHandler, unwrap } from '#tests/fixtures/routes.ts'

// Programme events against a fresh database: sign-up under concurrency, the waiting list, deadlines, who may see
// and do what, the online link never leaking, the calendar file, the CSV export and the reminder job.

const DAY = 86_400_000
const ONLINE_URL = 'https://meet.example.jp/secret-room-4711'

function asSessionUser(user: { id: string; email: string; name: string; role: Role; hospitalId: string | null }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, status: 'ACTIVE', hospitalId: user.hospitalId }
}

async function member(course: Course | null = 'EQSO', cohort: number | null = 2, role: Role = 'MEMBER') {
  const user = await createUser({ role })
  const updated = await prisma.user.update({ where: { id: user.id }, data: { course, cohort } })
  return { user: asSessionUser(updated), email: updated.email, cookie: await sessionCookieFor(updated.id) }
}

async function createEvent(overrides: Partial<Parameters<typeof prisma.event.create>[0]['data']> = {}) {
  return prisma.event.create({
    data: {
      kind: 'FOLLOW_UP',
      title: 'テスト研修会',
      description: '内容',
      startsAt: new Date(Date.now() + 10 * DAY),
      endsAt: new Date(Date.now() + 10 * DAY + 4 * 3600_000),
      venue: 'テスト会場',
      onlineUrl: ONLINE_URL,
      capacity: 2,
      ...overrides,
    },
  })
}

const statuses = async (eventId: string) =>
  prisma.eventRegistration.groupBy({ by: ['status'], where: { eventId }, _count: true }).then((rows) => Object.fromEntries(rows.map((row) => [row.status, row._count])))

let admin: Awaited<ReturnType<typeof member>>
let alice: Awaited<ReturnType<typeof member>>

beforeAll(async () => {
  admin = await member(null, null, 'ADMIN')
  alice = await member('EQSO', 2)
})

describe('no over-booking under concurrent sign-ups', () => {
  test('two members take the last seat at the same moment: one gets it, the other waits', async () => {
    const event = await createEvent({ capacity: 2 })
    const first = await member()
    await signUp(event.id, first.user)
    const [a, b] = await Promise.all([member(), member()])
    const results = await Promise.all([signUp(event.id, a.user), signUp(event.id, b.user)])
    expect(results.map((result) => (result.ok ? result.status : result.reason)).sort()).toEqual(['REGISTERED', 'WAITLISTED'])
    expect(await statuses(event.id)).toEqual({ REGISTERED: 2, WAITLISTED: 1 })
  })

  test('twenty sign-ups at once for three seats, through the page action: exactly three seats, seventeen waiting', async () => {
    const event = await createEvent({ capacity: 3 })
    const members = await Promise.all(Array.from({ length: 20 }, () => member()))
    const results = await Promise.all(
      members.map((m) => detailRoute.action(routeArgs(makeRequest(`/events/${event.id}`, { cookie: m.cookie, form: { intent: 'register' } }), { id: event.id }))),
    )
    for (const result of results) expect(unwrap(result).status).toBe(200)
    expect(await statuses(event.id)).toEqual({ REGISTERED: 3, WAITLISTED: 17 })
  })

  test('cancellations and sign-ups racing each other never exceed the capacity, and the queue keeps its order', async () => {
    const event = await createEvent({ capacity: 4 })
    const early = await Promise.all(Array.from({ length: 8 }, () => member()))
    for (const m of early) await signUp(event.id, m.user) // 4 registered, 4 waiting, in this order
    const late = await Promise.all(Array.from({ length: 8 }, () => member()))
    await Promise.all([...early.slice(0, 3).map((m) => cancelSignup(event.id, m.user)), ...late.map((m) => signUp(event.id, m.user))])
    const rows = await prisma.eventRegistration.findMany({ where: { eventId: event.id }, select: { userId: true, status: true } })
    const registered = rows.filter((row) => row.status === 'REGISTERED').map((row) => row.userId)
    expect(registered).toHaveLength(4)
    // The three freed seats went to the three who were waiting first, not to latecomers.
    expect(registered.sort()).toEqual([early[3], early[4], early[5], early[6]].map((m) => m!.user.id).sort())
  })
})

describe('the waiting list', () => {
  test('a cancelled seat goes to the first in line, who is told by mail; a waiting member sees no online link', async () => {
    const event = await createEvent({ capacity: 1 })
    const [holder, second, third] = await Promise.all([member(), member(), member()])
    expect(await signUp(event.id, holder.user)).toMatchObject({ ok: true, status: 'REGISTERED' })
    expect(await signUp(event.id, second.user)).toMatchObject({ ok: true, status: 'WAITLISTED' })
    expect(await signUp(event.id, third.user)).toMatchObject({ ok: true, status: 'WAITLISTED' })

    const waiting = unwrap(await detailRoute.loader(routeArgs(makeRequest(`/events/${event.id}`, { cookie: second.cookie }), { id: event.id }))).data
    expect(waiting.myStatus).toBe('WAITLISTED')
    expect(waiting.waitingPosition).toBe(1)
    expect(JSON.stringify(waiting)).not.toContain(ONLINE_URL)

    const cancelled = unwrap(await detailRoute.action(routeArgs(makeRequest(`/events/${event.id}`, { cookie: holder.cookie, form: { intent: 'cancel' } }), { id: event.id })))
    expect(cancelled.status).toBe(200)
    expect(await statuses(event.id)).toEqual({ CANCELLED: 1, REGISTERED: 1, WAITLISTED: 1 })
    const promoted = await prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: second.user.id } } })
    expect(promoted.status).toBe('REGISTERED')
    expect(promoted.promotedAt).not.toBeNull()
    const mails = await mailsTo(second.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toContain('参加が確定')
    expect(mails[0]?.text).toContain(`http://localhost:3000/events/${event.id}`)
    expect(await mailsTo(third.email)).toHaveLength(0)
    expect(await prisma.notification.findMany({ where: { userId: second.user.id }, select: { kind: true, url: true } })).toEqual([
      { kind: 'event.promoted', url: `/events/${event.id}` },
    ])

    const nowConfirmed = unwrap(await detailRoute.loader(routeArgs(makeRequest(`/events/${event.id}`, { cookie: second.cookie }), { id: event.id }))).data
    expect(nowConfirmed.onlineUrl).toBe(ONLINE_URL)
  })

  test('signing up again after cancelling queues at the back; cancelling from the waiting list promotes nobody', async () => {
    const event = await createEvent({ capacity: 1 })
    const [a, b, c] = await Promise.all([member(), member(), member()])
    await signUp(event.id, a.user)
    await signUp(event.id, b.user)
    expect(await cancelSignup(event.id, b.user)).toEqual({ ok: true, wasRegistered: false })
    await signUp(event.id, c.user)
    expect(await signUp(event.id, b.user)).toMatchObject({ ok: true, status: 'WAITLISTED', already: false })
    expect(await signUp(event.id, b.user)).toMatchObject({ ok: true, status: 'WAITLISTED', already: true })
    await cancelSignup(event.id, a.user)
    const registered = await prisma.eventRegistration.findFirstOrThrow({ where: { eventId: event.id, status: 'REGISTERED' } })
    expect(registered.userId).toBe(c.user.id)
  })

  test('an admin raising the capacity moves the waiting list up', async () => {
    const event = await createEvent({ capacity: 1 })
    const [a, b, c] = await Promise.all([member(), member(), member()])
    for (const m of [a, b, c]) await signUp(event.id, m.user)
    const form = {
      intent: 'save',
      kind: 'FOLLOW_UP',
      title: event.title,
      startsAt: '2030-01-10T13:00',
      endsAt: '2030-01-10T17:00',
      venue: 'テスト会場',
      capacity: '2',
    }
    await settle(() => adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${event.id}`, { cookie: admin.cookie, form }), { id: event.id })))
    expect(await statuses(event.id)).toEqual({ REGISTERED: 2, WAITLISTED: 1 })
    expect(await mailsTo(b.email)).toHaveLength(1)
  })
})

describe('deadline and eligibility', () => {
  test('after the deadline nobody can sign up, but a member can still cancel until the start', async () => {
    const event = await createEvent({ capacity: 5, signupDeadline: new Date(Date.now() - 60_000) })
    const late = await member()
    const refused = unwrap(await detailRoute.action(routeArgs(makeRequest(`/events/${event.id}`, { cookie: late.cookie, form: { intent: 'register' } }), { id: event.id })))
    expect(refused.status).toBe(400)
    expect(refused.data.notice.message).toContain('締切')
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(0)

    await prisma.eventRegistration.create({ data: { eventId: event.id, userId: alice.user.id, status: 'REGISTERED' } })
    expect(await cancelSignup(event.id, alice.user)).toEqual({ ok: true, wasRegistered: true })
  })

  test('an event that has started takes no sign-ups and no cancellations', async () => {
    const event = await createEvent({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000) })
    const m = await member()
    expect(await signUp(event.id, m.user)).toEqual({ ok: false, reason: 'started' })
    await prisma.eventRegistration.create({ data: { eventId: event.id, userId: m.user.id, status: 'REGISTERED' } })
    expect(await cancelSignup(event.id, m.user)).toEqual({ ok: false, reason: 'started' })
  })

  test('re-attendance for CQSO up to cohort 7: EQSO and CQSO 8期 are refused, CQSO 3期 may join', async () => {
    const event = await createEvent({ kind: 'REATTENDANCE', courses: ['CQSO'], maxCohort: 7, cool: 5 })
    const [eqso, cqso8, cqso3, none] = await Promise.all([member('EQSO', 2), member('CQSO', 8), member('CQSO', 3), member(null, null)])
    for (const m of [eqso, cqso8, none]) {
      const result = unwrap(await detailRoute.action(routeArgs(makeRequest(`/events/${event.id}`, { cookie: m.cookie, form: { intent: 'register' } }), { id: event.id })))
      expect(result.status).toBe(400)
      expect(result.data.notice.message).toContain('対象外')
    }
    expect(await signUp(event.id, cqso3.user)).toMatchObject({ ok: true, status: 'REGISTERED' })
    expect(await statuses(event.id)).toEqual({ REGISTERED: 1 })
  })

  test('a cancelled event takes no sign-ups', async () => {
    const event = await createEvent({ cancelledAt: new Date() })
    expect(await signUp(event.id, alice.user)).toEqual({ ok: false, reason: 'cancelled' })
  })
})

describe('who may see and do what', () => {
  test.each<[string, RouteHandler]>([
    ['/events', eventsRoute.loader],
    ['/events/x', detailRoute.loader],
    ['/events/x/calendar.ics', calendarRoute.loader],
    ['/admin/events', adminEventsRoute.loader],
    ['/admin/events/x', adminEditRoute.loader],
    ['/admin/events/x/participants', participantsRoute.loader],
    ['/admin/events/x/participants.csv', csvRoute.loader],
  ])('anonymous GET %s → login', async (path, loader) => {
    expectLoginRedirect(await settle(() => loader(routeArgs(makeRequest(path), { id: 'x' }))), path)
  })

  test('anonymous POSTs → login, nothing changes', async () => {
    const event = await createEvent()
    const actions: [string, RouteHandler][] = [
      [`/events/${event.id}`, detailRoute.action],
      [`/admin/events/${event.id}`, adminEditRoute.action],
    ]
    for (const [path, action] of actions) {
      expectLoginRedirect(await settle(() => action(routeArgs(makeRequest(path, { form: { intent: 'register' } }), { id: event.id }))), path)
    }
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(0)
  })

  test('members and consultants get 403 on every admin page and action; nothing changes', async () => {
    const event = await createEvent({ title: '変更されない研修会' })
    const consultant = await member('CQSO', 1, 'CONSULTANT')
    for (const who of [alice, consultant]) {
      const loaders: [string, RouteHandler][] = [
        ['/admin/events', adminEventsRoute.loader],
        [`/admin/events/${event.id}`, adminEditRoute.loader],
        [`/admin/events/${event.id}/participants`, participantsRoute.loader],
        [`/admin/events/${event.id}/participants.csv`, csvRoute.loader],
      ]
      for (const [path, loader] of loaders) {
        expectResponse(await settle(() => loader(routeArgs(makeRequest(path, { cookie: who.cookie }), { id: event.id }))), 403)
      }
      const forms: Record<string, string>[] = [{ intent: 'save', kind: 'OTHER', title: '乗っ取り', startsAt: '2030-01-01T10:00', endsAt: '2030-01-01T11:00', venue: 'x' }, { intent: 'summary', summary: 'x' }, { intent: 'cancel-event' }]
      for (const form of forms) {
        expectResponse(await settle(() => adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${event.id}`, { cookie: who.cookie, form }), { id: event.id }))), 403)
      }
      expectResponse(await settle(() => adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: who.cookie, form: { intent: 'save' } })))), 403)
    }
    expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ title: '変更されない研修会', summary: null, cancelledAt: null })
  })

  test('an unknown event is a 404 for members and admins', async () => {
    expectResponse(await settle(() => detailRoute.loader(routeArgs(makeRequest('/events/nope', { cookie: alice.cookie }), { id: 'nope' }))), 404)
    expectResponse(await settle(() => detailRoute.action(routeArgs(makeRequest('/events/nope', { cookie: alice.cookie, form: { intent: 'register' } }), { id: 'nope' }))), 404)
    expectResponse(await settle(() => csvRoute.loader(routeArgs(makeRequest('/admin/events/nope/participants.csv', { cookie: admin.cookie }), { id: 'nope' }))), 404)
  })
})

describe('the online link never leaks', () => {
  test('not in the list, not in the detail before a seat is confirmed, not on the public page, not in /home', async () => {
    const event = await createEvent({ showOnPublicPage: true, capacity: 10 })
    const viewer = await member()
    const list = unwrap(await eventsRoute.loader(routeArgs(makeRequest('/events', { cookie: viewer.cookie })))).data
    expect(list.events.some((row) => row.id === event.id)).toBe(true)
    expect(JSON.stringify(list)).not.toContain(ONLINE_URL)

    const before = unwrap(await detailRoute.loader(routeArgs(makeRequest(`/events/${event.id}`, { cookie: viewer.cookie }), { id: event.id }))).data
    expect(before.onlineUrl).toBeNull()
    expect(before.event.hasOnlineLink).toBe(true)
    expect(JSON.stringify(before)).not.toContain(ONLINE_URL)
    expect(JSON.stringify(before)).not.toContain('secret-room')

    const publicPage = await publicHomeRoute.loader()
    const listed = publicPage.upcomingEvents.find((row) => row.id === event.id)
    expect(listed).toBeDefined()
    expect(Object.keys(listed ?? {}).sort()).toEqual(['endsAt', 'id', 'kind', 'startsAt', 'title'])
    expect(JSON.stringify(publicPage)).not.toContain(ONLINE_URL)
    expect(JSON.stringify(publicPage)).not.toContain('テスト会場')

    await signUp(event.id, viewer.user)
    const home = unwrap(await homeRoute.loader(routeArgs(makeRequest('/home', { cookie: viewer.cookie })))).data
    expect(home.myEvents.map((row) => row.id)).toContain(event.id)
    expect(JSON.stringify(home)).not.toContain(ONLINE_URL)

    const after = unwrap(await detailRoute.loader(routeArgs(makeRequest(`/events/${event.id}`, { cookie: viewer.cookie }), { id: event.id }))).data
    expect(after.onlineUrl).toBe(ONLINE_URL)
  })

  test('the public page lists only marked, upcoming, not-cancelled events', async () => {
    const hidden = await createEvent({ title: '非公開の会' })
    const cancelled = await createEvent({ title: '中止の会', showOnPublicPage: true, cancelledAt: new Date() })
    const past = await createEvent({ title: '過去の会', showOnPublicPage: true, startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) })
    const ids = (await publicHomeRoute.loader()).upcomingEvents.map((row) => row.id)
    for (const event of [hidden, cancelled, past]) expect(ids).not.toContain(event.id)
  })

  test('「最近の開催」 lists the follow-up trainings held, newest first; not upcoming, hidden or cancelled ones', async () => {
    const held = (daysAgo: number, extra: Partial<Parameters<typeof prisma.event.create>[0]['data']> = {}) =>
      createEvent({ kind: 'FOLLOW_UP', showOnPublicPage: true, startsAt: new Date(Date.now() - daysAgo * DAY), endsAt: new Date(Date.now() - daysAgo * DAY + 3_600_000), ...extra })
    const older = await held(400)
    const newer = await held(30)
    const excluded = [
      await held(10, { showOnPublicPage: false }),
      await held(5, { cancelledAt: new Date() }),
      await held(3, { kind: 'CASE_REVIEW' }),
      await createEvent({ kind: 'FOLLOW_UP', showOnPublicPage: true }),
    ]
    // Other tests in this file hold public follow-ups too (a day ago): those come first, then ours in order.
    const ids = (await publicRecentFollowUps(new Date(), 20)).map((row) => row.id)
    expect(ids.filter((id) => id === newer.id || id === older.id)).toEqual([newer.id, older.id])
    for (const event of excluded) expect(ids).not.toContain(event.id)
    expect((await publicHomeRoute.loader()).recentFollowUps.length).toBe(2)
  })
})

/** Unfolds an iCalendar text into "NAME;PARAMS" → value (the first one wins), checking CRLF and line length. */
function readIcs(text: string): Map<string, string> {
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  const props = new Map<string, string>()
  for (const line of text.replace(/\r\n /g, '').split('\r\n').filter(Boolean)) {
    const colon = line.indexOf(':')
    if (!props.has(line.slice(0, colon))) props.set(line.slice(0, colon), line.slice(colon + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'))
  }
  return props
}

describe('calendar file', () => {
  test('a valid .ics in Tokyo time; the online link only for a confirmed seat', async () => {
    const event = await createEvent({ title: '研修会, 第1回; 東海', startsAt: new Date('2030-03-02T04:00:00Z'), endsAt: new Date('2030-03-02T08:00:00Z'), capacity: 1 })
    const [seat, waiting] = await Promise.all([member(), member()])
    await signUp(event.id, seat.user)
    await signUp(event.id, waiting.user)

    const get = async (cookie: string) => {
      const response = expectResponse(await calendarRoute.loader(routeArgs(makeRequest(`/events/${event.id}/calendar.ics`, { cookie }), { id: event.id })), 200)
      expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8')
      expect(response.headers.get('Cache-Control')).toContain('no-store')
      return response.text()
    }
    const confirmed = await get(seat.cookie)
    const props = readIcs(confirmed)
    expect(props.get('BEGIN')).toBe('VCALENDAR')
    expect(props.get('VERSION')).toBe('2.0')
    expect(props.get('UID')).toBe(`event-${event.id}@localhost`)
    expect(props.get('DTSTART;TZID=Asia/Tokyo')).toBe('20300302T130000')
    expect(props.get('DTEND;TZID=Asia/Tokyo')).toBe('20300302T170000')
    expect(props.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/)
    expect(props.get('SUMMARY')).toBe('研修会, 第1回; 東海')
    expect(props.get('TZID')).toBe('Asia/Tokyo')
    const unfold = (text: string) => text.replace(/\r\n /g, '')
    expect(unfold(confirmed)).toContain(ONLINE_URL)

    const forWaiting = await get(waiting.cookie)
    expect(readIcs(forWaiting).get('SUMMARY')).toBe('研修会, 第1回; 東海')
    expect(unfold(forWaiting)).not.toContain(ONLINE_URL)
    expect(unfold(forWaiting)).not.toContain('secret-room')
  })
})

describe('admin pages', () => {
  // Posting the summary starts the de-identification worker (analyser load): allow for a busy machine.
  test('an admin creates an event; bad input comes back with field messages and everything typed', { timeout: 60_000 }, async () => {
    const bad = {
      intent: 'save',
      kind: 'CASE_REVIEW',
      title: '事例検討会（入力途中）',
      startsAt: '2030-05-01T18:00',
      endsAt: '2030-05-01T17:00',
      onlineUrl: 'javascript:alert(1)',
      capacity: '0',
      courses: ['CQSO', 'EQSO'],
    }
    const refused = unwrap(await adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: admin.cookie, form: bad }))))
    expect(refused.status).toBe(400)
    const result = refused.data.result as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
    expect(result.error?.endsAt?.[0]).toContain('終了日時')
    expect(result.error?.onlineUrl?.[0]).toContain('https://')
    expect(result.error?.capacity?.[0]).toContain('1以上')
    expect(result.initialValue).toMatchObject({ title: '事例検討会（入力途中）', courses: ['CQSO', 'EQSO'] })

    const good = { ...bad, endsAt: '2030-05-01T20:00', onlineUrl: 'https://meet.example.jp/new', capacity: '30', signupDeadline: '2030-04-30T23:59', courses: 'CQSO' }
    const created = await settle(() => adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: admin.cookie, form: good }))))
    const location = expectResponse(created, 302).headers.get('Location') ?? ''
    const id = location.split('/').at(-1) ?? ''
    const event = await prisma.event.findUniqueOrThrow({ where: { id } })
    expect(event).toMatchObject({ kind: 'CASE_REVIEW', capacity: 30, courses: ['CQSO'], createdById: admin.user.id, showOnPublicPage: false })
    expect(event.startsAt.toISOString()).toBe('2030-05-01T09:00:00.000Z')
    expect(event.signupDeadline?.toISOString()).toBe('2030-04-30T14:59:00.000Z')
    expect(await prisma.auditEvent.count({ where: { action: 'event.created', targetId: id } })).toBe(1)

    const summary = unwrap(
      await adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'summary', summary: '検討した内容のまとめ' } }), { id })),
    )
    expect(summary.status).toBe(200)
    expect((await prisma.event.findUniqueOrThrow({ where: { id } })).summary).toBe('検討した内容のまとめ')

    // The server check gates the summary: a name and an exact day are refused on the field, nothing is saved.
    const named = unwrap(
      await adminEditRoute.action(
        routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'summary', summary: '蓮見看護師が3月14日の事例を報告した。' } }), { id }),
      ),
    )
    expect(named.status).toBe(400)
    expect(JSON.stringify(named.data)).toContain('「まとめ」の「蓮見看護師」（氏名）を伏せてください')
    expect(JSON.stringify(named.data)).toContain('「まとめ」の「3月14日」（日付）を伏せてください')
    expect((await prisma.event.findUniqueOrThrow({ where: { id } })).summary).toBe('検討した内容のまとめ')
  })

  test('cancelling an event tells everyone signed up or waiting, once', async () => {
    const event = await createEvent({ capacity: 1, title: '中止になる研修会' })
    const [a, b, c] = await Promise.all([member(), member(), member()])
    await signUp(event.id, a.user)
    await signUp(event.id, b.user)
    await signUp(event.id, c.user)
    await cancelSignup(event.id, c.user)
    const cancel = () => adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${event.id}`, { cookie: admin.cookie, form: { intent: 'cancel-event' } }), { id: event.id }))
    expect(unwrap(await cancel()).status).toBe(200)
    expect(unwrap(await cancel()).status).toBe(200)
    expect((await prisma.event.findUniqueOrThrow({ where: { id: event.id } })).cancelledAt).not.toBeNull()
    for (const m of [a, b]) {
      const mails = (await mailsTo(m.email)).filter((mail) => mail.subject.includes('中止'))
      expect(mails).toHaveLength(1)
      expect(await prisma.notification.count({ where: { userId: m.user.id, kind: 'event.cancelled' } })).toBe(1)
    }
    expect((await mailsTo(c.email)).filter((mail) => mail.subject.includes('中止'))).toHaveLength(0)
    expect(await signUp(event.id, c.user)).toEqual({ ok: false, reason: 'cancelled' })
  })

  test('participants page and CSV: confirmed first, then the waiting list; UTF-8 BOM; the export is audited', async () => {
    const event = await createEvent({ capacity: 1 })
    const [a, b] = await Promise.all([member('CQSO', 3), member('AQSO_DAILY', 4)])
    await prisma.user.update({ where: { id: a.user.id }, data: { name: '山田, "太郎"' } })
    await signUp(event.id, a.user)
    await signUp(event.id, b.user)

    const page = unwrap(await participantsRoute.loader(routeArgs(makeRequest(`/admin/events/${event.id}/participants`, { cookie: admin.cookie }), { id: event.id }))).data
    expect(page.participants.map((row) => [row.user.id, row.status])).toEqual([
      [a.user.id, 'REGISTERED'],
      [b.user.id, 'WAITLISTED'],
    ])

    const response = expectResponse(await csvRoute.loader(routeArgs(makeRequest(`/admin/events/${event.id}/participants.csv`, { cookie: admin.cookie }), { id: event.id })), 200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="participants-/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]).toBe('状態,氏名,メールアドレス,所属病院,コース,職種,申込日時,繰り上げ日時,キャンセル日時')
    expect(lines[1]).toContain('参加登録済み,"山田, ""太郎""",')
    expect(lines[1]).toContain('CQSO 3期')
    expect(lines[2]).toMatch(/^キャンセル待ち,/)
    expect(lines[2]).toContain('AQSO（日々） 4期')
    expect(await prisma.auditEvent.count({ where: { action: 'event.participants-exported', targetId: event.id, actorId: admin.user.id } })).toBe(1)
  })
})

describe('day-before reminders', () => {
  test('each confirmed participant of tomorrow’s events gets exactly one mail, however often the job runs', async () => {
    // 2031-04-10 10:00 JST; tomorrow's event starts 2031-04-11 13:00 JST.
    const now = new Date('2031-04-10T01:00:00Z')
    const tomorrow = await createEvent({ title: '明日の研修会', startsAt: new Date('2031-04-11T04:00:00Z'), endsAt: new Date('2031-04-11T08:00:00Z'), capacity: 1 })
    const later = await createEvent({ title: '来週の研修会', startsAt: new Date('2031-04-17T04:00:00Z'), endsAt: new Date('2031-04-17T08:00:00Z') })
    const called = await createEvent({ title: '中止の研修会', startsAt: new Date('2031-04-11T04:00:00Z'), endsAt: new Date('2031-04-11T08:00:00Z'), cancelledAt: now })
    const [seat, waiting, other] = await Promise.all([member(), member(), member()])
    const signUpAt = new Date('2031-04-01T00:00:00Z')
    await signUp(tomorrow.id, seat.user, undefined, signUpAt)
    await signUp(tomorrow.id, waiting.user, undefined, signUpAt)
    await signUp(later.id, other.user, undefined, signUpAt)
    await prisma.eventRegistration.create({ data: { eventId: called.id, userId: other.user.id, status: 'REGISTERED' } })
    const mailsBefore = (await sentMailFiles()).length

    // Before 9:00 in Japan nothing goes out.
    expect(await sendDayBeforeReminders(new Date('2031-04-09T23:00:00Z'))).toEqual({ reminders: 0 })
    const runs = await Promise.all([sendDayBeforeReminders(now), sendDayBeforeReminders(now)])
    expect(runs.reduce((sum, run) => sum + run.reminders, 0)).toBe(1)
    expect(await sendDayBeforeReminders(new Date(now.getTime() + 3600_000))).toEqual({ reminders: 0 })

    const mails = await mailsTo(seat.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toContain('明日開催')
    expect(mails[0]?.text).toContain(ONLINE_URL)
    expect(await mailsTo(waiting.email)).toHaveLength(0)
    expect(await mailsTo(other.email)).toHaveLength(0)
    expect((await sentMailFiles()).length - mailsBefore).toBe(1)
    const row = await prisma.eventRegistration.findUniqueOrThrow({ where: { eventId_userId: { eventId: tomorrow.id, userId: seat.user.id } } })
    expect(row.reminderSentAt?.toISOString()).toBe(now.toISOString())
  })
})
