import { createCookie } from '@remix-run/node'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { generateRandomToken, hashToken } from './tokens.server.ts'

// The step between a correct password and the second factor. The token lives in its own cookie and in no
// session: requireSession never accepts it, so it opens nothing but /login/two-factor.
export const PENDING_SIGN_IN_LIFETIME_MS = 5 * 60 * 1000
export const MAX_SECOND_FACTOR_ATTEMPTS = 5

function pendingCookie() {
  const origin = new URL(getEnv().APP_ORIGIN)
  return createCookie('qso_pending_2fa', {
    httpOnly: true,
    secure: origin.protocol === 'https:' || origin.hostname === 'localhost',
    sameSite: 'lax',
    path: '/login',
    maxAge: PENDING_SIGN_IN_LIFETIME_MS / 1000,
  })
}

export async function createPendingSignIn(userId: string, redirectTo: string | null): Promise<string> {
  const token = generateRandomToken()
  // One pending sign-in per user: a new password entry replaces the last one.
  await prisma.pendingSignIn.deleteMany({ where: { userId } })
  await prisma.pendingSignIn.create({
    data: { userId, tokenHash: hashToken(token), redirectTo, expiresAt: new Date(Date.now() + PENDING_SIGN_IN_LIFETIME_MS) },
  })
  return token
}

export function commitPendingCookie(token: string): Promise<string> {
  return pendingCookie().serialize(token)
}

export function clearPendingCookie(): Promise<string> {
  return pendingCookie().serialize('', { maxAge: 0 })
}

export type PendingSignIn = { id: string; userId: string; redirectTo: string | null; email: string }

/** The pending sign-in behind the request's cookie, if it is live; expired or used-up ones are deleted. */
export async function findPendingSignIn(request: Request): Promise<PendingSignIn | null> {
  const value: unknown = await pendingCookie().parse(request.headers.get('Cookie'))
  if (typeof value !== 'string' || !value) return null
  return findPendingSignInByToken(value)
}

export async function findPendingSignInByToken(token: string): Promise<PendingSignIn | null> {
  const row = await prisma.pendingSignIn.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, status: true } } },
  })
  if (!row) return null
  if (row.expiresAt <= new Date() || row.attempts >= MAX_SECOND_FACTOR_ATTEMPTS || row.user.status !== 'ACTIVE') {
    await prisma.pendingSignIn.deleteMany({ where: { id: row.id } })
    return null
  }
  return { id: row.id, userId: row.userId, redirectTo: row.redirectTo, email: row.user.email }
}

/** Counts a wrong second factor; returns how many tries are left (0: the pending sign-in is gone). */
export async function recordSecondFactorFailure(pendingId: string): Promise<number> {
  const row = await prisma.pendingSignIn.update({ where: { id: pendingId }, data: { attempts: { increment: 1 } } }).catch(() => null)
  const left = row ? MAX_SECOND_FACTOR_ATTEMPTS - row.attempts : 0
  if (left <= 0) await prisma.pendingSignIn.deleteMany({ where: { id: pendingId } })
  return Math.max(0, left)
}

/** Uses the pending sign-in up; false if another request already did (the same token cannot make two sessions). */
export async function consumePendingSignIn(pendingId: string): Promise<boolean> {
  const { count } = await prisma.pendingSignIn.deleteMany({ where: { id: pendingId, expiresAt: { gt: new Date() } } })
  return count === 1
}
