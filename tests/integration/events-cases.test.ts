import { beforeAll, describe, expect, test } from 'vitest'
import type { Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import * as adminEditRoute from '#app/routes/admin/events/edit.tsx'
import * as caseDetailRoute from '#app/routes/cases/detail.tsx'
import * as casesRoute from '#app/routes/cases/index.tsx'
import * as eventDetailRoute from '#app/routes/events/detail.tsx'
import { createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createCase, sessionUser } from '#tests/fixtures/cases.ts'
import { expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

// Issue 8, item 3: case-review meetings link the cases discussed; once the organiser posts the summary the cases
// count as 「検討会で扱った」 on the case page and in /cases. Who may link what, and what each viewer sees.

const DAY = 86_400_000

async function person(role: Role = 'MEMBER') {
  const user = await createUser({ role })
  return { user: await sessionUser(user.id), cookie: await sessionCookieFor(user.id) }
}

type Person = Awaited<ReturnType<typeof person>>

const eventForm = (overrides: Record<string, string | string[]> = {}) => ({
  intent: 'save',
  kind: 'CASE_REVIEW',
  title: '事例検討会：テスト',
  startsAt: '2030-05-01T18:30',
  endsAt: '2030-05-01T20:00',
  onlineUrl: 'https://meet.example.jp/case-review',
  capacity: '30',
  ...overrides,
})

const saveEventAs = (who: Person, form: Record<string, string | string[]>, id?: string) =>
  settle(() => adminEditRoute.action(routeArgs(makeRequest(id ? `/admin/events/${id}` : '/admin/events/new', { cookie: who.cookie, form }), id ? { id } : {})))

async function createdId(result: unknown) {
  const location = expectResponse(result, 302).headers.get('Location') ?? ''
  return location.split('/').at(-1) ?? ''
}

const linkedIds = async (eventId: string) =>
  (await prisma.eventCase.findMany({ where: { eventId }, orderBy: { position: 'asc' }, select: { caseId: true } })).map((row) => row.caseId)

const caseMeetings = async (who: Person, caseId: string) =>
  unwrap(await caseDetailRoute.loader(routeArgs(makeRequest(`/cases/${caseId}`, { cookie: who.cookie }), { id: caseId }))).data.meetings

const casesList = async (who: Person, query = '') => unwrap(await casesRoute.loader(routeArgs(makeRequest(`/cases${query}`, { cookie: who.cookie })))).data

const eventPageCases = async (who: Person, eventId: string) =>
  unwrap(await eventDetailRoute.loader(routeArgs(makeRequest(`/events/${eventId}`, { cookie: who.cookie }), { id: eventId }))).data.cases

let admin: Person
let author: Person
let other: Person

beforeAll(async () => {
  admin = await person('ADMIN')
  author = await person()
  other = await person()
})

describe('linking cases to a case-review meeting', () => {
  test('an admin ticks cases and types a link; they are stored in order, audited, and the authors are told', async () => {
    const [a, b, c] = [await createCase(author.user, { title: '事例A' }), await createCase(other.user, { title: '事例B' }), await createCase(author.user, { title: '事例C' })]
    const id = await createdId(await saveEventAs(admin, eventForm({ caseIds: [b.id, a.id], caseRefs: `http://localhost:3000/cases/${c.id}` })))
    expect(await linkedIds(id)).toEqual([b.id, a.id, c.id])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'event.cases-linked', targetId: id } })
    expect(audit.actorId).toBe(admin.user.id)
    expect(await prisma.notification.count({ where: { userId: author.user.id, kind: 'event.case-linked', url: `/events/${id}` } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: other.user.id, kind: 'event.case-linked', url: `/events/${id}` } })).toBe(1)

    // The admin page offers the linked ones first, ticked.
    const page = unwrap(await adminEditRoute.loader(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie }), { id }))).data
    expect(page.picker.linkedIds).toEqual([b.id, a.id, c.id])
    expect(page.picker.candidates.slice(0, 3).map((item) => item.id)).toEqual([b.id, a.id, c.id])

    // Saving again with one box unticked removes that link (and nothing else changes or is told twice).
    expect(await createdId(await saveEventAs(admin, eventForm({ caseIds: [b.id, c.id] }), id))).toBe(id)
    expect(await linkedIds(id)).toEqual([b.id, c.id])
    expect(await prisma.auditEvent.count({ where: { action: 'event.cases-linked', targetId: id } })).toBe(2)
    expect(await prisma.notification.count({ where: { kind: 'event.case-linked', url: `/events/${id}` } })).toBe(2)
    // Saving unchanged writes no new audit row.
    await saveEventAs(admin, eventForm({ caseIds: [b.id, c.id] }), id)
    expect(await prisma.auditEvent.count({ where: { action: 'event.cases-linked', targetId: id } })).toBe(2)
  })

  test('unknown, draft and hidden cases are refused with a Japanese field message; everything typed is kept', async () => {
    const published = await createCase(author.user, { title: '公開中の事例' })
    const draft = await createCase(author.user, { intent: 'draft', title: '下書きの事例' })
    const hidden = await createCase(other.user, { title: '非表示の事例' })
    await prisma.case.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenReason: 'テスト' } })
    const before = await prisma.event.count()
    for (const refs of ['no-such-case', `/cases/${draft.id}`, hidden.id]) {
      const result = unwrap(await adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: admin.cookie, form: eventForm({ title: '入力途中の検討会', caseIds: published.id, caseRefs: refs }) }))))
      expect(result.status).toBe(400)
      const reply = result.data.result as { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
      expect(reply.error?.caseRefs?.[0]).toContain('紐づけられません')
      expect(reply.error?.caseRefs?.[0]).toContain(refs.replace('/cases/', ''))
      expect(reply.initialValue).toMatchObject({ title: '入力途中の検討会', caseRefs: refs, caseIds: published.id })
    }
    const unreadable = unwrap(await adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: admin.cookie, form: eventForm({ caseRefs: '<script>' }) }))))
    expect(unreadable.status).toBe(400)
    expect((unreadable.data.result as { error?: Record<string, string[]> }).error?.caseRefs?.[0]).toContain('読めません')
    expect(await prisma.event.count()).toBe(before)
  })

  test('only a 事例検討会 links cases; other kinds are refused, and changing the kind away drops the links', async () => {
    const item = await createCase(author.user, { title: '種別テストの事例' })
    const refused = unwrap(await adminEditRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie: admin.cookie, form: eventForm({ kind: 'FOLLOW_UP', caseIds: item.id }) }))))
    expect(refused.status).toBe(400)
    expect((refused.data.result as { error?: Record<string, string[]> }).error?.caseRefs?.[0]).toContain('事例検討会')

    const id = await createdId(await saveEventAs(admin, eventForm({ caseIds: item.id })))
    expect(await linkedIds(id)).toEqual([item.id])
    // The picker is disabled for other kinds, so no case ids come with the form.
    await saveEventAs(admin, eventForm({ kind: 'OTHER', venue: '会場' }), id)
    expect(await linkedIds(id)).toEqual([])
  })

  test('members and consultants cannot link cases (403); nothing is linked', async () => {
    const item = await createCase(author.user, { title: '権限テストの事例' })
    const event = await prisma.event.create({
      data: { kind: 'CASE_REVIEW', title: '権限テストの検討会', startsAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + 3600_000), venue: '会場' },
    })
    const consultant = await person('CONSULTANT')
    for (const who of [author, consultant]) {
      expectResponse(await saveEventAs(who, eventForm({ caseIds: item.id }), event.id), 403)
      expectResponse(await saveEventAs(who, eventForm({ caseIds: item.id })), 403)
    }
    expect(await prisma.eventCase.count({ where: { caseId: item.id } })).toBe(0)
  })
})

describe('「検討会で扱った」 once the summary is posted', () => {
  test('the case page and /cases show it only after the summary; a cancelled meeting never counts', async () => {
    const item = await createCase(author.user, { title: '検討会で扱う予定の事例' })
    const id = await createdId(await saveEventAs(admin, eventForm({ title: '事例検討会：バッジのテスト', caseIds: item.id })))

    let meetings = await caseMeetings(other, item.id)
    expect(meetings.discussed).toEqual([])
    expect(meetings.planned.map((meeting) => meeting.id)).toEqual([id])
    let list = await casesList(other)
    expect(list.items.find((row) => row.id === item.id)?.meeting).toBeNull()
    expect((await casesList(other, '?reviewed=1')).items.map((row) => row.id)).not.toContain(item.id)

    // Every member reads the summary: identifiers are refused like in a published case, and nothing counts yet.
    const named = unwrap(
      await adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'summary', summary: '山田太郎様の転倒について検討した' } }), { id })),
    )
    expect(named.status).toBe(400)
    expect(JSON.stringify(named.data)).toContain('「まとめ」の「山田太郎様」（氏名）を伏せてください')
    expect((await prisma.event.findUniqueOrThrow({ where: { id } })).summaryPostedAt).toBeNull()

    const posted = unwrap(await adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'summary', summary: '検討のまとめ' } }), { id })))
    expect(posted.status).toBe(200)
    meetings = await caseMeetings(other, item.id)
    expect(meetings.discussed).toMatchObject([{ id, title: '事例検討会：バッジのテスト' }])
    expect(meetings.planned).toEqual([])
    list = await casesList(other)
    expect(list.items.find((row) => row.id === item.id)?.meeting).toMatchObject({ id, title: '事例検討会：バッジのテスト' })
    const reviewed = await casesList(other, '?reviewed=1')
    expect(reviewed.items.map((row) => row.id)).toContain(item.id)
    expect(reviewed.items.every((row) => row.meeting || row.reviewedAtMeeting)).toBe(true)
    expect(await prisma.notification.count({ where: { userId: author.user.id, kind: 'event.case-discussed', url: `/events/${id}` } })).toBe(1)
    // Correcting the summary does not tell the author again.
    await adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'summary', summary: '検討のまとめ（訂正）' } }), { id }))
    expect(await prisma.notification.count({ where: { userId: author.user.id, kind: 'event.case-discussed' } })).toBe(1)

    await adminEditRoute.action(routeArgs(makeRequest(`/admin/events/${id}`, { cookie: admin.cookie, form: { intent: 'cancel-event' } }), { id }))
    meetings = await caseMeetings(other, item.id)
    expect(meetings.discussed).toEqual([])
    expect((await casesList(other, '?reviewed=1')).items.map((row) => row.id)).not.toContain(item.id)
  })

  test('a case marked by hand still counts for the filter', async () => {
    const item = await createCase(author.user, { title: '手で記録した事例' })
    await prisma.case.update({ where: { id: item.id }, data: { reviewedAtMeeting: new Date('2025-06-12T00:00:00Z') } })
    expect((await casesList(other, '?reviewed=1')).items.map((row) => row.id)).toContain(item.id)
  })
})

describe('the event page lists the linked cases each viewer may see', () => {
  test('a case hidden later disappears for members, stays for admins, and stays linked when the event is saved again', async () => {
    const [shown, hiddenLater] = [await createCase(author.user, { title: '表示される事例' }), await createCase(other.user, { title: '後で非表示になる事例' })]
    const id = await createdId(await saveEventAs(admin, eventForm({ caseIds: [shown.id, hiddenLater.id] })))
    expect((await eventPageCases(author, id)).map((item) => item.title)).toEqual(['表示される事例', '後で非表示になる事例'])

    await prisma.case.update({ where: { id: hiddenLater.id }, data: { hiddenAt: new Date(), hiddenReason: 'テスト' } })
    const forMember = await eventPageCases(author, id)
    expect(forMember.map((item) => item.id)).toEqual([shown.id])
    const html = JSON.stringify(forMember)
    expect(html).not.toContain('後で非表示になる事例')
    expect(html).not.toContain('authorId')
    expect((await eventPageCases(admin, id)).map((item) => item.id)).toEqual([shown.id, hiddenLater.id])
    // Its author still sees it (as on the case page).
    expect((await eventPageCases(other, id)).map((item) => item.id)).toEqual([shown.id, hiddenLater.id])

    // The admin saves the event again with both boxes ticked: the hidden case, already linked, is kept.
    expect(await createdId(await saveEventAs(admin, eventForm({ caseIds: [shown.id, hiddenLater.id] }), id))).toBe(id)
    expect(await linkedIds(id)).toEqual([shown.id, hiddenLater.id])
  })

  test('other kinds of event list no cases; deleting a case or the event removes the links', async () => {
    const item = await createCase(author.user, { title: '削除される事例' })
    const id = await createdId(await saveEventAs(admin, eventForm({ caseIds: item.id })))
    await prisma.case.delete({ where: { id: item.id } })
    expect(await linkedIds(id)).toEqual([])
    const again = await createCase(author.user, { title: '残る事例' })
    await saveEventAs(admin, eventForm({ caseIds: again.id }), id)
    await prisma.event.delete({ where: { id } })
    expect(await prisma.eventCase.count({ where: { caseId: again.id } })).toBe(0)
  })
})
