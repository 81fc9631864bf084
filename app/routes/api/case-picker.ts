import type { LoaderFunctionArgs } from '@remix-run/node'
import { getSession } from '#app/modules/auth/session.server.ts'
import { findPickableCases } from '#app/modules/cases/cases.server.ts'

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })

/**
 * GET /api/cases/picker?q= — the related-case picker on the practice form: up to ten cases the member may see,
 * by title words or case number, as JSON. Signed-in members only (401 JSON, not a redirect: it is fetched).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  if (!session) return json({ error: 'ログインが必要です。' }, 401)
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  return json({ query: q, cases: await findPickableCases(q, session.user) })
}
