import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { clearSessionCookie, getSession, invalidateSession } from '#app/modules/auth/session.server.ts'

// Only POST signs out: a GET link could be triggered by another site.
export function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request)
  if (session) {
    await invalidateSession(session.id)
    await recordAudit({ action: 'auth.sign-out', actorId: session.user.id, target: { type: 'user', id: session.user.id }, request })
  }
  return redirect('/', { headers: { 'Set-Cookie': await clearSessionCookie() } })
}
