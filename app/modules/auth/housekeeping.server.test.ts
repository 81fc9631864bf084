import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { pruneExpiredAuthData } from './housekeeping.server.ts'
import { createPendingSignIn } from './pending-sign-in.server.ts'
import { createSession, sessionLifetimes } from './session.server.ts'

test('removes expired sessions and stale failures, keeps live ones', async () => {
  const user = await createUser()
  const live = await createSession(user.id, {})
  const stale = await createSession(user.id, {})
  await prisma.session.update({ where: { id: stale.id }, data: { lastVerifiedAt: new Date(Date.now() - sessionLifetimes().idleMs - 1) } })
  await prisma.loginFailure.create({ data: { email: user.email, ipAddress: '10.0.0.1', createdAt: new Date(Date.now() - 60 * 60 * 1000) } })
  await prisma.loginFailure.create({ data: { email: user.email, ipAddress: '10.0.0.1' } })

  await createPendingSignIn(user.id, null)
  const other = await createUser()
  await createPendingSignIn(other.id, null)
  await prisma.pendingSignIn.updateMany({ where: { userId: other.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  await prisma.webAuthnChallenge.create({ data: { userId: user.id, purpose: 'register', challenge: 'old', expiresAt: new Date(Date.now() - 1000) } })

  expect(await pruneExpiredAuthData()).toMatchObject({ sessions: 1, loginFailures: 1, pendingSignIns: 1, webAuthnChallenges: 1 })
  expect(await prisma.pendingSignIn.count()).toBe(1)
  expect(await prisma.session.findMany({ select: { id: true } })).toEqual([{ id: live.id }])
  expect(await prisma.loginFailure.count()).toBe(1)
})
