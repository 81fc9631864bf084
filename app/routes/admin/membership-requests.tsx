import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { describeChange, listMembershipRequests } from '#app/modules/members/membership-requests.server.ts'

export const meta: MetaFunction = () => [{ title: '所属・修了コースの変更依頼 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:manage')
  const [pending, decided] = await Promise.all([listMembershipRequests('PENDING'), listMembershipRequests('DECIDED')])
  const row = (request: (typeof pending)[number]) => ({
    id: request.id,
    memberName: request.user.name,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    status: request.status,
    change: describeChange(
      { hospital: request.fromHospital?.name ?? null, course: request.fromCourse, cohort: request.fromCohort },
      { hospital: request.toHospital?.name ?? null, course: request.toCourse, cohort: request.toCohort },
    ),
  })
  return { pending: pending.map(row), decided: decided.map(row) }
}

const STATUS_LABELS = { PENDING: '確認待ち', APPROVED: '承認', REFUSED: '却下', WITHDRAWN: '取り下げ' } as const

export default function MembershipRequests() {
  const { pending, decided } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>所属・修了コースの変更依頼</h1>
      <p className="muted small">会員本人からの依頼であることを確かめてから承認してください。承認するまで会員の情報は変わりません。</p>
      <h2>確認待ち（{pending.length}件）</h2>
      {pending.length ? (
        <ul className="stack">
          {pending.map((request) => (
            <li key={request.id}>
              <Link to={request.id}>{request.memberName}</Link>（{formatDateTime(request.createdAt)}）: {request.change || '変更なし'}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">確認待ちの依頼はありません。</p>
      )}
      <h2>処理済み（新しい順、200件まで）</h2>
      {decided.length ? (
        <ul className="stack">
          {decided.map((request) => (
            <li key={request.id}>
              <Link to={request.id}>{request.memberName}</Link>: {STATUS_LABELS[request.status]}（{request.decidedAt ? formatDateTime(request.decidedAt) : '—'}）{' '}
              {request.change}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">処理済みの依頼はまだありません。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
