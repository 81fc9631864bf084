import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { findPendingSignInByToken, PENDING_SIGN_IN_LIFETIME_MS } from '#app/modules/auth/pending-sign-in.server.ts'
import { verifyPasskeyAssertion } from '#app/modules/auth/passkeys.server.ts'
import { redeemRecoveryCode } from '#app/modules/auth/recovery-codes.server.ts'
import { validateSessionToken } from '#app/modules/auth/session.server.ts'
import { completeSecondFactor, signIn } from '#app/modules/auth/sign-in.server.ts'
import { confirmTotpEnrolment, startTotpEnrolment, verifyTotpCode } from '#app/modules/auth/totp.server.ts'
import { totpCode } from '#app/modules/auth/totp.ts'
import * as loginTwoFactorRoute from '#app/routes/login-two-factor.tsx'
import * as loginRoute from '#app/routes/login.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as membersRoute from '#app/routes/members.tsx'
import * as securityRoute from '#app/routes/admin/security.tsx'
import * as twoFactorRoute from '#app/routes/settings-two-factor.tsx'
import { createUser, makeRequest, sessionCookieFor, settle, TEST_PASSWORD, testTotpCode } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, expectResponse, routeArgs, type RouteHandler, unwrap } from '#tests/fixtures/routes.ts'

const args = routeArgs
const STEP_MS = 30_000

async function pendingFor(user: { email: string }) {
  const result = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login') })
  expect(result.status).toBe('second-factor')
  if (result.status !== 'second-factor') throw new Error('no second step')
  const pending = await findPendingSignInByToken(result.pendingToken)
  if (!pending) throw new Error('pending sign-in not found')
  return { token: result.pendingToken, pending }
}

describe('TOTP enrolment', () => {
  test('a first valid code enables it and yields ten recovery codes; the secret is stored encrypted', async () => {
    const user = await createUser()
    const enrolment = await startTotpEnrolment(user)
    expect(enrolment?.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\/QSO%20Hub:/)
    const key = decodeBase32IgnorePadding(enrolment?.secret.replaceAll(' ', '') ?? '')
    const row = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } })
    expect(Buffer.from(row.secretEncrypted).includes(Buffer.from(key))).toBe(false)
    expect(row.enabledAt).toBeNull()

    // Not enabled yet: the code does not count as a second factor.
    expect(await verifyTotpCode(user.id, totpCode(key, new Date()))).toBe(false)
    expect(await confirmTotpEnrolment(user.id, '000000', makeRequest('/settings/two-factor'))).toBeNull()
    const codes = await confirmTotpEnrolment(user.id, totpCode(key, new Date()), makeRequest('/settings/two-factor'))
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } })
    expect(stored.map((r) => r.codeHash)).not.toContain(codes?.[0])
    expect(await prisma.auditEvent.count({ where: { action: 'auth.totp-enabled', actorId: user.id } })).toBe(1)
    // An enabled authenticator cannot be silently replaced.
    expect(await startTotpEnrolment(user)).toBeNull()
  })

  test('the same code (the same 30-second step) is accepted once only; an older step after a newer one is refused', async () => {
    const user = await createUser({ secondFactor: true })
    const now = new Date()
    expect(await verifyTotpCode(user.id, testTotpCode(now), now)).toBe(true)
    expect(await verifyTotpCode(user.id, testTotpCode(now), now)).toBe(false)
    expect(await verifyTotpCode(user.id, testTotpCode(new Date(now.getTime() - STEP_MS)), now)).toBe(false)
    expect(await verifyTotpCode(user.id, testTotpCode(new Date(now.getTime() + STEP_MS)), now)).toBe(true)
  })

  test('codes two steps away (a minute of clock drift) are refused', async () => {
    const user = await createUser({ secondFactor: true })
    const now = new Date()
    expect(await verifyTotpCode(user.id, testTotpCode(new Date(now.getTime() - 2 * STEP_MS)), now)).toBe(false)
    expect(await verifyTotpCode(user.id, testTotpCode(new Date(now.getTime() + 2 * STEP_MS)), now)).toBe(false)
  })
})

describe('two-step sign-in', () => {
  test('the password alone creates no session, only a pending token stored as a hash', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const { token } = await pendingFor(admin)
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(0)
    const row = await prisma.pendingSignIn.findFirstOrThrow({ where: { userId: admin.id } })
    expect(row.tokenHash).not.toContain(token)
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(PENDING_SIGN_IN_LIFETIME_MS + 1000)
  })

  test('the login form sends the user to /login/two-factor with the pending cookie, not a session cookie', async () => {
    const consultant = await createUser({ role: 'CONSULTANT' })
    const response = expectResponse(
      await settle(() => loginRoute.action(args(makeRequest('/login', { form: { email: consultant.email, password: TEST_PASSWORD, redirectTo: '/members' } })))),
      302,
    )
    expect(response.headers.get('Location')).toBe('/login/two-factor')
    const cookie = response.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^qso_pending_2fa=/)
    expect(cookie).not.toContain('qso_session')

    // The second step with a real code signs in and returns to the page asked for.
    const pendingCookie = cookie.split(';')[0] ?? ''
    const done = expectResponse(
      await settle(() => loginTwoFactorRoute.action(args(makeRequest('/login/two-factor', { cookie: pendingCookie, form: { intent: 'totp', code: testTotpCode() } })))),
      302,
    )
    expect(done.headers.get('Location')).toBe('/members')
    expect(done.headers.get('Set-Cookie')).toContain('qso_session=')
  })

  test('the pending token cannot open any page, neither as its own cookie nor as a session cookie', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const { token } = await pendingFor(admin)
    for (const cookie of [`qso_pending_2fa=${token}`, `qso_session=${token}`, `qso_session=${token}.${token}`]) {
      expectLoginRedirect(await settle(() => homeRoute.loader(args(makeRequest('/home', { cookie })))), '/home')
      expectLoginRedirect(await settle(() => membersRoute.loader(args(makeRequest('/members', { cookie })))), '/members')
      expectLoginRedirect(await settle(() => twoFactorRoute.loader(args(makeRequest('/settings/two-factor', { cookie })))), '/settings/two-factor')
    }
    expect(await validateSessionToken(token)).toBeNull()
  })

  test('a wrong code is refused, five wrong codes end the pending sign-in, and the right code then does nothing', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const { pending, token } = await pendingFor(admin)
    const request = makeRequest('/login/two-factor')
    for (let i = 1; i <= 4; i++) {
      expect(await completeSecondFactor(pending, { kind: 'totp', code: '000000' }, request)).toEqual({ status: 'wrong', attemptsLeft: 5 - i })
    }
    expect(await completeSecondFactor(pending, { kind: 'totp', code: '000000' }, request)).toEqual({ status: 'wrong', attemptsLeft: 0 })
    expect(await findPendingSignInByToken(token)).toBeNull()
    expect(await completeSecondFactor(pending, { kind: 'totp', code: testTotpCode() }, request)).toMatchObject({ status: 'expired' })
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'auth.second-factor-failed', actorId: admin.id } })).toBe(5)
  })

  test('an expired pending token is refused and deleted', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const { token } = await pendingFor(admin)
    await prisma.pendingSignIn.updateMany({ where: { userId: admin.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await findPendingSignInByToken(token)).toBeNull()
    expect(await prisma.pendingSignIn.count({ where: { userId: admin.id } })).toBe(0)
    const page = await settle(() => loginTwoFactorRoute.loader(args(makeRequest('/login/two-factor', { cookie: `qso_pending_2fa=${token}` }))))
    expect(expectResponse(page, 302).headers.get('Location')).toBe('/login?expired=1')
  })

  test('a recovery code signs in once; the same code a second time is refused', async () => {
    const user = await createUser({ secondFactor: true })
    const enrolment = await startTotpEnrolment({ id: user.id, email: user.email })
    expect(enrolment).toBeNull() // already enrolled by the fixture
    const { issueRecoveryCodes } = await import('#app/modules/auth/recovery-codes.server.ts')
    const [code] = await issueRecoveryCodes(user.id)
    const first = await pendingFor(user)
    expect((await completeSecondFactor(first.pending, { kind: 'recovery', code: ` ${code?.toUpperCase()} ` }, makeRequest('/'))).status).toBe('signed-in')
    expect(await redeemRecoveryCode(user.id, code ?? '')).toBe(false)
    const second = await pendingFor(user)
    expect((await completeSecondFactor(second.pending, { kind: 'recovery', code: code ?? '' }, makeRequest('/'))).status).toBe('wrong')
  })

  test("someone else's passkey is refused for this user's second step", async () => {
    const owner = await createUser({ secondFactor: true })
    const other = await createUser({ role: 'ADMIN' })
    await prisma.passkey.create({ data: { id: 'b3duZXJzLWtleQ', userId: owner.id, name: '本人の鍵', publicKey: new Uint8Array([1, 2, 3]) } })
    const response = JSON.stringify({ id: 'b3duZXJzLWtleQ', rawId: 'b3duZXJzLWtleQ', type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' }, clientExtensionResults: {} })
    expect(await verifyPasskeyAssertion(other.id, 'second-factor', response)).toBe(false)
    expect(await verifyPasskeyAssertion(other.id, 'second-factor', 'not json')).toBe(false)
    const { pending } = await pendingFor(other)
    expect((await completeSecondFactor(pending, { kind: 'passkey', verified: await verifyPasskeyAssertion(other.id, 'second-factor', response) }, makeRequest('/'))).status).toBe('wrong')
  })
})

describe('who must have a second factor', () => {
  test.each(['ADMIN', 'CONSULTANT'] as const)('%s without one is sent to /settings/two-factor from every page but that one', async (role) => {
    const user = await createUser({ role, secondFactor: false })
    const cookie = await sessionCookieFor(user.id)
    const pages: [string, RouteHandler][] = [
      ['/home', homeRoute.loader],
      ['/members', membersRoute.loader],
    ]
    for (const [path, loader] of pages) {
      const response = expectResponse(await settle(() => loader(args(makeRequest(path, { cookie })))), 302)
      expect(response.headers.get('Location')).toBe('/settings/two-factor')
    }
    const page = unwrap(await settle(() => twoFactorRoute.loader(args(makeRequest('/settings/two-factor', { cookie })))))
    expect(page.data).toMatchObject({ required: true, hasSecondFactor: false })
  })

  test('a member without one is not asked, until an admin requires it for everyone (audited)', async () => {
    await prisma.authPolicy.deleteMany()
    const member = await createUser()
    const memberCookie = await sessionCookieFor(member.id)
    expect(unwrap(await settle(() => homeRoute.loader(args(makeRequest('/home', { cookie: memberCookie }))))).status).toBe(200)

    const admin = await createUser({ role: 'ADMIN' })
    const adminCookie = await sessionCookieFor(admin.id)
    await settle(() => securityRoute.action(args(makeRequest('/admin/security', { cookie: adminCookie, form: { requireTwoFactorForAll: 'on' } }))))
    const redirected = expectResponse(await settle(() => homeRoute.loader(args(makeRequest('/home', { cookie: memberCookie })))), 302)
    expect(redirected.headers.get('Location')).toBe('/settings/two-factor')
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'auth.two-factor-policy-changed' } })
    expect(audit).toMatchObject({ actorId: admin.id, details: { requireTwoFactorForAll: { from: false, to: true } } })

    // A member who enrols is let through again.
    const { enrolTestTotp } = await import('#tests/fixtures/auth.ts')
    await enrolTestTotp(member.id)
    expect(unwrap(await settle(() => homeRoute.loader(args(makeRequest('/home', { cookie: memberCookie }))))).status).toBe(200)
  })

  test('only admins reach /admin/security; anonymous visitors go to /login', async () => {
    await prisma.authPolicy.deleteMany() // this file's earlier test switched it on
    expectLoginRedirect(await settle(() => securityRoute.loader(args(makeRequest('/admin/security')))), '/admin/security')
    for (const role of ['MEMBER', 'CONSULTANT'] as const) {
      const cookie = await sessionCookieFor((await createUser({ role })).id)
      expectResponse(await settle(() => securityRoute.loader(args(makeRequest('/admin/security', { cookie })))), 403)
      expectResponse(await settle(() => securityRoute.action(args(makeRequest('/admin/security', { cookie, form: { requireTwoFactorForAll: 'on' } })))), 403)
    }
    expect(await prisma.authPolicy.count()).toBe(0)
  })

  test('an admin cannot remove their last second factor', async () => {
    const admin = await createUser({ role: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    const result = unwrap(await settle(() => twoFactorRoute.action(args(makeRequest('/settings/two-factor', { cookie, form: { intent: 'totp-disable' } })))))
    expect(result.status).toBe(409)
    expect(await prisma.totpCredential.count({ where: { userId: admin.id } })).toBe(1)
  })
})
