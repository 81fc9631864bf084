import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle, TEST_PASSWORD } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, routeArgs, type RouteHandler } from '#tests/fixtures/routes.ts'
import * as casesRoute from '#app/routes/cases/index.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as logoutRoute from '#app/routes/logout.tsx'
import * as profileRoute from '#app/routes/member-profile.tsx'
import * as membersRoute from '#app/routes/members.tsx'
import * as passwordRoute from '#app/routes/settings-password.tsx'
import * as settingsRoute from '#app/routes/settings-profile.tsx'

const args = routeArgs

describe('anonymous visitors are sent to /login and back', () => {
  test.each<[string, RouteHandler]>([
    ['/home', homeRoute.loader],
    ['/members?course=CQSO', membersRoute.loader],
    ['/members/someone', profileRoute.loader],
    ['/settings/profile', settingsRoute.loader],
    ['/settings/password', passwordRoute.loader],
    ['/cases', casesRoute.loader],
  ])('GET %s', async (path, loader) => {
    expectLoginRedirect(await settle(() => loader(args(makeRequest(path), { id: 'someone' }))), path)
  })

  test.each<[string, RouteHandler]>([
    ['/settings/profile', settingsRoute.action],
    ['/settings/password', passwordRoute.action],
  ])('POST %s', async (path, action) => {
    expectLoginRedirect(await settle(() => action(args(makeRequest(path, { form: { name: 'x' } })))), path)
  })
})

describe('login', () => {
  test('signs in, sets an HttpOnly Secure SameSite=Lax cookie and follows a local redirectTo', async () => {
    const user = await createUser()
    const result = await settle(() =>
      loginRoute.action(args(makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/members' } }))),
    )
    const response = result as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/members')
    const cookie = response.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^qso_session=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })

  test('never redirects to another site', async () => {
    const user = await createUser()
    const result = (await settle(() =>
      loginRoute.action(args(makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '//evil.example/x' } }))),
    )) as Response
    expect(result.headers.get('Location')).toBe('/home')
  })

  test('a wrong password gives one generic message and does not echo the password', async () => {
    const user = await createUser()
    const result = await loginRoute.action(args(makeRequest('/login', { form: { email: user.email, password: 'wrong-password-123' } })))
    const body = JSON.stringify(result)
    expect(body).toContain('メールアドレスまたはパスワードが正しくありません')
    expect(body).not.toContain('wrong-password-123')
  })

  test('validation errors are field errors in Japanese and keep the e-mail typed', async () => {
    const result = await loginRoute.action(args(makeRequest('/login', { form: { email: 'not-an-email', password: '' } })))
    const body = JSON.stringify(result)
    expect(body).toContain('メールアドレスの形式が正しくありません')
    expect(body).toContain('パスワードを入力してください')
    expect(body).toContain('not-an-email')
  })

  test('logout deletes the session and clears the cookie', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const response = await logoutRoute.action(args(makeRequest('/logout', { cookie, form: {} })))
    expect(response.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('directory and profiles', () => {
  test('the directory filters by course, cohort, profession and prefecture and hides deactivated members', async () => {
    const gifu = await createHospital({ prefecture: '岐阜県' })
    const viewer = await createUser()
    const match = await createUser({ hospitalId: gifu.id, name: '岐阜 該当' })
    await createUser({ hospitalId: gifu.id, name: '岐阜 停止', status: 'DEACTIVATED' })
    const cookie = await sessionCookieFor(viewer.id)
    const result = await membersRoute.loader(args(makeRequest(`/members?course=EQSO&cohort=2&profession=NURSE&prefecture=${encodeURIComponent('岐阜県')}`, { cookie })))
    expect(result.members.map((member) => member.id)).toEqual([match.id])
    expect(JSON.stringify(result)).not.toContain('@test.example')
  })

  test('nonsense filter values are ignored rather than failing', async () => {
    const viewer = await createUser()
    const cookie = await sessionCookieFor(viewer.id)
    const result = await membersRoute.loader(args(makeRequest('/members?course=NOPE&page=-3&cohort=abc', { cookie })))
    expect(result.filters).toMatchObject({ course: undefined, page: 1, cohort: undefined })
  })

  test("another member's e-mail is shown only to that member and admins", async () => {
    const subject = await createUser()
    const other = await createUser()
    const admin = await createUser({ role: 'ADMIN' })
    const view = async (viewerId: string) =>
      profileRoute.loader(args(makeRequest(`/members/${subject.id}`, { cookie: await sessionCookieFor(viewerId) }), { id: subject.id }))
    expect((await view(other.id)).profile.email).toBeNull()
    expect((await view(subject.id)).profile.email).toBe(subject.email)
    expect((await view(admin.id)).profile.email).toBe(subject.email)
    expect((await view(other.id)).canEdit).toBe(false)
    expect((await view(subject.id)).canEdit).toBe(true)
  })

  test('deactivated profiles are 404 for members, visible to admins; unknown ids are 404', async () => {
    const gone = await createUser({ status: 'DEACTIVATED' })
    const member = await createUser()
    const admin = await createUser({ role: 'ADMIN' })
    const asMember = await settle(() => profileRoute.loader(args(makeRequest(`/members/${gone.id}`, { cookie: '' }), { id: gone.id })))
    expect((asMember as Response).status).toBe(302)
    const memberCookie = await sessionCookieFor(member.id)
    expect(((await settle(() => profileRoute.loader(args(makeRequest('/x', { cookie: memberCookie }), { id: gone.id })))) as Response).status).toBe(404)
    expect(((await settle(() => profileRoute.loader(args(makeRequest('/x', { cookie: memberCookie }), { id: 'nope' })))) as Response).status).toBe(404)
    const adminView = await profileRoute.loader(args(makeRequest('/x', { cookie: await sessionCookieFor(admin.id) }), { id: gone.id }))
    expect(adminView.profile.status).toBe('DEACTIVATED')
  })
})

describe('profile settings', () => {
  test('a member edits their own profile; a user id in the form changes nothing else', async () => {
    const me = await createUser()
    const victim = await createUser({ name: '他人 のまま' })
    const cookie = await sessionCookieFor(me.id)
    await settingsRoute.action(
      args(makeRequest('/settings/profile', { cookie, form: { id: victim.id, userId: victim.id, name: '更新 済み', profession: 'PHARMACIST', department: '医療安全管理室' } })),
    )
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ name: '更新 済み', profession: 'PHARMACIST', department: '医療安全管理室' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: victim.id } })).name).toBe('他人 のまま')
  })

  test('invalid input comes back with Japanese field errors and what was typed', async () => {
    const me = await createUser()
    const cookie = await sessionCookieFor(me.id)
    const result = await settingsRoute.action(args(makeRequest('/settings/profile', { cookie, form: { name: '', profession: 'NURSE', bio: '書きかけの自己紹介' } })))
    const body = JSON.stringify(result)
    expect(body).toContain('氏名を入力してください')
    expect(body).toContain('書きかけの自己紹介')
  })

  test('a hospital id that does not exist in a change request is a field error, not a crash', async () => {
    const me = await createUser()
    const cookie = await sessionCookieFor(me.id)
    const result = await settingsRoute.action(args(makeRequest('/settings/profile', { cookie, form: { intent: 'request-change', hospitalId: 'missing', reason: '異動' } })))
    expect(JSON.stringify(result)).toContain('病院が見つかりません')
  })
})
