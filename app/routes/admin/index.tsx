import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { adminOverview } from '#app/modules/admin/overview.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'

export const meta: MetaFunction = () => [{ title: '管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  return { overview: await adminOverview() }
}

export default function AdminOverview() {
  const { overview } = useLoaderData<typeof loader>()
  const figures = [
    { label: '有効な会員', value: overview.activeMembers, unit: '名', to: '/admin/members', link: '会員を管理' },
    { label: '停止中の会員', value: overview.deactivatedMembers, unit: '名', to: '/admin/members', link: '会員を管理' },
    { label: '招待中', value: overview.pendingInvites, unit: '件', to: '/admin/invites', link: '招待を管理' },
    { label: '登録病院', value: overview.hospitals, unit: '施設', to: '/admin/hospitals', link: '病院を管理' },
    {
      label: 'ログイン失敗（24時間以内）',
      value: overview.failedSignIns,
      unit: '件',
      to: '/admin/audit?action=auth.sign-in-failed',
      link: '監査ログを見る',
    },
  ]
  return (
    <section>
      <div className="page-header">
        <h1>管理</h1>
      </div>
      <ul className="grid" style={{ margin: 0 }}>
        {figures.map((figure) => (
          <li key={figure.label} className="card">
            <h2 style={{ fontSize: '1rem', margin: 0 }}>{figure.label}</h2>
            <p style={{ fontSize: '2rem', fontWeight: 700, margin: '0.25rem 0' }}>
              {formatNumber(figure.value)}
              <span className="small muted" style={{ marginLeft: '0.25rem', fontWeight: 400 }}>
                {figure.unit}
              </span>
            </p>
            <Link to={figure.to} className="small">
              {figure.link}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
