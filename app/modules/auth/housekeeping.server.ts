import { prisma } from '#app/lib/db.server.ts'
import { sessionLifetimes } from './session.server.ts'
import { THROTTLE_WINDOW_MS } from './throttle.ts'

const KEEP_USED_TOKENS_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Deletes what can never be used again: expired sessions, sign-in failures outside the throttling window, and
 * password-reset rows a month after they expired, and expired pending sign-ins and WebAuthn challenges. Idempotent, so every app instance may run it.
 * Invitations stay: admins see their history.
 */
export async function pruneExpiredAuthData(now = new Date()) {
  const at = (msAgo: number) => new Date(now.getTime() - msAgo)
  const { idleMs, absoluteMs } = sessionLifetimes()
  const [sessions, failures, resets, pending, challenges] = await Promise.all([
    prisma.session.deleteMany({ where: { OR: [{ lastVerifiedAt: { lt: at(idleMs) } }, { createdAt: { lt: at(absoluteMs) } }] } }),
    prisma.loginFailure.deleteMany({ where: { createdAt: { lt: at(THROTTLE_WINDOW_MS) } } }),
    prisma.passwordReset.deleteMany({ where: { expiresAt: { lt: at(KEEP_USED_TOKENS_MS) } } }),
    prisma.pendingSignIn.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: now } } }),
  ])
  return {
    sessions: sessions.count,
    loginFailures: failures.count,
    passwordResets: resets.count,
    pendingSignIns: pending.count,
    webAuthnChallenges: challenges.count,
  }
}
