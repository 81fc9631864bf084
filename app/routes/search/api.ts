import type { LoaderFunctionArgs } from '@remix-run/node'
import { describeError, log } from '#app/lib/log.server.ts'
import { getSession } from '#app/modules/auth/session.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { parseSearchParams } from '#search/query.ts'
import { suggestForMember } from '#search/search.server.ts'

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })

/** GET /api/search?q= — the header type-ahead: a few hits per type, as JSON, for signed-in members only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  if (!session) return json({ error: 'ログインが必要です。' }, 401)
  if (!hasPermission(session.user, 'member:read')) return json({ error: '権限がありません。' }, 403)
  const { q } = parseSearchParams(new URL(request.url).searchParams)
  if (!q) return json({ query: '', hits: [] })
  try {
    const hits = await suggestForMember(q, 3)
    return json({
      query: q,
      hits: hits.map((hit) => ({
        type: hit.type,
        typeLabel: hit.typeLabel,
        id: hit.id,
        title: hit.title.text,
        titleHighlights: hit.title.highlights,
        snippet: hit.snippet.text,
        snippetHighlights: hit.snippet.highlights,
        url: hit.url,
      })),
    })
  } catch (error) {
    log.warn({ component: 'search', error: describeError(error) }, 'type-ahead search failed')
    return json({ error: '検索が一時的に利用できません。', query: q, hits: [] }, 503)
  }
}
