import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { commitSessionCookie, createSession, sessionLifetimes, validateSessionToken } from './session.server.ts'

const { idleMs: INACTIVITY_TIMEOUT_MS, absoluteMs: ABSOLUTE_LIFETIME_MS } = sessionLifetimes()

describe('sessions', () => {
  test('the database holds a hash of the secret, never the token', async () => {
    const user = await createUser()
    const { id, token } = await createSession(user.id, {})
    const secret = token.split('.')[1] ?? ''
    const row = await prisma.session.findUniqueOrThrow({ where: { id } })
    expect(Buffer.from(row.secretHash).toString('utf8')).not.toContain(secret)
    expect(row.secretHash.byteLength).toBe(32)
  })

  test('a forged secret for a real session id is refused', async () => {
    const user = await createUser()
    const { id } = await createSession(user.id, {})
    expect(await validateSessionToken(`${id}.aaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull()
    expect(await validateSessionToken('garbage')).toBeNull()
  })

  test('inactivity beyond the timeout ends the session and deletes it', async () => {
    const user = await createUser()
    const { id, token } = await createSession(user.id, {})
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: new Date(Date.now() - INACTIVITY_TIMEOUT_MS - 1000) } })
    expect(await validateSessionToken(token)).toBeNull()
    expect(await prisma.session.count({ where: { id } })).toBe(0)
  })

  test('the defaults follow decision 0020: 30 minutes idle, 12 hours absolute; the cookie dies with the session', async () => {
    expect(INACTIVITY_TIMEOUT_MS).toBe(30 * 60 * 1000)
    expect(ABSOLUTE_LIFETIME_MS).toBe(12 * 60 * 60 * 1000)
    expect(await commitSessionCookie('a.b')).toContain(`Max-Age=${12 * 60 * 60}`)
  })

  test('activity refreshes lastVerifiedAt (at most every tenth of the idle timeout), and the absolute lifetime still ends it', async () => {
    const user = await createUser()
    const { id, token } = await createSession(user.id, {})
    const recently = new Date(Date.now() - sessionLifetimes().activityCheckMs + 5_000)
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: recently } })
    await validateSessionToken(token)
    expect((await prisma.session.findUniqueOrThrow({ where: { id } })).lastVerifiedAt).toEqual(recently)

    const twentyMinutesAgo = new Date(Date.now() - 20 * 60 * 1000)
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: twentyMinutesAgo } })
    expect(await validateSessionToken(token)).not.toBeNull()
    const refreshed = await prisma.session.findUniqueOrThrow({ where: { id } })
    expect(refreshed.lastVerifiedAt.getTime()).toBeGreaterThan(twentyMinutesAgo.getTime())

    await prisma.session.update({ where: { id }, data: { createdAt: new Date(Date.now() - ABSOLUTE_LIFETIME_MS - 1000) } })
    expect(await validateSessionToken(token)).toBeNull()
  })

  test('a deactivated user is signed out on the next request', async () => {
    const user = await createUser()
    const { token } = await createSession(user.id, {})
    await prisma.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED' } })
    expect(await validateSessionToken(token)).toBeNull()
  })
})
