import { beforeAll, describe, expect, test } from 'vitest'
import type { Course, Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import * as requestRoute from '#app/routes/admin/membership-request.tsx'
import * as requestsRoute from '#app/routes/admin/membership-requests.tsx'
import * as consultationNewRoute from '#app/routes/consultations/new.tsx'
import * as eventRoute from '#app/routes/events/detail.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as membersRoute from '#app/routes/members.tsx'
import * as practiceRoute from '#app/routes/practices/detail.tsx'
import * as practiceEditRoute from '#app/routes/practices/edit.tsx'
import * as settingsRoute from '#app/routes/settings-profile.tsx'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { outcome, requestForm } from '#tests/fixtures/consultations.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

// F1 of issue 13: hospital, course and cohort are admin-managed. A forged profile POST changes nothing anywhere;
// a change request changes nothing until an admin approves it; after approval every route that trusts the
// member's hospital or course follows the new values and no longer the old ones.

const DAY = 86_400_000

async function person(role: Role = 'MEMBER', hospitalId: string | null = null, course: Course | null = 'EQSO', cohort: number | null = 2) {
  const created = await createUser({ role, hospitalId })
  const user = await prisma.user.update({ where: { id: created.id }, data: { course, cohort } })
  return { ...user, cookie: await sessionCookieFor(user.id) }
}

const postProfile = (cookie: string, form: Record<string, string>) => settle(() => settingsRoute.action(routeArgs(makeRequest('/settings/profile', { cookie, form }))))
const askForChange = (cookie: string, form: Record<string, string>) =>
  settle(() => settingsRoute.action(routeArgs(makeRequest('/settings/profile', { cookie, form: { intent: 'request-change', ...form } }))))
const decide = (id: string, cookie: string, form: Record<string, string>) =>
  settle(() => requestRoute.action(routeArgs(makeRequest(`/admin/membership-requests/${id}`, { cookie, form }), { id })))
const membership = (id: string) => prisma.user.findUniqueOrThrow({ where: { id }, select: { hospitalId: true, course: true, cohort: true } })

/** The forged POST from the assessment: the ordinary profile form with hospital, course and cohort added. */
const forged = (hospitalId: string) => ({ name: '名前 変更', profession: 'NURSE', hospitalId, course: 'CQSO', cohort: '1' })

/** Asks for `to` and has `admin` approve it, through the two routes. */
async function approvedChange(member: { cookie: string; id: string }, admin: { cookie: string }, to: Record<string, string>) {
  unwrap(await askForChange(member.cookie, { reason: '異動のため', ...to }))
  const pending = await prisma.membershipChangeRequest.findFirstOrThrow({ where: { userId: member.id, status: 'PENDING' } })
  unwrap(await decide(pending.id, admin.cookie, { decision: 'approve' }))
}

let hospitalA: { id: string; name: string }
let hospitalB: { id: string; name: string }
let admin: Awaited<ReturnType<typeof person>>

beforeAll(async () => {
  ;[hospitalA, hospitalB] = await Promise.all([createHospital({ name: `A病院-${Date.now()}` }), createHospital({ name: `B病院-${Date.now()}` })])
  admin = await person('ADMIN')
})

describe('the profile form no longer sets hospital, course or cohort', () => {
  test('a forged hospitalId, course and cohort in the profile POST are ignored; name and profession are saved', async () => {
    const member = await person('MEMBER', hospitalA.id, 'EQSO', 2)
    unwrap(await postProfile(member.cookie, { ...forged(hospitalB.id), profession: 'PHARMACIST' }))
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalA.id, course: 'EQSO', cohort: 2 })
    expect(await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ name: '名前 変更', profession: 'PHARMACIST' })
  })

  test('a forged change-request intent cannot apply itself either: it only creates a pending request', async () => {
    const member = await person('MEMBER', hospitalA.id)
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, course: 'CQSO', cohort: '1', reason: '異動', status: 'APPROVED' }))
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalA.id, course: 'EQSO', cohort: 2 })
    expect(await prisma.membershipChangeRequest.findMany({ where: { userId: member.id }, select: { status: true } })).toEqual([{ status: 'PENDING' }])
  })

  test('the page shows the current values read-only and the pending request', async () => {
    const member = await person('MEMBER', hospitalA.id)
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, course: 'EQSO', cohort: '2', reason: '異動' }))
    const page = unwrap(await settle(() => settingsRoute.loader(routeArgs(makeRequest('/settings/profile', { cookie: member.cookie })))))
    expect(page.data.membership.current.hospital?.name).toBe(hospitalA.name)
    expect(page.data.membership.pending?.toHospital?.name).toBe(hospitalB.name)
  })
})

describe('change requests: ask, approve, refuse', () => {
  test('asking changes nothing; approving applies old → new, audits it and tells both sides in the app and by mail', async () => {
    const member = await person('MEMBER', hospitalA.id, 'EQSO', 2)
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, course: 'CQSO', cohort: '3', reason: '4月に異動しました' }))
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalA.id, course: 'EQSO', cohort: 2 })
    const adminNotice = await prisma.notification.findFirstOrThrow({ where: { userId: admin.id, kind: 'membership.change-requested' }, orderBy: { createdAt: 'desc' } })
    expect((await mailsTo(admin.email)).some((mail) => mail.subject.includes('変更依頼が届きました'))).toBe(true)

    const list = unwrap(await settle(() => requestsRoute.loader(routeArgs(makeRequest('/admin/membership-requests', { cookie: admin.cookie })))))
    const row = list.data.pending.find((item) => item.memberName === member.name)!
    expect(adminNotice.url).toBe(`/admin/membership-requests/${row.id}`)
    expect(row.change).toContain(`所属病院: ${hospitalA.name} → ${hospitalB.name}`)
    expect(row.change).toContain('修了コース: EQSO → CQSO')
    expect(row.change).toContain('期: 2期 → 3期')
    const detail = unwrap(await settle(() => requestRoute.loader(routeArgs(makeRequest('/x', { cookie: admin.cookie }), { id: row.id }))))
    expect(detail.data.request.reason).toBe('4月に異動しました')

    unwrap(await decide(row.id, admin.cookie, { decision: 'approve', note: '確認しました' }))
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalB.id, course: 'CQSO', cohort: 3 })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'membership.change-approved', targetId: member.id } })
    expect(audit.actorId).toBe(admin.id)
    expect(audit.details).toMatchObject({
      from: { hospitalId: hospitalA.id, course: 'EQSO', cohort: 2 },
      to: { hospitalId: hospitalB.id, course: 'CQSO', cohort: 3 },
    })
    expect(await prisma.notification.count({ where: { userId: member.id, kind: 'membership.change-approved' } })).toBe(1)
    const [mail] = await mailsTo(member.email)
    expect(mail?.subject).toContain('承認されました')
    expect(mail?.text).toContain(hospitalB.name)
    expect(mail?.text).toContain('確認しました')

    // Decided once: a second decision (a second admin, a double click) is refused and changes nothing.
    const again = unwrap(await decide(row.id, admin.cookie, { decision: 'refuse' }))
    expect(again.status).toBe(409)
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalB.id, course: 'CQSO', cohort: 3 })
  })

  test('refusing changes nothing and tells the member', async () => {
    const member = await person('MEMBER', hospitalA.id)
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, course: 'EQSO', cohort: '2', reason: '理由' }))
    const pending = await prisma.membershipChangeRequest.findFirstOrThrow({ where: { userId: member.id } })
    unwrap(await decide(pending.id, admin.cookie, { decision: 'refuse', note: '在籍を確認できませんでした' }))
    expect(await membership(member.id)).toEqual({ hospitalId: hospitalA.id, course: 'EQSO', cohort: 2 })
    expect(await prisma.auditEvent.count({ where: { action: 'membership.change-refused', targetId: member.id } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: member.id, kind: 'membership.change-refused' } })).toBe(1)
    expect((await mailsTo(member.email))[0]?.subject).toContain('却下されました')
  })

  test('bad requests come back with Japanese messages and what was typed', async () => {
    const member = await person('MEMBER', hospitalA.id)
    const unknown = JSON.stringify(unwrap(await askForChange(member.cookie, { hospitalId: 'missing', reason: '書きかけの理由' })))
    expect(unknown).toContain('病院が見つかりません')
    expect(unknown).toContain('書きかけの理由')
    expect(JSON.stringify(unwrap(await askForChange(member.cookie, { hospitalId: hospitalA.id, course: 'EQSO', cohort: '2', reason: 'x' })))).toContain(
      '現在の登録内容と同じです',
    )
    expect(JSON.stringify(unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id })))).toContain('変更の理由を入力してください')
    expect(await prisma.membershipChangeRequest.count({ where: { userId: member.id } })).toBe(0)
  })

  test('a newer request replaces the pending one', async () => {
    const member = await person('MEMBER', hospitalA.id)
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, reason: '一度目' }))
    unwrap(await askForChange(member.cookie, { hospitalId: hospitalB.id, course: 'CQSO', reason: '二度目' }))
    const rows = await prisma.membershipChangeRequest.findMany({ where: { userId: member.id }, orderBy: { createdAt: 'asc' }, select: { status: true, reason: true } })
    expect(rows).toEqual([
      { status: 'WITHDRAWN', reason: '一度目' },
      { status: 'PENDING', reason: '二度目' },
    ])
  })
})

describe('who may see and decide requests', () => {
  test('anonymous visitors are sent to sign in; members, members of other hospitals and consultants get 403', async () => {
    const requester = await person('MEMBER', hospitalA.id)
    unwrap(await askForChange(requester.cookie, { hospitalId: hospitalB.id, reason: '異動' }))
    const pending = await prisma.membershipChangeRequest.findFirstOrThrow({ where: { userId: requester.id } })
    const path = `/admin/membership-requests/${pending.id}`
    expectLoginRedirect(await settle(() => requestsRoute.loader(routeArgs(makeRequest('/admin/membership-requests')))), '/admin/membership-requests')
    expectLoginRedirect(await settle(() => requestRoute.loader(routeArgs(makeRequest(path), { id: pending.id }))), path)
    expectLoginRedirect(await settle(() => requestRoute.action(routeArgs(makeRequest(path, { form: { decision: 'approve' } }), { id: pending.id }))), path)
    const others = [requester, await person('MEMBER', hospitalB.id), await person('CONSULTANT')]
    for (const other of others) {
      expectResponse(await settle(() => requestsRoute.loader(routeArgs(makeRequest('/admin/membership-requests', { cookie: other.cookie })))), 403)
      expectResponse(await settle(() => requestRoute.loader(routeArgs(makeRequest(path, { cookie: other.cookie }), { id: pending.id }))), 403)
      expectResponse(await decide(pending.id, other.cookie, { decision: 'approve' }), 403)
    }
    expect(await membership(requester.id)).toMatchObject({ hospitalId: hospitalA.id })
    expect((await prisma.membershipChangeRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe('PENDING')
    expectResponse(await settle(() => requestRoute.loader(routeArgs(makeRequest('/x', { cookie: admin.cookie }), { id: 'nope' }))), 404)
  })
})

describe('every route that trusts the member’s hospital or course follows only approved changes', () => {
  const practiceForm = {
    title: '転倒予防バンドル',
    problem: '夜間の転倒',
    whatWasDone: '5項目のバンドルを実施した。',
    steps: '1. 試行',
    resources: 'リンクナース',
    pitfalls: 'なし',
    theme: 'CARE',
    tags: '転倒',
    intent: 'publish',
  }

  test('practice adoptions: the other hospital’s record stays out of reach until the move is approved, then the old one is', async () => {
    const author = await person('MEMBER', hospitalB.id)
    const created = expectResponse(await settle(() => practiceEditRoute.action(routeArgs(multipartRequest('/practices/new', { cookie: author.cookie, fields: practiceForm })))), 302)
    const practiceId = (created.headers.get('Location') ?? '').split('/')[2]!.split('?')[0]!
    const adopt = (cookie: string, form: Record<string, string>) =>
      settle(() => practiceRoute.action(routeArgs(makeRequest(`/practices/${practiceId}`, { cookie, form: { intent: 'adopt', ...form } }), { id: practiceId })))
    const colleagueB = await person('MEMBER', hospitalB.id)
    unwrap(await adopt(colleagueB.cookie, { status: 'TRIAL' }))
    const recordB = await prisma.adoption.findFirstOrThrow({ where: { practiceId, hospitalId: hospitalB.id } })

    const mover = await person('MEMBER', hospitalA.id)
    unwrap(await adopt(mover.cookie, { status: 'CONSIDERING' }))
    const recordA = await prisma.adoption.findFirstOrThrow({ where: { practiceId, hospitalId: hospitalA.id } })
    await postProfile(mover.cookie, forged(hospitalB.id))
    expect(unwrap(await adopt(mover.cookie, { adoptionId: recordB.id, status: 'DISCONTINUED' })).status).toBe(403)
    const deleteB = () =>
      settle(() => practiceRoute.action(routeArgs(makeRequest(`/practices/${practiceId}`, { cookie: mover.cookie, form: { intent: 'delete-adoption', adoptionId: recordB.id } }), { id: practiceId })))
    expect(unwrap(await deleteB()).status).toBe(403)
    expect(await prisma.adoption.findUniqueOrThrow({ where: { id: recordB.id } })).toMatchObject({ status: 'TRIAL' })

    await approvedChange(mover, admin, { hospitalId: hospitalB.id, course: 'EQSO', cohort: '2' })
    const page = unwrap(await settle(() => practiceRoute.loader(routeArgs(makeRequest(`/practices/${practiceId}`, { cookie: mover.cookie }), { id: practiceId }))))
    const canEdit = Object.fromEntries(page.data.adoptions.items.map((item) => [item.hospital.name, item.canEdit]))
    expect(canEdit).toEqual({ [hospitalA.name]: false, [hospitalB.name]: true })
    expect(unwrap(await adopt(mover.cookie, { adoptionId: recordA.id, status: 'DISCONTINUED' })).status).toBe(403)
    expect(unwrap(await adopt(mover.cookie, { adoptionId: recordB.id, status: 'ADOPTED' })).status).toBe(200)
  })

  test('home: colleagues are those of the approved hospital only', async () => {
    const colleagueA = await person('MEMBER', hospitalA.id)
    const colleagueB = await person('MEMBER', hospitalB.id)
    const mover = await person('MEMBER', hospitalA.id)
    const colleagues = async () => {
      const home = unwrap(await settle(() => homeRoute.loader(routeArgs(makeRequest('/home', { cookie: mover.cookie })))))
      return home.data.colleagues.map((colleague) => colleague.id)
    }
    await postProfile(mover.cookie, forged(hospitalB.id))
    expect(await colleagues()).toContain(colleagueA.id)
    expect(await colleagues()).not.toContain(colleagueB.id)
    await approvedChange(mover, admin, { hospitalId: hospitalB.id, course: 'EQSO', cohort: '2' })
    expect(await colleagues()).toContain(colleagueB.id)
    expect(await colleagues()).not.toContain(colleagueA.id)
  })

  test('consultations: a request is filed under the approved hospital, never a self-set one', async () => {
    const mover = await person('MEMBER', hospitalA.id)
    const submit = async () => {
      const result = outcome(await settle(() => consultationNewRoute.action(routeArgs(makeRequest('/consultations/new', { cookie: mover.cookie, form: requestForm() })))))
      expect(result.status).toBe(302)
      return prisma.consultation.findFirstOrThrow({ where: { requesterId: mover.id }, orderBy: { createdAt: 'desc' }, select: { hospitalId: true } })
    }
    await postProfile(mover.cookie, forged(hospitalB.id))
    expect((await submit()).hospitalId).toBe(hospitalA.id)
    await approvedChange(mover, admin, { hospitalId: hospitalB.id, course: 'EQSO', cohort: '2' })
    expect((await submit()).hospitalId).toBe(hospitalB.id)
  })

  test('restricted events: a self-set course and cohort do not open a CQSO-only event; an approved one does', async () => {
    const event = await prisma.event.create({
      data: {
        kind: 'REATTENDANCE',
        title: 'CQSO 3期までの再受講',
        description: '内容',
        startsAt: new Date(Date.now() + 10 * DAY),
        endsAt: new Date(Date.now() + 10 * DAY + 3600_000),
        capacity: 10,
        courses: ['CQSO'],
        maxCohort: 3,
      },
    })
    const mover = await person('MEMBER', hospitalA.id, 'EQSO', 2)
    const register = async () =>
      unwrap(await settle(() => eventRoute.action(routeArgs(makeRequest(`/events/${event.id}`, { cookie: mover.cookie, form: { intent: 'register' } }), { id: event.id }))))
    await postProfile(mover.cookie, forged(hospitalA.id))
    expect((await register()).status).toBe(400)
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id } })).toBe(0)
    await approvedChange(mover, admin, { hospitalId: hospitalA.id, course: 'CQSO', cohort: '1' })
    expect((await register()).status).toBe(200)
    expect(await prisma.eventRegistration.count({ where: { eventId: event.id, userId: mover.id, status: 'REGISTERED' } })).toBe(1)
  })

  test('members directory: the member is listed under the approved hospital and course only', async () => {
    const mover = await person('MEMBER', hospitalA.id, 'EQSO', 2)
    const viewer = await person('MEMBER', hospitalB.id)
    const listed = async (query: string) => {
      const page = unwrap(await settle(() => membersRoute.loader(routeArgs(makeRequest(`/members?${query}`, { cookie: viewer.cookie })))))
      return page.data.members.some((member) => member.id === mover.id)
    }
    await postProfile(mover.cookie, forged(hospitalB.id))
    expect(await listed(`q=${encodeURIComponent(hospitalA.name)}`)).toBe(true)
    expect(await listed(`q=${encodeURIComponent(hospitalB.name)}`)).toBe(false)
    expect(await listed('course=CQSO&cohort=1')).toBe(false)
    await approvedChange(mover, admin, { hospitalId: hospitalB.id, course: 'CQSO', cohort: '1' })
    expect(await listed(`q=${encodeURIComponent(hospitalB.name)}`)).toBe(true)
    expect(await listed(`q=${encodeURIComponent(hospitalA.name)}`)).toBe(false)
    expect(await listed('course=CQSO&cohort=1')).toBe(true)
  })
})
