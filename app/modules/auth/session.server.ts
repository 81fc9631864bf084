import { createCookie } from '@remix-run/node'
import type { Role, UserStatus } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { bytesEqual, generateRandomToken, sha256Bytes } from './tokens.server.ts'

// Lucia's session design: the cookie carries "<id>.<secret>", the database only SHA-256(secret).
// Lifetimes come from the environment (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS; defaults 30 minutes idle and
// 12 hours absolute): see docs/decisions/0020-two-factor-and-session-lifetimes.md for the reasoning.
export function sessionLifetimes() {
  const env = getEnv()
  const idleMs = env.SESSION_IDLE_MINUTES * 60 * 1000
  return {
    idleMs,
    absoluteMs: env.SESSION_MAX_HOURS * 60 * 60 * 1000,
    // lastVerifiedAt is written at most this often: a tenth of the idle timeout (3 minutes by default) keeps the
    // timeout accurate to within 10% without a database write on every request.
    activityCheckMs: Math.floor(idleMs / 10),
  }
}

export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  status: UserStatus
  hospitalId: string | null
}

export type ValidSession = {
  id: string
  user: SessionUser
  /** When the user last proved who they are: sign-in, or the re-authentication page. */
  authenticatedAt: Date
  /** Whether the user has an enabled TOTP authenticator or at least one passkey. */
  hasSecondFactor: boolean
}

function sessionCookie() {
  const origin = new URL(getEnv().APP_ORIGIN)
  return createCookie('qso_session', {
    httpOnly: true,
    // Browsers treat http://localhost as secure, so the flag stays on in development too.
    secure: origin.protocol === 'https:' || origin.hostname === 'localhost',
    // Lax, with the origin check on every mutating request (server/csrf.ts) as the CSRF defence.
    sameSite: 'lax',
    path: '/',
    maxAge: sessionLifetimes().absoluteMs / 1000,
  })
}

export async function createSession(userId: string, meta: { ipAddress?: string; userAgent?: string }) {
  const id = generateRandomToken()
  const secret = generateRandomToken()
  await prisma.session.create({
    data: {
      id,
      secretHash: new Uint8Array(sha256Bytes(secret)),
      userId,
      ipAddress: meta.ipAddress ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  })
  return { id, token: `${id}.${secret}` }
}

export async function commitSessionCookie(token: string): Promise<string> {
  return sessionCookie().serialize(token)
}

export async function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { maxAge: 0 })
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.includes('.') ? value : null
}

/** The session behind the request's cookie, or null when it is missing, expired, forged or the user is deactivated. */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const [id, secret] = token.split('.')
  if (!id || !secret) return null
  const row = await prisma.session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          status: true,
          hospitalId: true,
          totpCredential: { select: { enabledAt: true } },
          _count: { select: { passkeys: true } },
        },
      },
    },
  })
  if (!row) return null
  if (!bytesEqual(sha256Bytes(secret), new Uint8Array(row.secretHash))) return null
  const now = Date.now()
  const lifetimes = sessionLifetimes()
  const expired = now - row.lastVerifiedAt.getTime() >= lifetimes.idleMs || now - row.createdAt.getTime() >= lifetimes.absoluteMs
  if (expired || row.user.status !== 'ACTIVE') {
    await prisma.session.deleteMany({ where: { id } })
    return null
  }
  if (now - row.lastVerifiedAt.getTime() >= lifetimes.activityCheckMs) {
    await prisma.session.update({ where: { id }, data: { lastVerifiedAt: new Date(now) } })
  }
  const { totpCredential, _count, ...user } = row.user
  return { id, user, authenticatedAt: row.authenticatedAt, hasSecondFactor: !!totpCredential?.enabledAt || _count.passkeys > 0 }
}

export async function getSession(request: Request): Promise<ValidSession | null> {
  const token = await readSessionToken(request)
  return token ? validateSessionToken(token) : null
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } })
}

export async function invalidateUserSessions(userId: string, options: { except?: string } = {}) {
  await prisma.session.deleteMany({ where: { userId, ...(options.except ? { id: { not: options.except } } : {}) } })
}

/** After a successful re-authentication: role changes and exports are allowed again for a while. */
export async function markSessionAuthenticated(sessionId: string, at = new Date()) {
  await prisma.session.update({ where: { id: sessionId }, data: { authenticatedAt: at } })
}
