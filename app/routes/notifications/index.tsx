import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, redirect, useLoaderData } from '@remix-run/react'
import { NotificationLink } from '#app/components/notification-link.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { listNotifications, markNotificationsRead, openNotification } from '#app/modules/notifications/notifications.server.ts'

export const meta: MetaFunction = () => [{ title: '通知 | QSO Hub' }]

const PAGE_SIZE = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1)
  const unreadOnly = url.searchParams.get('unread') === '1'
  const { items, total } = await listNotifications(user.id, { take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE, unreadOnly })
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), unreadOnly }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'open') {
    // Marks one as read, then follows it; the target page checks access itself.
    const url = await openNotification(user.id, String(form.get('id') ?? ''))
    if (!url) throw new Response('Not found', { status: 404 })
    return redirect(url)
  }
  if (intent === 'read-all') {
    await markNotificationsRead(user.id)
    return redirect('/notifications')
  }
  throw new Response('Bad request', { status: 400 })
}

export default function Notifications() {
  const { items, total, page, pageCount, unreadOnly } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>通知</h1>
        <Form method="post">
          <button type="submit" name="intent" value="read-all" className="button button--quiet">
            すべて既読にする
          </button>
        </Form>
      </div>
      <p>
        {unreadOnly ? <Link to="/notifications">すべて表示</Link> : <Link to="?unread=1">未読だけ表示</Link>}
        <span className="muted"> ・ {formatNumber(total)}件</span>
      </p>
      {items.length ? (
        <ul className="notification-list">
          {items.map((item) => (
            <li key={item.id} className={item.readAt ? 'notification' : 'notification notification--unread'}>
              <NotificationLink id={item.id} title={item.title} unread={!item.readAt} />
              <span className="muted small">{formatDateTime(item.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{unreadOnly ? '未読の通知はありません。' : '通知はまだありません。フォローした事例に新しいコメントが付くと、ここに届きます。'}</p>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
