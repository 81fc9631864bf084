import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useMatches } from '@remix-run/react'
import { requireUser } from '#app/modules/auth/require.server.ts'

const areas: Record<string, { title: string; body: string }> = {
  'area-cases': { title: '事例', body: 'インシデント事例の共有と事例検討（影響度・JQ分類・時系列・要因分析・対策）' },
  'area-practices': { title: 'ベストプラクティス', body: '各病院の取り組みの共有と、導入した病院の追跡' },
  'area-benchmarks': { title: 'リスク量・ベンチマーキング', body: '自院の報告データの提出と、同規模病院との比較' },
  'area-consultations': { title: '危機管理相談', body: '重大事象発生時の専門家への相談（機密扱い）' },
  'area-search': { title: '検索', body: '事例・ベストプラクティス・コメントの横断検索' },
}

export const meta: MetaFunction = ({ matches }) => {
  const id = matches.at(-1)?.id ?? ''
  return [{ title: `${areas[id]?.title ?? ''} | QSO Hub` }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

/** Shown for the areas later releases fill, so the navigation is complete and honest about what exists. */
export default function AreaUpcoming() {
  const id = useMatches().at(-1)?.id ?? ''
  const area = areas[id]
  return (
    <section>
      <h1>{area?.title}</h1>
      <p>{area?.body}</p>
      <p className="notice">この機能は現在準備中です。公開までしばらくお待ちください。</p>
      <p>
        <Link to="/home">ホームへ戻る</Link>
      </p>
    </section>
  )
}
