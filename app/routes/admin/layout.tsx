import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requirePermission } from '#app/modules/auth/require.server.ts'

// The admin area. Each child loader and action checks its own permission too: loaders run in parallel, and
// actions do not run this loader at all, so this check alone protects nothing.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  return null
}

const sections = [
  { to: '/admin', label: '概要', end: true },
  { to: '/admin/invites', label: '招待', end: false },
  { to: '/admin/members', label: '会員', end: false },
  { to: '/admin/membership-requests', label: '所属の変更依頼', end: false },
  { to: '/admin/hospitals', label: '病院', end: false },
  { to: '/admin/events', label: '行事', end: false },
  { to: '/admin/audit', label: '監査ログ', end: false },
  { to: '/admin/security', label: 'ログイン設定', end: false },
  { to: '/admin/benchmarks', label: 'ベンチマーク提出', end: false },
  { to: '/admin/consultations', label: '危機管理相談', end: false },
  { to: '/admin/cases', label: '事例', end: false },
  { to: '/admin/jobs', label: 'バックグラウンド処理', end: false },
]

export default function AdminLayout() {
  return (
    <>
      <nav aria-label="管理メニュー" className="row" style={{ marginBottom: '1.25rem' }}>
        {sections.map((section) => (
          <NavLink
            key={section.to}
            to={section.to}
            end={section.end}
            className={({ isActive }) => `button button--small ${isActive ? 'button--primary' : 'button--quiet'}`}
          >
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
