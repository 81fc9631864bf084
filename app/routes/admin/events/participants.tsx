import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { RegistrationBadge } from '#app/components/events.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { findEventForAdmin, listParticipants } from '#app/modules/events/events.server.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'
import type { RegistrationStatusCode } from '#app/modules/events/labels.ts'
import { courseLabel, PROFESSIONS } from '#app/modules/members/labels.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `参加者：${data?.event.title ?? ''} | 管理 | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'event:manage')
  const event = await findEventForAdmin(params.id ?? '')
  if (!event) throw new Response('行事が見つかりません。', { status: 404 })
  return { event: { id: event.id, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, capacity: event.capacity }, participants: await listParticipants(event.id) }
}

export default function EventParticipants() {
  const { event, participants } = useLoaderData<typeof loader>()
  const count = (status: RegistrationStatusCode) => participants.filter((row) => row.status === status).length
  return (
    <section>
      <p>
        <Link to="/admin/events">← 行事の一覧</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>参加者：{event.title}</h1>
          <p className="muted">
            {formatEventPeriod(event.startsAt, event.endsAt)} ・ 参加{formatNumber(count('REGISTERED'))}名
            {event.capacity !== null ? ` / 定員${formatNumber(event.capacity)}名` : ''} ・ キャンセル待ち{formatNumber(count('WAITLISTED'))}名
          </p>
        </div>
        <div className="row">
          <a href={`/admin/events/${event.id}/participants.csv`} className="button button--primary">
            CSVで書き出す
          </a>
          <Link to={`/admin/events/${event.id}`} className="button button--quiet">
            行事を編集
          </Link>
        </div>
      </div>
      {participants.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <thead>
              <tr>
                <th scope="col">状態</th>
                <th scope="col">氏名</th>
                <th scope="col">所属</th>
                <th scope="col">コース</th>
                <th scope="col">職種</th>
                <th scope="col">申込日時</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((row) => (
                <tr key={row.id}>
                  <td data-label="状態">{row.status === 'CANCELLED' ? <span className="badge">キャンセル済み</span> : <RegistrationBadge status={row.status} />}</td>
                  <td className="card-table__title">
                    <Link to={`/admin/members/${row.user.id}`}>{row.user.name}</Link>
                  </td>
                  <td data-label="所属">{row.user.hospital?.name ?? '—'}</td>
                  <td data-label="コース">{courseLabel(row.user.course, row.user.cohort)}</td>
                  <td data-label="職種">{PROFESSIONS[row.user.profession]}</td>
                  <td className="nowrap" data-label="申込日時">{formatDateTime(row.queuedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">まだ申込はありません。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
