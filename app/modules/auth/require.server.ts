import { redirect } from '@remix-run/node'
import { hasPermission, type Permission } from './permissions.ts'
import { mustEnrolSecondFactor } from './policy.server.ts'
import { getSession, type SessionUser, type ValidSession } from './session.server.ts'

// C0 and C1 controls, DEL, every Unicode space (incl. U+3000), the BOM, zero-width and bidi controls, and the
// backslash, which browsers read as "/" (so "/\\evil" and "/\t/evil" become "//evil", another host).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_REDIRECT = /[\u0000-\u001F\u007F-\u009F\s\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\\]/u
const BASE = 'http://redirect.invalid'

/**
 * Where to send the user after signing in: only a path on this site. The target is refused (→ fallback) if it,
 * or any percent-decoded form of it, holds a control or space character or a backslash, or starts with "//";
 * what is returned is the path as a URL parser normalised it, checked to stay on this origin.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = '/home'): string {
  if (!target || target.length > 2000 || !target.startsWith('/')) return fallback
  let decoded = target
  for (let round = 0; round < 3; round += 1) {
    if (UNSAFE_IN_REDIRECT.test(decoded) || decoded.startsWith('//')) return fallback
    let next: string
    try {
      next = decodeURIComponent(decoded)
    } catch {
      return fallback
    }
    if (next === decoded) break
    decoded = next
  }
  if (UNSAFE_IN_REDIRECT.test(decoded) || decoded.startsWith('//')) return fallback
  const url = new URL(target, BASE)
  if (url.origin !== BASE) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return path.startsWith('/') && !path.startsWith('//') ? path : fallback
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
