import { prisma } from '#app/lib/db.server.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'
import { createSession } from './session.server.ts'
import { minutesUntil } from './throttle.ts'
import { clearAccountFailures, findSignInLock, recordSignInFailure } from './throttle.server.ts'

export type SignInResult =
  | { status: 'signed-in'; token: string; userId: string }
  | { status: 'invalid' }
  | { status: 'deactivated' }
  | { status: 'throttled'; minutes: number }

export async function signIn(input: { email: string; password: string; request: Request }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase()
  const { ipAddress, userAgent } = getRequestMeta(input.request)
  const now = new Date()

  const lock = await findSignInLock(email, ipAddress, now)
  if (lock) {
    await recordAudit({ action: 'auth.sign-in-throttled', target: { type: 'email', id: email }, request: input.request })
    return { status: 'throttled', minutes: minutesUntil(lock, now) }
  }

  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, status: true } })
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password)
  if (!user || !valid) {
    await recordSignInFailure(email, ipAddress)
    await recordAudit({
      action: 'auth.sign-in-failed',
      actorId: user?.id,
      target: { type: 'email', id: email },
      request: input.request,
      details: { reason: user ? 'wrong-password' : 'unknown-account' },
    })
    return { status: 'invalid' }
  }
  if (user.status !== 'ACTIVE') {
    await recordAudit({
      action: 'auth.sign-in-failed',
      actorId: user.id,
      target: { type: 'user', id: user.id },
      request: input.request,
      details: { reason: 'deactivated' },
    })
    return { status: 'deactivated' }
  }

  await clearAccountFailures(email)
  const session = await createSession(user.id, { ipAddress, userAgent })
  await recordAudit({ action: 'auth.sign-in', actorId: user.id, target: { type: 'user', id: user.id }, request: input.request })
  return { status: 'signed-in', token: session.token, userId: user.id }
}
