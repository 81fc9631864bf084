import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatDateTimeWithWeekday, formatNumber } from '#app/lib/format.ts'
import { readAuditLog } from '#app/modules/audit/audit-log.server.ts'
import { AuditFiltersSchema, auditQuery } from '#app/modules/audit/filters.ts'
import { AUDIT_ACTIONS } from '#app/modules/audit/audit.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'

export const meta: MetaFunction = () => [{ title: '監査ログ | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audit:read')
  const filters = AuditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const log = await readAuditLog(filters)
  return {
    filters,
    total: log.total,
    pageCount: log.pageCount,
    // The labels live in a .server module, so they travel with the data rather than being imported by the page.
    actionOptions: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })),
    events: log.events.map((event) => ({ ...event, label: AUDIT_ACTIONS[event.action as keyof typeof AUDIT_ACTIONS] ?? event.action })),
  }
}

export default function AdminAudit() {
  const { filters, total, pageCount, actionOptions, events } = useLoaderData<typeof loader>()
  const filtered = Boolean(filters.action || filters.from || filters.to || filters.actor)
  return (
    <section>
      <div className="page-header">
        <h1>監査ログ</h1>
        <p className="muted" aria-live="polite">
          {formatNumber(total)}件（新しい順）
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="監査ログの絞り込み">
        <div className="field">
          <label htmlFor="audit-from">期間（から）</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">期間（まで）</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">実行者（氏名・メールの一部）</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={filters.actor ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">操作の種類</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
            <option value="">すべて</option>
            {actionOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          絞り込む
        </button>
        {filtered ? (
          <Link to="/admin/audit" className="button button--quiet">
            条件をクリア
          </Link>
        ) : null}
      </Form>
      <p>
        {/* reloadDocument: a file download, not a page the router should render. */}
        <Link to={`/admin/audit.csv?${auditQuery(filters)}`} reloadDocument className="button button--quiet">
          この条件でCSVを書き出す（Excel用）
        </Link>
      </p>
      {events.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <caption className="visually-hidden">監査ログ（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">できごと</th>
                <th scope="col">詳細</th>
                <th scope="col">接続元</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap" data-label="日時">
                    {formatDateTimeWithWeekday(event.createdAt)}
                  </td>
                  <td className="card-table__title">
                    {event.sentence}
                    {event.targetLink ? (
                      <>
                        {' '}
                        <Link to={event.targetLink} className="small">
                          対象を開く
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td className="small" data-label="詳細">
                    {event.details ?? '—'}
                  </td>
                  <td className="small" data-label="接続元">
                    {[event.browser, event.ipAddress].filter(Boolean).join('・') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">{filters.page > 1 ? 'このページには記録がありません。' : '条件に合う記録はありません。'}</p>
      )}
      <Pagination page={filters.page} pageCount={pageCount} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
