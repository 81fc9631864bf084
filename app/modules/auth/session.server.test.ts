import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { ABSOLUTE_LIFETIME_MS, createSession, INACTIVITY_TIMEOUT_MS, validateSessionToken } from './session.server.ts'

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

  test('activity refreshes lastVerifiedAt at most hourly, and the absolute lifetime still ends it', async () => {
    const user = await createUser()
    const { id, token } = await createSession(user.id, {})
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: twoHoursAgo } })
    expect(await validateSessionToken(token)).not.toBeNull()
    const refreshed = await prisma.session.findUniqueOrThrow({ where: { id } })
    expect(refreshed.lastVerifiedAt.getTime()).toBeGreaterThan(twoHoursAgo.getTime())

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
