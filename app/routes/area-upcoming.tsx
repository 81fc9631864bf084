import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useMatches } from '@remix-run/react'
import { MEMBER_AREAS } from '#app/components/member-areas.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'

const areaOf = (routeId: string | undefined) => MEMBER_AREAS.find((area) => area.routeId === routeId)

export const meta: MetaFunction = ({ matches }) => [{ title: `${areaOf(matches.at(-1)?.id)?.title ?? ''} | QSO Hub` }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

/** Shown for the areas later releases fill, so the navigation is complete and honest about what exists. */
export default function AreaUpcoming() {
  const area = areaOf(useMatches().at(-1)?.id)
  return (
    <section>
      <h1>{area?.title}</h1>
      <p>{area?.summary}</p>
      <p className="notice">この機能は現在準備中です。公開までしばらくお待ちください。</p>
      <p>
        <Link to="/home">ホームへ戻る</Link>
      </p>
    </section>
  )
}
