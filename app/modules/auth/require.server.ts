import { redirect } from '@remix-run/node'
import { hasPermission, type Permission } from './permissions.ts'
import { mustEnrolSecondFactor } from './policy.server.ts'
import { getSession, type SessionUser, type ValidSession } from './session.server.ts'

/** Where to send the user after signing in: only paths on this site, never another origin. */
export function safeRedirectPath(target: string | null | undefined, fallback = '/home'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
  return target
}

export async function requireSession(request: Request): Promise<ValidSession> {
  const session = await getSession(request)
  const url = new URL(request.url)
  if (!session) {
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
  }
  // Admins and consultants (and everyone, when the admin setting says so) enrol a second factor before anything
  // else; the enrolment page itself stays reachable.
  if (!isEnrolmentPath(url.pathname) && (await mustEnrolSecondFactor(session.user, session.hasSecondFactor))) {
    throw redirect(TWO_FACTOR_ENROLMENT_PATH)
  }
  return session
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user
}

/** Signed in but not allowed: a 403 page, not a redirect loop. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!hasPermission(user, permission)) {
    throw new Response('この操作を行う権限がありません。', { status: 403, statusText: 'Forbidden' })
  }
  return user
}

export async function requireAnonymous(request: Request) {
  if (await getSession(request)) throw redirect('/home')
}

export const TWO_FACTOR_ENROLMENT_PATH = '/settings/two-factor'

function isEnrolmentPath(pathname: string): boolean {
  return pathname === TWO_FACTOR_ENROLMENT_PATH || pathname === `${TWO_FACTOR_ENROLMENT_PATH}.data`
}
