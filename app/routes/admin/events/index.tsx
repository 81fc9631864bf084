import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EventKindBadge } from '#app/components/events.tsx'
import { formatDateTimeWithWeekday, formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { listEventsForAdmin } from '#app/modules/events/events.server.ts'

export const meta: MetaFunction = () => [{ title: '行事・研修 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'event:manage')
  return { events: await listEventsForAdmin() }
}

export default function AdminEvents() {
  const { events } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>行事・研修</h1>
        <Link to="/admin/events/new" className="button button--primary">
          行事を登録する
        </Link>
      </div>
      {events.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <thead>
              <tr>
                <th scope="col">開始</th>
                <th scope="col">種別</th>
                <th scope="col">タイトル</th>
                <th scope="col">参加 / 定員</th>
                <th scope="col">待ち</th>
                <th scope="col">状態</th>
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap" data-label="開始">{formatDateTimeWithWeekday(event.startsAt)}</td>
                  <td data-label="種別">
                    <EventKindBadge kind={event.kind} />
                  </td>
                  <td className="card-table__title">
                    <Link to={`/admin/events/${event.id}`}>{event.title}</Link>
                  </td>
                  <td className="nowrap" data-label="参加 / 定員">
                    {formatNumber(event.registered)} / {event.capacity === null ? '—' : formatNumber(event.capacity)}
                  </td>
                  <td data-label="待ち">{formatNumber(event.waiting)}</td>
                  <td data-label="状態">
                    {event.cancelledAt ? <span className="badge badge--danger">中止</span> : null}{' '}
                    {event.showOnPublicPage ? <span className="badge">公開ページ</span> : null}{' '}
                    {event.summaryPostedAt ? <span className="badge badge--success">まとめ掲載</span> : null}
                  </td>
                  <td className="nowrap" data-label="操作">
                    <Link to={`/admin/events/${event.id}/participants`}>参加者</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">まだ行事はありません。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
