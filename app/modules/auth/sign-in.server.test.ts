import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser, makeRequest, TEST_PASSWORD } from '#tests/fixtures/auth.ts'
import { validateSessionToken } from './session.server.ts'
import { signIn } from './sign-in.server.ts'
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from './throttle.ts'

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

  test('repeated failures lock the account, even for the right password, with minutes to wait', async () => {
    const user = await createUser()
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await signIn({ email: user.email, password: `wrong ${i}`, request: makeRequest('/login', { ip: `10.0.0.${i}` }) })
    }
    const result = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '10.0.1.1' }) })
    expect(result).toEqual({ status: 'throttled', minutes: 15 })
  })

  test('one IP trying many accounts is locked out, other IPs are not', async () => {
    const user = await createUser()
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await signIn({ email: `guess${i}@test.example`, password: 'x', request: makeRequest('/login', { ip: '192.0.2.9' }) })
    }
    const fromAttacker = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '192.0.2.9' }) })
    const fromElsewhere = await signIn({ email: user.email, password: TEST_PASSWORD, request: makeRequest('/login', { ip: '198.51.100.7' }) })
    expect(fromAttacker.status).toBe('throttled')
    expect(fromElsewhere.status).toBe('signed-in')
  })
})
