import { redirect } from '@remix-run/node'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { verifyPassword } from './password.server.ts'
import { requireSession } from './require.server.ts'
import { markSessionAuthenticated, type ValidSession } from './session.server.ts'
import { minutesUntil } from './throttle.ts'
import { findSignInWait, recordSignInFailure } from './throttle.server.ts'
import { verifyTotpCode } from './totp.server.ts'

export const REAUTH_PATH = '/reauth'

export function reauthWindowMs(): number {
  return getEnv().REAUTH_WINDOW_MINUTES * 60 * 1000
}

export function isRecentlyAuthenticated(session: Pick<ValidSession, 'authenticatedAt'>, now = new Date()): boolean {
  return now.getTime() - session.authenticatedAt.getTime() < reauthWindowMs()
}

/**
 * Role changes and exports: the user must have proved who they are within REAUTH_WINDOW_MINUTES (default 10),
 * else they go to /reauth, which brings them back to `returnTo` (default: the requested page).
 */
export function requireRecentAuthentication(request: Request, session: Pick<ValidSession, 'authenticatedAt'>, returnTo?: string): void {
  if (isRecentlyAuthenticated(session)) return
  const url = new URL(request.url)
  const target = returnTo ?? `${url.pathname.replace(/\.data$/, '')}${url.search}`
  throw redirect(`${REAUTH_PATH}?${new URLSearchParams({ redirectTo: target })}`)
}

export type ReauthProof = { kind: 'password'; password: string } | { kind: 'totp'; code: string } | { kind: 'passkey'; verified: boolean }

export type ReauthResult = { ok: true } | { ok: false; field: 'password' | 'code' | 'passkey'; message: string }

/** Checks the proof and, when it holds, restarts the re-authentication window of this session. */
export async function reauthenticate(session: ValidSession, proof: ReauthProof, request: Request): Promise<ReauthResult> {
  const { ipAddress } = getRequestMeta(request)
  const email = session.user.email
  // Password guesses here count against the same throttle as the sign-in form.
  const wait = await findSignInWait(email, ipAddress)
  if (wait) {
    return { ok: false, field: proof.kind === 'totp' ? 'code' : proof.kind, message: `確認の失敗が続いたため、${minutesUntil(wait, new Date())}分後にもう一度お試しください。` }
  }
  let ok: boolean
  if (proof.kind === 'password') {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { passwordHash: true } })
    ok = await verifyPassword(user.passwordHash, proof.password)
  } else if (proof.kind === 'totp') {
    ok = await verifyTotpCode(session.user.id, proof.code)
  } else {
    ok = proof.verified
  }
  if (!ok) {
    await recordSignInFailure(email, ipAddress)
    await recordAudit({ action: 'auth.second-factor-failed', actorId: session.user.id, target: { type: 'user', id: session.user.id }, request, details: { reauth: proof.kind } })
    const messages = {
      password: 'パスワードが正しくありません',
      totp: '確認コードが正しくないか、既に使われています',
      passkey: 'パスキーを確認できませんでした',
    } as const
    return { ok: false, field: proof.kind === 'totp' ? 'code' : proof.kind, message: messages[proof.kind] }
  }
  await markSessionAuthenticated(session.id)
  await recordAudit({ action: 'auth.reauthenticated', actorId: session.user.id, target: { type: 'user', id: session.user.id }, request, details: { by: proof.kind } })
  return { ok: true }
}

/** For loaders and actions that need a fresh proof: the session, after the re-authentication check. */
export async function requireFreshSession(request: Request, returnTo?: string): Promise<ValidSession> {
  const session = await requireSession(request)
  requireRecentAuthentication(request, session, returnTo)
  return session
}
