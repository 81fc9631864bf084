import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { weakPasswordMessage } from '#app/modules/auth/password-strength.server.ts'
import { requestPasswordReset } from '#app/modules/auth/passwords.server.ts'
import { createInvite } from '#app/modules/auth/invites.server.ts'
import * as membersRoute from '#app/routes/admin/members.tsx'
import * as participantsCsvRoute from '#app/routes/admin/events/participants.csv.ts'
import * as exportRoute from '#app/routes/benchmarks/export-csv.ts'
import * as caseExportRoute from '#app/routes/cases/export.ts'
import * as joinRoute from '#app/routes/join.tsx'
import * as reauthRoute from '#app/routes/reauth.tsx'
import * as resetRoute from '#app/routes/reset-password.tsx'
import * as passwordRoute from '#app/routes/settings-password.tsx'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle, TEST_PASSWORD, testTotpCode } from '#tests/fixtures/auth.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

const args = routeArgs
const ELEVEN_MINUTES_AGO = () => new Date(Date.now() - 11 * 60 * 1000)

/** A session that signed in more than REAUTH_WINDOW_MINUTES (10) ago. */
async function staleCookie(userId: string) {
  const cookie = await sessionCookieFor(userId)
  await prisma.session.updateMany({ where: { userId }, data: { authenticatedAt: ELEVEN_MINUTES_AGO() } })
  return cookie
}

function expectReauthRedirect(result: unknown, target: string) {
  const response = expectResponse(result, 302)
  expect(response.headers.get('Location')).toBe(`/reauth?${new URLSearchParams({ redirectTo: target })}`)
}

describe('re-authentication before exports', () => {
  test('benchmark export.csv: a stale session goes to /reauth and back; a fresh one downloads', async () => {
    const hospital = await createHospital()
    const member = await createUser({ hospitalId: hospital.id })
    const cookie = await staleCookie(member.id)
    expectReauthRedirect(await settle(() => exportRoute.loader(args(makeRequest('/benchmarks/export.csv', { cookie })))), '/benchmarks/export.csv')

    // Wrong password: stays on /reauth with a field message. Right password: back to the export.
    const wrong = unwrap(await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'password', password: 'nope', redirectTo: '/benchmarks/export.csv' } })))))
    expect(wrong.status).toBe(401)
    const back = expectResponse(
      await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'password', password: TEST_PASSWORD, redirectTo: '/benchmarks/export.csv' } })))),
      302,
    )
    expect(back.headers.get('Location')).toBe('/benchmarks/export.csv')
    const csv = expectResponse(await settle(() => exportRoute.loader(args(makeRequest('/benchmarks/export.csv', { cookie })))), 200)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
  })

  test('the case list export (CSV and .xlsx) asks a stale session to re-authenticate, keeping the filters', async () => {
    const member = await createUser({ hospitalId: (await createHospital()).id })
    const cookie = await staleCookie(member.id)
    for (const path of ['/cases/export.csv?category=drug', '/cases/export.xlsx']) {
      expectReauthRedirect(await settle(() => caseExportRoute.loader(args(makeRequest(path, { cookie })))), path)
    }
    expectResponse(await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'password', password: TEST_PASSWORD, redirectTo: '/cases/export.csv' } })))), 302)
    const csv = expectResponse(await settle(() => caseExportRoute.loader(args(makeRequest('/cases/export.csv', { cookie })))), 200)
    expect(csv.headers.get('Content-Type')).toContain('text/csv')
  })

  test('the participants CSV asks an admin to re-authenticate; a TOTP code does it; members stay refused', async () => {
    const event = await prisma.event.create({
      data: { kind: 'FOLLOW_UP', title: '研修', description: 'x', startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), venue: '会場', capacity: 5 },
    })
    const path = `/admin/events/${event.id}/participants.csv`
    const admin = await createUser({ role: 'ADMIN' })
    const cookie = await staleCookie(admin.id)
    expectReauthRedirect(await settle(() => participantsCsvRoute.loader(args(makeRequest(path, { cookie }), { id: event.id }))), path)
    expect(await prisma.auditEvent.count({ where: { action: 'event.participants-exported' } })).toBe(0)
    expectResponse(await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'totp', code: testTotpCode(), redirectTo: path } })))), 302)
    expectResponse(await settle(() => participantsCsvRoute.loader(args(makeRequest(path, { cookie }), { id: event.id }))), 200)

    for (const role of ['MEMBER', 'CONSULTANT'] as const) {
      const other = await createUser({ role })
      const otherCookie = await staleCookie(other.id)
      expectResponse(await settle(() => participantsCsvRoute.loader(args(makeRequest(path, { cookie: otherCookie }), { id: event.id }))), 403)
    }
    expectLoginRedirect(await settle(() => participantsCsvRoute.loader(args(makeRequest(path), { id: event.id }))), path)
  })

  test('/reauth sends only to paths on this site', async () => {
    const member = await createUser()
    const cookie = await staleCookie(member.id)
    const response = expectResponse(
      await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'password', password: TEST_PASSWORD, redirectTo: '//evil.example/x' } })))),
      302,
    )
    expect(response.headers.get('Location')).toBe('/home')
    expectLoginRedirect(await settle(() => reauthRoute.loader(args(makeRequest('/reauth')))), '/reauth')
  })
})

describe('re-authentication before role changes', () => {
  test('a stale admin session is sent to /reauth and the role stays; after re-authenticating the change goes through', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const member = await createUser()
    const cookie = await staleCookie(admin.id)
    const form = { intent: 'role', userId: member.id, role: 'ADMIN' }
    expectReauthRedirect(await settle(() => membersRoute.action(args(makeRequest('/admin/members', { cookie, form })))), '/admin/members')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MEMBER')

    await settle(() => reauthRoute.action(args(makeRequest('/reauth', { cookie, form: { intent: 'password', password: TEST_PASSWORD, redirectTo: '/admin/members' } }))))
    expect(unwrap(await settle(() => membersRoute.action(args(makeRequest('/admin/members', { cookie, form }))))).status).toBe(200)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('ADMIN')
  })

  test('deactivating does not ask again (only role changes and exports do)', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const member = await createUser()
    const cookie = await staleCookie(admin.id)
    expect(unwrap(await settle(() => membersRoute.action(args(makeRequest('/admin/members', { cookie, form: { intent: 'deactivate', userId: member.id } }))))).status).toBe(200)
  })
})

describe('common passwords', () => {
  test.each(['password1234', 'iloveyou2024', 'qwertyuiop12', 'sakura123456'])('%s is refused', async (password) => {
    expect(await weakPasswordMessage(password)).toMatch(/パスワード/)
  })

  test.each(['correct horse battery staple', 'a brand new password', 'e2e-invite-password-1'])('%s is accepted', async (password) => {
    expect(await weakPasswordMessage(password)).toBeNull()
  })

  test('a password made of the member’s own name and address is refused', async () => {
    expect(await weakPasswordMessage('hanakoanzen', ['hanako.anzen@qso.example', '安全 花子'])).not.toBeNull()
    expect(await weakPasswordMessage('hanakoanzen')).toBeNull()
  })

  test('change, reset and join refuse a common password with a message beside the field, and change nothing', async () => {
    const user = await createUser()
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash
    const cookie = await sessionCookieFor(user.id)
    const changed = unwrap(
      await settle(() => passwordRoute.action(args(makeRequest('/settings/password', { cookie, form: { currentPassword: TEST_PASSWORD, password: 'password1234', confirmPassword: 'password1234' } })))),
    )
    expect(changed.status).toBe(400)
    expect(changed.data.result.error?.password?.[0]).toContain('よく使われているパスワード')

    await requestPasswordReset(user.email, makeRequest('/forgot-password'))
    const [mail] = await mailsTo(user.email)
    const token = mail?.text.match(/\/reset-password\/([a-z0-9]+)/)?.[1] ?? ''
    const reset = unwrap(await settle(() => resetRoute.action(args(makeRequest(`/reset-password/${token}`, { form: { password: 'password1234', confirmPassword: 'password1234' } }), { token }))))
    expect(reset.status).toBe(400)
    expect(reset.data.result.error?.password?.[0]).toContain('よく使われているパスワード')
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before)

    const admin = await createUser({ role: 'ADMIN' })
    await createInvite({ email: 'weak-join@test.example', role: 'MEMBER', invitedBy: { ...admin, hospitalId: null }, request: makeRequest('/admin/invites') })
    const [invite] = await mailsTo('weak-join@test.example')
    const inviteToken = invite?.text.match(/\/join\/([a-z0-9]+)/)?.[1] ?? ''
    const join = unwrap(
      await settle(() =>
        joinRoute.action(
          args(makeRequest(`/join/${inviteToken}`, { form: { name: '新規 会員', profession: 'NURSE', password: 'sakura123456', confirmPassword: 'sakura123456' } }), { token: inviteToken }),
        ),
      ),
    )
    expect(join.status).toBe(400)
    expect(await prisma.user.count({ where: { email: 'weak-join@test.example' } })).toBe(0)
  })
})
