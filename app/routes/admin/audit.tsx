import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { readAuditLog } from '#app/modules/audit/audit-log.server.ts'
import { AUDIT_ACTIONS, type AuditAction } from '#app/modules/audit/audit.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'

export const meta: MetaFunction = () => [{ title: '監査ログ | 管理 | QSO Hub' }]

const AuditFiltersSchema = z.object({
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})

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
    events: log.events.map((event) => ({
      ...event,
      label: event.action in AUDIT_ACTIONS ? AUDIT_ACTIONS[event.action as AuditAction] : event.action,
    })),
  }
}

const TARGET_LABELS: Record<string, string> = { user: '会員', invite: '招待', hospital: '病院', email: 'メール' }

function Target({ type, id }: { type: string | null; id: string | null }) {
  if (!type || !id) return <>—</>
  const label = TARGET_LABELS[type] ?? type
  if (type === 'user') return <>{label} <Link to={`/members/${id}`}>{id}</Link></>
  if (type === 'hospital') return <>{label} <Link to={`/admin/hospitals/${id}`}>{id}</Link></>
  return (
    <>
      {label} {id}
    </>
  )
}

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

export default function AdminAudit() {
  const { filters, total, pageCount, actionOptions, events } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>監査ログ</h1>
        <p className="muted" aria-live="polite">
          {formatNumber(total)}件
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="監査ログの絞り込み">
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
        {filters.action ? (
          <Link to="/admin/audit" className="button button--quiet">
            条件をクリア
          </Link>
        ) : null}
      </Form>
      {events.length ? (
        <div className="table-wrap">
          <table className="data-table" style={{ minWidth: '64rem' }}>
            <caption className="visually-hidden">監査ログ（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">実行者</th>
                <th scope="col">対象</th>
                <th scope="col">接続元</th>
                <th scope="col">詳細</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td className="nowrap">{formatDateTime(event.createdAt)}</td>
                  <td className="nowrap">{event.label}</td>
                  <td>
                    {event.actor ? (
                      <>
                        {event.actor.name}
                        <br />
                        <span className="muted small">{event.actor.email}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="small" style={{ overflowWrap: 'anywhere', maxWidth: '14rem' }}>
                    <Target type={event.targetType} id={event.targetId} />
                  </td>
                  <td className="small">
                    {event.ipAddress ?? '—'}
                    {event.userAgent ? (
                      <>
                        <br />
                        <span className="muted" title={event.userAgent}>
                          {shorten(event.userAgent, 40)}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="small" style={{ overflowWrap: 'anywhere', maxWidth: '18rem' }}>
                    {event.details == null ? (
                      '—'
                    ) : (
                      <code>{JSON.stringify(event.details)}</code>
                    )}
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
