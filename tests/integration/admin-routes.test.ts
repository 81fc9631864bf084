import { beforeAll, describe, expect, test } from 'vitest'
import type { Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { findUsableInvite } from '#app/modules/auth/invites.server.ts'
import { signIn } from '#app/modules/auth/sign-in.server.ts'
import { hashToken } from '#app/modules/auth/tokens.server.ts'
import * as auditCsvRoute from '#app/routes/admin/audit.csv.ts'
import * as auditRoute from '#app/routes/admin/audit.tsx'
import * as hospitalEditRoute from '#app/routes/admin/hospital-edit.tsx'
import * as hospitalsRoute from '#app/routes/admin/hospitals.tsx'
import * as indexRoute from '#app/routes/admin/index.tsx'
import * as invitesRoute from '#app/routes/admin/invites.tsx'
import * as layoutRoute from '#app/routes/admin/layout.tsx'
import * as memberDetailRoute from '#app/routes/admin/member-detail.tsx'
import * as membersRoute from '#app/routes/admin/members.tsx'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle, TEST_PASSWORD } from '#tests/fixtures/auth.ts'
import { mailsTo, sentMailFiles } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, type RouteHandler, unwrap } from '#tests/fixtures/routes.ts'

// Route-level tests: the loaders and actions of /admin/* called as Remix calls them, against a fresh database.

type Handler = RouteHandler
type Form = Record<string, string>

const args = routeArgs

/** Everything an admin action could change, to prove a refused request changed nothing. */
async function snapshot() {
  const [users, invites, hospitals, auditEvents, sessions, mails] = await Promise.all([
    prisma.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, role: true, status: true, updatedAt: true } }),
    prisma.invite.findMany({ orderBy: { id: 'asc' }, select: { id: true, email: true, acceptedAt: true, revokedAt: true } }),
    prisma.hospital.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEvent.count(),
    prisma.session.findMany({ orderBy: { id: 'asc' }, select: { id: true } }),
    sentMailFiles(),
  ])
  return { users, invites, hospitals, auditEvents, sessions, mails: mails.length }
}

type Fixtures = {
  admin: { id: string; email: string }
  hospital: { id: string; name: string }
  target: { id: string; email: string }
  deactivated: { id: string }
  pendingInviteId: string
  cookies: Record<Role, string>
}
let fx: Fixtures

async function userWithCookie(role: Role) {
  const user = await createUser({ role })
  return { user, cookie: await sessionCookieFor(user.id) }
}

beforeAll(async () => {
  const hospital = await createHospital({ name: '既存テスト病院' })
  const [admin, member, consultant] = await Promise.all([userWithCookie('ADMIN'), userWithCookie('MEMBER'), userWithCookie('CONSULTANT')])
  const target = await createUser({ hospitalId: hospital.id })
  const deactivated = await createUser({ status: 'DEACTIVATED' })
  const invite = await prisma.invite.create({
    data: {
      email: 'pending@test.example',
      role: 'MEMBER',
      tokenHash: hashToken('fixture-token'),
      invitedById: admin.user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  })
  fx = {
    admin: admin.user,
    hospital,
    target,
    deactivated,
    pendingInviteId: invite.id,
    cookies: { ADMIN: admin.cookie, MEMBER: member.cookie, CONSULTANT: consultant.cookie },
  }
})

type LoaderCase = { name: string; path: () => string; params?: () => Record<string, string>; handler: Handler; expectKeys: string[] | null }

const loaderCases: LoaderCase[] = [
  { name: 'layout', path: () => '/admin', handler: layoutRoute.loader, expectKeys: null },
  { name: 'overview', path: () => '/admin', handler: indexRoute.loader, expectKeys: ['overview'] },
  { name: 'invites', path: () => '/admin/invites', handler: invitesRoute.loader, expectKeys: ['invites', 'hospitals'] },
  { name: 'members', path: () => '/admin/members?q=%E3%83%86%E3%82%B9%E3%83%88', handler: membersRoute.loader, expectKeys: ['q', 'members', 'confirming', 'currentUserId'] },
  { name: 'hospitals', path: () => '/admin/hospitals', handler: hospitalsRoute.loader, expectKeys: ['hospitals'] },
  { name: 'hospital new', path: () => '/admin/hospitals/new', handler: hospitalEditRoute.loader, expectKeys: ['hospital'] },
  {
    name: 'hospital edit',
    path: () => `/admin/hospitals/${fx.hospital.id}`,
    params: () => ({ id: fx.hospital.id }),
    handler: hospitalEditRoute.loader,
    expectKeys: ['hospital'],
  },
  { name: 'audit', path: () => '/admin/audit?action=auth.sign-in&page=1', handler: auditRoute.loader, expectKeys: ['filters', 'events', 'total', 'pageCount'] },
  {
    name: 'member detail',
    path: () => `/admin/members/${fx.target.id}`,
    params: () => ({ id: fx.target.id }),
    handler: memberDetailRoute.loader,
    expectKeys: ['member', 'events'],
  },
]

type ActionCase = { name: string; path: () => string; params?: () => Record<string, string>; handler: Handler; form: () => Form }

const actionCases: ActionCase[] = [
  {
    name: 'invite create',
    path: () => '/admin/invites',
    handler: invitesRoute.action,
    form: () => ({ intent: 'create', email: 'intruder-invite@test.example', role: 'ADMIN' }),
  },
  { name: 'invite revoke', path: () => '/admin/invites', handler: invitesRoute.action, form: () => ({ intent: 'revoke', inviteId: fx.pendingInviteId }) },
  { name: 'member role', path: () => '/admin/members', handler: membersRoute.action, form: () => ({ intent: 'role', userId: fx.target.id, role: 'ADMIN' }) },
  { name: 'member deactivate', path: () => '/admin/members', handler: membersRoute.action, form: () => ({ intent: 'deactivate', userId: fx.target.id }) },
  { name: 'member reactivate', path: () => '/admin/members', handler: membersRoute.action, form: () => ({ intent: 'reactivate', userId: fx.deactivated.id }) },
  {
    name: 'hospital create',
    path: () => '/admin/hospitals/new',
    handler: hospitalEditRoute.action,
    form: () => ({ name: '侵入者病院', prefecture: '愛知県', beds: '10', type: 'GENERAL' }),
  },
  {
    name: 'hospital update',
    path: () => `/admin/hospitals/${fx.hospital.id}`,
    params: () => ({ id: fx.hospital.id }),
    handler: hospitalEditRoute.action,
    form: () => ({ name: '書き換えられた病院', prefecture: '東京都', beds: '1', type: 'CLINIC' }),
  },
  {
    name: 'member e-mail change',
    path: () => `/admin/members/${fx.target.id}`,
    params: () => ({ id: fx.target.id }),
    handler: memberDetailRoute.action,
    form: () => ({ email: 'hijacked@test.example' }),
  },
]

describe('every admin loader', () => {
  test.each(loaderCases)('$name: an anonymous visitor is sent to /login and back', async ({ path: pathOf, params, handler }) => {
    expectLoginRedirect(await settle(() => handler(args(makeRequest(pathOf()), params?.()))), pathOf())
  })

  test.each(loaderCases.flatMap((c) => (['MEMBER', 'CONSULTANT'] as const).map((role) => ({ ...c, role }))))(
    '$name: a $role gets 403',
    async ({ path: pathOf, params, handler, role }) => {
      expectResponse(await settle(() => handler(args(makeRequest(pathOf(), { cookie: fx.cookies[role] }), params?.()))), 403)
    },
  )

  test.each(loaderCases)('$name: an ADMIN gets the page data', async ({ path: pathOf, params, handler, expectKeys }) => {
    const { status, data } = unwrap(await settle(() => handler(args(makeRequest(pathOf(), { cookie: fx.cookies.ADMIN }), params?.()))))
    expect(status).toBe(200)
    if (expectKeys === null) expect(data).toBeNull()
    else expect(Object.keys(data as object)).toEqual(expect.arrayContaining(expectKeys))
  })
})

describe('every admin action', () => {
  test.each(actionCases)('$name: an anonymous POST is sent to /login and changes nothing', async ({ path: pathOf, params, handler, form }) => {
    const before = await snapshot()
    expectLoginRedirect(await settle(() => handler(args(makeRequest(pathOf(), { form: form() }), params?.()))), pathOf())
    expect(await snapshot()).toEqual(before)
  })

  test.each(actionCases.flatMap((c) => (['MEMBER', 'CONSULTANT'] as const).map((role) => ({ ...c, role }))))(
    '$name: a $role gets 403 and nothing changes in the database',
    async ({ path: pathOf, params, handler, form, role }) => {
      const before = await snapshot()
      expectResponse(await settle(() => handler(args(makeRequest(pathOf(), { cookie: fx.cookies[role], form: form() }), params?.()))), 403)
      expect(await snapshot()).toEqual(before)
    },
  )
})

const asAdmin = (pathname: string, form?: Form) => makeRequest(pathname, { cookie: fx.cookies.ADMIN, form })

describe('invites', () => {
  test('an admin invites someone: a mail with a /join/ link goes out and only its hash is stored', async () => {
    const email = 'new.member@test.example'
    const { status, data } = unwrap(
      await invitesRoute.action(
        args(asAdmin('/admin/invites', { intent: 'create', email: ' New.Member@Test.example ', role: 'CONSULTANT', hospitalId: fx.hospital.id })),
      ),
    )
    expect(status).toBe(200)
    expect(data.notice?.tone).toBe('success')
    expect(data.notice?.message).toContain('招待メールを送信しました')
    expect(data.notice?.message).toContain(email)

    const mails = await mailsTo(email)
    expect(mails).toHaveLength(1)
    const token = /http:\/\/localhost:3000\/join\/([a-z0-9]+)/.exec(mails[0]?.text ?? '')?.[1]
    expect(token).toBeTruthy()
    if (!token) return

    const invite = await prisma.invite.findFirstOrThrow({ where: { email } })
    expect(invite).toMatchObject({ role: 'CONSULTANT', hospitalId: fx.hospital.id, invitedById: fx.admin.id })
    expect(invite.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(invite)).not.toContain(token)
    expect(await prisma.auditEvent.count({ where: { action: 'invite.created', targetId: invite.id, actorId: fx.admin.id } })).toBe(1)
    const events = await prisma.auditEvent.findMany({ select: { details: true, targetId: true } })
    expect(JSON.stringify(events)).not.toContain(token)

    // The page lists it as pending, without the token or its hash.
    const page = unwrap(await invitesRoute.loader(args(asAdmin('/admin/invites')))).data
    const listed = page.invites.find((row) => row.id === invite.id)
    expect(listed?.status).toBe('pending')
    expect(listed?.hospital?.name).toBe(fx.hospital.name)
    const pageJson = JSON.stringify(page)
    expect(pageJson).not.toContain(invite.tokenHash)
    expect(pageJson).not.toContain(token)
    expect(pageJson).not.toContain('tokenHash')
  })

  test('an admin revokes a pending invite: its link stops working; a second revoke says so', async () => {
    await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'create', email: 'revoke.me@test.example', role: 'MEMBER' })))
    const token = /\/join\/([a-z0-9]+)/.exec((await mailsTo('revoke.me@test.example'))[0]?.text ?? '')?.[1] ?? ''
    expect(await findUsableInvite(token)).not.toBeNull()
    const invite = await prisma.invite.findFirstOrThrow({ where: { email: 'revoke.me@test.example' } })

    const first = unwrap(await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'revoke', inviteId: invite.id }))))
    expect(first.data.notice?.tone).toBe('success')
    expect(await findUsableInvite(token)).toBeNull()
    expect((await prisma.invite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).not.toBeNull()
    expect(await prisma.auditEvent.count({ where: { action: 'invite.revoked', targetId: invite.id } })).toBe(1)
    const page = unwrap(await invitesRoute.loader(args(asAdmin('/admin/invites')))).data
    expect(page.invites.find((row) => row.id === invite.id)?.status).toBe('revoked')

    const second = unwrap(await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'revoke', inviteId: invite.id }))))
    expect(second.data.notice?.tone).toBe('danger')
    expect(await prisma.auditEvent.count({ where: { action: 'invite.revoked', targetId: invite.id } })).toBe(1)
  })

  test('inviting an existing member is an error on the email field, with the input kept', async () => {
    const before = await snapshot()
    const { status, data } = unwrap(
      await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'create', email: fx.target.email, role: 'MEMBER' }))),
    )
    expect(status).toBe(400)
    expect(data.result?.error?.email?.[0]).toContain('既に登録されています')
    expect(data.result?.initialValue?.email).toBe(fx.target.email)
    expect(await snapshot()).toEqual(before)
  })

  test('an unknown hospital is an error on the hospitalId field; a malformed address on the email field', async () => {
    const unknownHospital = unwrap(
      await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'create', email: 'x@test.example', role: 'MEMBER', hospitalId: 'nope' }))),
    )
    expect(unknownHospital.status).toBe(400)
    expect(unknownHospital.data.result?.error?.hospitalId?.[0]).toContain('病院が見つかりません')

    const malformed = unwrap(await invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'create', email: 'not-an-address', role: 'MEMBER' }))))
    expect(malformed.status).toBe(400)
    expect(malformed.data.result?.error?.email?.[0]).toContain('メールアドレスの形式')
    expect(await prisma.invite.count({ where: { email: { in: ['x@test.example', 'not-an-address'] } } })).toBe(0)
  })

  test('an unknown intent is a 400', async () => {
    expectResponse(await settle(() => invitesRoute.action(args(asAdmin('/admin/invites', { intent: 'explode' })))), 400)
  })
})

describe('members', () => {
  test('an admin changes a member’s role; the audit log records from and to', async () => {
    const member = await createUser()
    const { status, data } = unwrap(await membersRoute.action(args(asAdmin('/admin/members', { intent: 'role', userId: member.id, role: 'CONSULTANT' }))))
    expect(status).toBe(200)
    expect(data.notice.tone).toBe('success')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('CONSULTANT')
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'member.role-changed', targetId: member.id } })
    expect(event).toMatchObject({ actorId: fx.admin.id, targetType: 'user', details: { from: 'MEMBER', to: 'CONSULTANT' } })
  })

  test('an admin cannot change their own role: a message, not a crash, and nothing changes', async () => {
    const before = await snapshot()
    const { status, data } = unwrap(await membersRoute.action(args(asAdmin('/admin/members', { intent: 'role', userId: fx.admin.id, role: 'MEMBER' }))))
    expect(status).toBe(400)
    expect(data.notice).toEqual({ tone: 'danger', message: expect.stringContaining('自分自身の権限は変更できません') })
    expect(await snapshot()).toEqual(before)
  })

  test('deactivation is asked first (?confirm=), then ends the member’s sessions and blocks sign-in; reactivation restores it', async () => {
    const member = await createUser()
    const cookie = await sessionCookieFor(member.id)

    const asking = unwrap(await membersRoute.loader(args(asAdmin(`/admin/members?confirm=${member.id}`)))).data
    expect(asking.confirming?.id).toBe(member.id)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('ACTIVE')

    const { data } = unwrap(await membersRoute.action(args(asAdmin('/admin/members', { intent: 'deactivate', userId: member.id }))))
    expect(data.notice.tone).toBe('success')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('DEACTIVATED')
    expect(await prisma.session.count({ where: { userId: member.id } })).toBe(0)
    expect(await signIn({ email: member.email, password: TEST_PASSWORD, request: makeRequest('/login') })).toEqual({ status: 'deactivated' })
    // The old cookie no longer opens anything.
    expectLoginRedirect(await settle(() => indexRoute.loader(args(makeRequest('/admin', { cookie })))), '/admin')
    expect(await prisma.auditEvent.count({ where: { action: 'member.deactivated', targetId: member.id, actorId: fx.admin.id } })).toBe(1)
    // Once deactivated, ?confirm= no longer asks.
    expect(unwrap(await membersRoute.loader(args(asAdmin(`/admin/members?confirm=${member.id}`)))).data.confirming).toBeNull()

    await membersRoute.action(args(asAdmin('/admin/members', { intent: 'reactivate', userId: member.id })))
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).status).toBe('ACTIVE')
    expect((await signIn({ email: member.email, password: TEST_PASSWORD, request: makeRequest('/login') })).status).toBe('signed-in')
  })

  test('an admin cannot deactivate themself; malformed input is a 400 message', async () => {
    const self = unwrap(await membersRoute.action(args(asAdmin('/admin/members', { intent: 'deactivate', userId: fx.admin.id }))))
    expect(self.status).toBe(400)
    expect(self.data.notice.message).toContain('自分自身のアカウントは停止できません')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: fx.admin.id } })).status).toBe('ACTIVE')

    const malformed = unwrap(await membersRoute.action(args(asAdmin('/admin/members', { intent: 'role', userId: fx.target.id, role: 'ROOT' }))))
    expect(malformed.status).toBe(400)
    expect(malformed.data.notice.tone).toBe('danger')
  })

  test('the search finds members by name or e-mail and returns no password hashes', async () => {
    const member = await createUser({ name: '検索 対象者' })
    const page = unwrap(await membersRoute.loader(args(asAdmin(`/admin/members?q=${encodeURIComponent('検索')}`)))).data
    expect(page.members.map((row) => row.id)).toEqual([member.id])
    expect(JSON.stringify(page)).not.toContain('passwordHash')
    const byEmail = unwrap(await membersRoute.loader(args(asAdmin(`/admin/members?q=${encodeURIComponent(member.email)}`)))).data
    expect(byEmail.members.map((row) => row.id)).toEqual([member.id])
  })
})

describe('hospitals', () => {
  const form = (name: string): Form => ({ name, prefecture: '岐阜県', beds: '120', type: 'REGIONAL_SUPPORT' })

  test('an admin registers a hospital and is sent back to the list', async () => {
    const response = expectResponse(await settle(() => hospitalEditRoute.action(args(asAdmin('/admin/hospitals/new', form('新規テスト病院'))))), 302)
    expect(response.headers.get('Location')).toBe('/admin/hospitals')
    const hospital = await prisma.hospital.findUniqueOrThrow({ where: { name: '新規テスト病院' } })
    expect(hospital).toMatchObject({ prefecture: '岐阜県', beds: 120, type: 'REGIONAL_SUPPORT' })
    expect(await prisma.auditEvent.count({ where: { action: 'hospital.created', targetId: hospital.id } })).toBe(1)
    const list = unwrap(await hospitalsRoute.loader(args(asAdmin('/admin/hospitals')))).data
    expect(list.hospitals.map((row) => row.name)).toContain('新規テスト病院')
  })

  test('a duplicate name is an error on the name field and the typed values stay', async () => {
    const before = await snapshot()
    const { status, data } = unwrap(await hospitalEditRoute.action(args(asAdmin('/admin/hospitals/new', form(fx.hospital.name)))))
    expect(status).toBe(400)
    expect(data.result.error?.name?.[0]).toContain('同じ名前の病院が既に登録されています')
    expect(data.result.initialValue).toMatchObject({ name: fx.hospital.name, prefecture: '岐阜県', beds: '120', type: 'REGIONAL_SUPPORT' })
    expect(await snapshot()).toEqual(before)
  })

  test('an admin edits a hospital; an unknown id is a 404 for the page and the form', async () => {
    const hospital = await createHospital()
    const page = unwrap(await hospitalEditRoute.loader(args(asAdmin(`/admin/hospitals/${hospital.id}`), { id: hospital.id }))).data
    expect(page.hospital).toMatchObject({ id: hospital.id, name: hospital.name })
    const saved = await settle(() => hospitalEditRoute.action(args(asAdmin(`/admin/hospitals/${hospital.id}`, form('改名テスト病院')), { id: hospital.id })))
    expect(expectResponse(saved, 302).headers.get('Location')).toBe('/admin/hospitals')
    expect((await prisma.hospital.findUniqueOrThrow({ where: { id: hospital.id } })).name).toBe('改名テスト病院')

    expectResponse(await settle(() => hospitalEditRoute.loader(args(asAdmin('/admin/hospitals/missing'), { id: 'missing' }))), 404)
    const before = await snapshot()
    expectResponse(await settle(() => hospitalEditRoute.action(args(asAdmin('/admin/hospitals/missing', form('幽霊病院')), { id: 'missing' }))), 404)
    expect(await snapshot()).toEqual(before)
  })
})

describe('overview and audit log', () => {
  test('the overview counts members, invites, hospitals and recent sign-in failures', async () => {
    await signIn({ email: 'nobody@test.example', password: 'wrong', request: makeRequest('/login', { ip: '203.0.113.5' }) })
    const { overview } = unwrap(await indexRoute.loader(args(asAdmin('/admin')))).data
    expect(overview).toEqual({
      activeMembers: await prisma.user.count({ where: { status: 'ACTIVE' } }),
      deactivatedMembers: await prisma.user.count({ where: { status: 'DEACTIVATED' } }),
      pendingInvites: await prisma.invite.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
      hospitals: await prisma.hospital.count(),
      failedSignIns: await prisma.auditEvent.count({ where: { action: 'auth.sign-in-failed' } }),
    })
    expect(overview.failedSignIns).toBeGreaterThanOrEqual(1)
    expect(overview.deactivatedMembers).toBeGreaterThanOrEqual(1)
  })

  test('the audit log filters by action, tells each event in words (no ids, no JSON, a browser summary) and falls back on bad parameters', async () => {
    await signIn({ email: 'ghost@test.example', password: 'wrong', request: makeRequest('/login', { ip: '198.51.100.23' }) })
    const filtered = unwrap(await auditRoute.loader(args(asAdmin('/admin/audit?action=auth.sign-in-failed')))).data
    expect(filtered.filters).toEqual({ action: 'auth.sign-in-failed', page: 1 })
    expect(filtered.events.length).toBeGreaterThanOrEqual(1)
    expect(filtered.events.every((event) => event.action === 'auth.sign-in-failed' && event.label === 'ログイン失敗')).toBe(true)
    const ghost = filtered.events.find((event) => event.sentence.includes('ghost@test.example'))
    expect(ghost).toMatchObject({
      sentence: '未ログインの利用者 が ログイン失敗（メールアドレス ghost@test.example）',
      ipAddress: '198.51.100.23',
      actor: null,
      details: '理由：登録のないメールアドレス',
    })
    // The summary of a browser string is unit-tested in app/modules/audit/describe.test.ts; this request sent none.
    expect(ghost?.browser).toBeNull()

    const fallback = unwrap(await auditRoute.loader(args(asAdmin('/admin/audit?action=drop-table&page=-3&from=2026-02-30&actor=')))).data
    expect(fallback.filters).toEqual({ action: undefined, page: 1 })
    expect(fallback.total).toBe(await prisma.auditEvent.count())
  })

  test('the audit log names the actor and the target, and filters by date range (Japan days, inclusive) and actor', async () => {
    const actor = await createUser({ role: 'ADMIN', name: '監査 確認子' })
    const target = await createUser({ name: '対象 会員子' })
    const at = (iso: string) => new Date(iso)
    await prisma.auditEvent.createMany({
      data: [
        { action: 'member.role-changed', actorId: actor.id, targetType: 'user', targetId: target.id, createdAt: at('2030-04-01T00:30:00+09:00'), details: { from: 'MEMBER', to: 'CONSULTANT' } },
        { action: 'member.deactivated', actorId: actor.id, targetType: 'user', targetId: target.id, createdAt: at('2030-04-02T23:59:00+09:00') },
        { action: 'member.reactivated', actorId: actor.id, targetType: 'user', targetId: target.id, createdAt: at('2030-04-03T00:00:00+09:00') },
      ],
    })
    const range = unwrap(await auditRoute.loader(args(asAdmin('/admin/audit?from=2030-04-01&to=2030-04-02&actor=確認子')))).data
    expect(range.events.map((event) => event.sentence)).toEqual(['監査 確認子 が アカウントの停止（会員 対象 会員子）', '監査 確認子 が 権限の変更（会員 対象 会員子）'])
    expect(range.events[1]).toMatchObject({ details: '変更前：会員、変更後：コンサルタント', targetLink: `/admin/members/${target.id}` })
    expect(JSON.stringify(range.events)).not.toContain('{"from"')
    const nobody = unwrap(await auditRoute.loader(args(asAdmin('/admin/audit?from=2030-04-01&to=2030-04-03&actor=存在しない人')))).data
    expect(nobody.total).toBe(0)
  })

  test('the audit CSV: UTF-8 with BOM for Excel, the page\'s words, only the filtered rows; audited; members and consultants get 403', async () => {
    expectLoginRedirect(await settle(() => auditCsvRoute.loader(args(makeRequest('/admin/audit.csv')))), '/admin/audit.csv')
    for (const role of ['MEMBER', 'CONSULTANT'] as const) {
      expectResponse(await settle(() => auditCsvRoute.loader(args(makeRequest('/admin/audit.csv', { cookie: fx.cookies[role] })))), 403)
    }
    const actor = await createUser({ role: 'ADMIN', name: '書出 確認子' })
    await prisma.auditEvent.create({ data: { action: 'hospital.updated', actorId: actor.id, createdAt: new Date('2031-01-15T10:00:00+09:00'), userAgent: 'curl/8.5.0' } })
    const before = await prisma.auditEvent.count({ where: { action: 'audit.exported' } })
    const response = expectResponse(await settle(() => auditCsvRoute.loader(args(asAdmin('/admin/audit.csv?from=2031-01-15&to=2031-01-15')))), 200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('日時,できごと,操作の種類,実行者,実行者のメールアドレス,詳細,ブラウザ,IPアドレス')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe(`2031年1月15日(水) 10:00,書出 確認子 が 病院情報の更新,病院情報の更新,書出 確認子,${actor.email},,curl,`)
    expect(await prisma.auditEvent.count({ where: { action: 'audit.exported' } })).toBe(before + 1)
  })
})

describe('admin: the member list order', () => {
  test('active members first, then by hospital name, then by name; members without a hospital last', async () => {
    const [first, second] = [await createHospital({ name: '並び順テスト 一病院' }), await createHospital({ name: '並び順テスト 二病院' })]
    await createUser({ name: '並び順 乙', hospitalId: first.id })
    await createUser({ name: '並び順 甲', hospitalId: second.id })
    await createUser({ name: '並び順 丙', hospitalId: first.id })
    await createUser({ name: '並び順 丁' })
    await createUser({ name: '並び順 戊', hospitalId: first.id, status: 'DEACTIVATED' })
    const { members } = unwrap(await membersRoute.loader(args(asAdmin(`/admin/members?q=${encodeURIComponent('並び順')}`)))).data
    expect(members.map((member) => member.name)).toEqual(['並び順 丙', '並び順 乙', '並び順 甲', '並び順 丁', '並び順 戊'])
  })
})

describe('admin: a member\'s e-mail address', () => {
  const change = async (userId: string, email: string) =>
    settle(() =>
      memberDetailRoute.action(args(makeRequest(`/admin/members/${userId}`, { cookie: fx.cookies.ADMIN, form: { email } }), { id: userId })),
    )

  test('is changed on request, recorded with old and new, and the old address is told', async () => {
    const member = await createUser()
    const oldEmail = member.email
    await change(member.id, '  New.Address@Test.example ')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe('new.address@test.example')
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'member.email-changed', targetId: member.id } })
    expect(event.details).toEqual({ from: oldEmail, to: 'new.address@test.example' })
    expect((await mailsTo(oldEmail)).map((mail) => mail.subject)).toContain('【QSO Hub】メールアドレスが変更されました')
    expect((await signIn({ email: 'new.address@test.example', password: TEST_PASSWORD, request: makeRequest('/login') })).status).toBe('signed-in')
  })

  test('cannot take another member\'s address: a field error, nothing changes', async () => {
    const member = await createUser()
    const other = await createUser()
    const result = await change(member.id, other.email)
    expect(JSON.stringify(result)).toContain('このメールアドレスは別の会員が使っています')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).email).toBe(member.email)
  })

  test('an unknown member is a 404', async () => {
    expectResponse(await change('nobody', 'x@test.example'), 404)
  })
})
