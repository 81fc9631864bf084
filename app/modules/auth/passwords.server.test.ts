import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser, makeRequest, TEST_PASSWORD } from '#tests/fixtures/auth.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { changePassword, requestPasswordReset, resetPassword } from './passwords.server.ts'
import { createSession, validateSessionToken } from './session.server.ts'
import { signIn } from './sign-in.server.ts'

describe('password reset', () => {
  test('unknown addresses get no mail, and the function does not say so', async () => {
    await expect(requestPasswordReset('nobody@test.example', makeRequest('/forgot-password'))).resolves.toBeUndefined()
    expect(await mailsTo('nobody@test.example')).toHaveLength(0)
  })

  test('a reset link sets the password once and signs out every session', async () => {
    const user = await createUser()
    const { token: sessionToken } = await createSession(user.id, {})
    await requestPasswordReset(user.email, makeRequest('/forgot-password'))
    const [mail] = await mailsTo(user.email)
    const token = mail?.text.match(/\/reset-password\/([a-z0-9]+)/)?.[1] ?? ''
    expect(token).not.toBe('')

    expect(await resetPassword(token, 'a brand new password', makeRequest('/reset-password'))).toBe(true)
    expect(await validateSessionToken(sessionToken)).toBeNull()
    expect((await signIn({ email: user.email, password: 'a brand new password', request: makeRequest('/login') })).status).toBe('signed-in')
    expect(await resetPassword(token, 'another new password', makeRequest('/reset-password'))).toBe(false)
  })

  test('at most three reset mails an hour per account', async () => {
    const user = await createUser()
    for (let i = 0; i < 5; i++) await requestPasswordReset(user.email, makeRequest('/forgot-password'))
    expect(await mailsTo(user.email)).toHaveLength(3)
  })
})

describe('change password', () => {
  test('needs the current password', async () => {
    const user = await createUser()
    const { id } = await createSession(user.id, {})
    const result = await changePassword({ userId: user.id, currentSessionId: id, currentPassword: 'wrong', newPassword: 'whatever new one', request: makeRequest('/') })
    expect(result.ok).toBe(false)
  })

  test('ends all other sessions but keeps the current one, and tells the member by mail', async () => {
    const user = await createUser()
    const current = await createSession(user.id, {})
    const other = await createSession(user.id, {})
    const result = await changePassword({ userId: user.id, currentSessionId: current.id, currentPassword: TEST_PASSWORD, newPassword: 'a changed password', request: makeRequest('/') })
    expect(result.ok).toBe(true)
    expect(await validateSessionToken(current.token)).not.toBeNull()
    expect(await validateSessionToken(other.token)).toBeNull()
    expect((await mailsTo(user.email)).map((mail) => mail.subject)).toContain('【QSO Hub】パスワードが変更されました')
    expect(await prisma.auditEvent.count({ where: { action: 'auth.password-changed', actorId: user.id } })).toBe(1)
  })
})
