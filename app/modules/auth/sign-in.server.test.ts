import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser, makeRequest, TEST_PASSWORD } from '#tests/fixtures/auth.ts'
import { validateSessionToken } from './session.server.ts'
import { signIn } from './sign-in.server.ts'
import { FREE_FAILURES_PER_ADDRESS_AND_IP, FREE_FAILURES_PER_IP } from './throttle.ts'
import { findSignInWait } from './throttle.server.ts'

describe('signIn', () => {
  test('a correct password creates a session whose token validates', async () => {
    const user = await createUser()
    const result = await signIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD, request: makeRequest('/login') })
    expect(result.status).toBe('signed-in')
    if (result.status !== 'signed-in') return
    expect((await validateSessionToken(result.token))?.user.id).toBe(user.id)
    expect(await prisma.auditEvent.count({ where: { action: 'auth.sign-in', actorId: user.id } })).toBe(1)
  })

  test('a wrong password and an unknown account give the same answer and are both recorded', async () => {
    const user = await createUser()
    const wrong = await signIn({ email: user.email, password: 'not the password', request: makeRequest('/login') })
    const unknown = await signIn({ email: 'nobody@test.example', password: 'whatever', request: makeRequest('/login') })
    expect(wrong).toEqual({ status: 'invalid' })
    expect(unknown).toEqual({ status: 'invalid' })
    expect(await prisma.auditEvent.count({ where: { action: 'auth.sign-in-failed' } })).toBe(2)
  })

  test('deactivated members cannot sign in even with the right password', async () => {
    const user = await createUser({ status: 'DEACTIVATED' })
    const result = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login') })
    expect(result).toEqual({ status: 'deactivated' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('five wrong passwords from one IP make that IP wait, even with the right password (told in minutes)', async () => {
    const user = await createUser()
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS_AND_IP + 1; i++) {
      await signIn({ email: user.email, password: `wrong ${i}`, request: makeRequest('/login', { ip: '203.0.113.5' }) })
    }
    const again = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '203.0.113.5' }) })
    expect(again).toEqual({ status: 'throttled', minutes: 1 })
  })

  // F13 (issue 13): before, 5 failures from anywhere locked the address for 15 minutes, so anyone who knew a
  // member's address could keep them out. Now failures from other IPs only slow the address down, by 30 s at most.
  test('a stranger failing 40 times from 40 IPs cannot lock the member out: the member waits at most 30 seconds', async () => {
    const user = await createUser()
    for (let i = 0; i < 40; i++) {
      // Once the address has 10 failures the stranger is slowed down too (some of these answers are 'throttled').
      await signIn({ email: user.email, password: `guess ${i}`, request: makeRequest('/login', { ip: `198.51.100.${i + 1}` }) })
    }
    expect(await prisma.loginFailure.count({ where: { email: user.email } })).toBeGreaterThanOrEqual(10)
    const now = new Date()
    const wait = await findSignInWait(user.email, '192.0.2.44', now)
    expect(wait).not.toBeNull()
    expect((wait?.getTime() ?? 0) - now.getTime()).toBeLessThanOrEqual(30_000)

    // 31 seconds later the member's own attempt goes through.
    await prisma.loginFailure.updateMany({ where: { email: user.email }, data: { createdAt: new Date(Date.now() - 31_000) } })
    const member = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '192.0.2.44' }) })
    expect(member.status).toBe('signed-in')
  })

  test('one IP trying many accounts is made to wait, other IPs are not', async () => {
    const user = await createUser()
    for (let i = 0; i < FREE_FAILURES_PER_IP + 1; i++) {
      await signIn({ email: `guess${i}@test.example`, password: 'x', request: makeRequest('/login', { ip: '192.0.2.9' }) })
    }
    const fromAttacker = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '192.0.2.9' }) })
    const fromElsewhere = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '198.51.100.7' }) })
    expect(fromAttacker.status).toBe('throttled')
    expect(fromElsewhere.status).toBe('signed-in')
  })
})
