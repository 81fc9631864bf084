import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { StatusBadge, UrgencyBadge } from '#app/components/consultations/badges.tsx'
import { ResponseCell } from '#app/components/consultations/response-cell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { isDesk } from '#app/modules/consultations/access.server.ts'
import { deskMembers, deskQueue, OnCallError, setOnCall, type DeskFilters } from '#app/modules/consultations/desk.server.ts'
import { STATUS_LABELS, URGENCY_LABELS, URGENCY_TARGET_HOURS } from '#app/modules/consultations/labels.ts'
import { listOwnConsultations } from '#app/modules/consultations/requests.server.ts'

export const meta: MetaFunction = () => [{ title: '危機管理相談 | QSO Hub' }]

const FiltersSchema = z.object({
  view: z.enum(['desk', 'mine']).catch('desk'),
  status: z.enum(['open', 'all', 'SUBMITTED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED']).catch('open'),
  urgency: z.enum(['EMERGENCY', 'URGENT', 'ROUTINE']).optional().catch(undefined),
  assignee: z.enum(['all', 'me', 'unassigned']).catch('all'),
  overdue: z.literal('1').optional().catch(undefined),
})

// Members see their own requests; consultants and admins see the desk (and may switch to their own requests).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const params = FiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const desk = isDesk(user)
  const now = new Date()
  if (desk && params.view === 'desk') {
    const filters: DeskFilters = { status: params.status, urgency: params.urgency, assignee: params.assignee, overdue: !!params.overdue }
    const [queue, members] = await Promise.all([deskQueue(user, filters, now), deskMembers()])
    await recordAudit({ action: 'consultation.list-viewed', actorId: user.id, request, details: { view: 'desk' } })
    return { view: 'desk' as const, filters, queue: queue.items, truncated: queue.truncated, members, now: now.toISOString(), currentUserId: user.id, isAdmin: user.role === 'ADMIN', mine: [] }
  }
  const mine = await listOwnConsultations(user.id)
  await recordAudit({ action: 'consultation.list-viewed', actorId: user.id, request, details: { view: 'mine' } })
  return { view: 'mine' as const, desk, mine, now: now.toISOString() }
}

const OnCallSchema = z.object({ intent: z.literal('on-call'), userId: z.string().min(1).max(64), onCall: z.enum(['true', 'false']) })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultation:desk')
  const parsed = OnCallSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: '操作の内容を読み取れませんでした。ページを再読み込みしてください。' }, { status: 400 })
  try {
    await setOnCall(user, parsed.data.userId, parsed.data.onCall === 'true', request)
  } catch (error) {
    if (error instanceof OnCallError) return data({ error: error.message }, { status: 400 })
    throw error
  }
  return { error: null }
}

export default function Consultations() {
  const loaderData = useLoaderData<typeof loader>()
  return loaderData.view === 'desk' ? <Desk /> : <OwnRequests />
}

function OwnRequests() {
  const loaderData = useLoaderData<typeof loader>()
  const mine = loaderData.view === 'mine' ? loaderData.mine : []
  const desk = loaderData.view === 'mine' && loaderData.desk
  return (
    <section>
      <div className="page-header">
        <h1>危機管理相談</h1>
        <div className="row">
          {desk ? (
            <Link to="/consultations" className="button button--quiet">
              相談デスクへ
            </Link>
          ) : null}
          <Link to="/consultations/new" className="button button--primary">
            相談する
          </Link>
        </div>
      </div>
      <p>
        重大な有害事象（予期しない死亡、報道対応、ご家族との対話など）について、経験のある専門家チームに相談できます。
        相談はあなたとコンサルタント・事務局（管理者）だけが読めます。検索には表示されず、メールには内容を記載しません。
      </p>
      <h2>{desk ? '自分の相談' : 'あなたの相談'}</h2>
      {mine.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <caption className="visually-hidden">あなたの相談の一覧（未完了の相談は緊急度の高い順、同じ緊急度では古い順）</caption>
            <thead>
              <tr>
                <th scope="col">件名</th>
                <th scope="col">緊急度</th>
                <th scope="col">状態</th>
                <th scope="col">送信日時</th>
                <th scope="col">メッセージ</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((item) => (
                <tr key={item.id}>
                  <td data-label="件名" className="card-table__title">
                    <Link to={item.status === 'DRAFT' ? `/consultations/new?draft=${item.id}` : `/consultations/${item.id}`}>
                      {requestTitle(item)}
                    </Link>
                  </td>
                  <td data-label="緊急度">
                    <UrgencyBadge urgency={item.urgency} />
                  </td>
                  <td data-label="状態">
                    <StatusBadge status={item.status} />
                  </td>
                  <td data-label="送信日時">{item.submittedAt ? formatDateTime(item.submittedAt) : `下書き（${formatDateTime(item.updatedAt)} 保存）`}</td>
                  <td data-label="メッセージ">{formatNumber(item._count.messages)}件</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">まだ相談はありません。困ったときは「相談する」からいつでもご連絡ください。</p>
      )}
    </section>
  )
}

function Desk() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (loaderData.view !== 'desk') return null
  const { filters, queue, members, currentUserId, isAdmin, truncated } = loaderData
  const overdueCount = queue.filter((item) => item.clock.overdue).length
  return (
    <section>
      <div className="page-header">
        <h1>相談デスク</h1>
        <div className="row">
          <Link to="/consultations?view=mine" className="button button--quiet">
            自分の相談
          </Link>
          <Link to="/consultations/new" className="button">
            相談する
          </Link>
        </div>
      </div>
      {actionData?.error ? (
        <p className="notice notice--danger" role="alert">
          {actionData.error}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="on-call-title">
        <h2 id="on-call-title">当番</h2>
        <p className="small muted" style={{ margin: 0 }}>
          新しい相談のメールは当番のコンサルタントに届きます。当番が誰もいないときは、すべてのコンサルタントに届きます。
        </p>
        <ul className="on-call-list">
          {members.map((member) => {
            const canChange = member.id === currentUserId || isAdmin
            return (
              <li key={member.id} className="row">
                <span>
                  {member.name}
                  <span className="muted small">（{ROLE_LABELS[member.role]}）</span>
                </span>
                {member.onCall ? <span className="badge badge--success">当番</span> : null}
                {canChange ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="on-call" />
                    <input type="hidden" name="userId" value={member.id} />
                    <input type="hidden" name="onCall" value={member.onCall ? 'false' : 'true'} />
                    <button type="submit" className="button button--small">
                      {member.onCall ? (member.id === currentUserId ? '当番を外れる' : '当番から外す') : member.id === currentUserId ? '当番になる' : '当番にする'}
                    </button>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
        {!members.some((member) => member.onCall) ? <p className="small">現在、当番はいません（新しい相談はすべてのコンサルタントに届きます）。</p> : null}
      </section>

      <h2>相談の一覧</h2>
      <Form method="get" className="filters" aria-label="相談の絞り込み">
        <div className="field">
          <label htmlFor="desk-status">状態</label>
          <select id="desk-status" name="status" defaultValue={filters.status}>
            <option value="open">未完了（受付・対応中・回答済）</option>
            <option value="all">すべて</option>
            {(['SUBMITTED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'] as const).map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="desk-urgency">緊急度</label>
          <select id="desk-urgency" name="urgency" defaultValue={filters.urgency ?? ''}>
            <option value="">すべて</option>
            {(['EMERGENCY', 'URGENT', 'ROUTINE'] as const).map((urgency) => (
              <option key={urgency} value={urgency}>
                {URGENCY_LABELS[urgency]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="desk-assignee">担当</label>
          <select id="desk-assignee" name="assignee" defaultValue={filters.assignee}>
            <option value="all">すべて</option>
            <option value="me">自分が担当</option>
            <option value="unassigned">未割り当て</option>
          </select>
        </div>
        <label className="row" style={{ gap: '0.4rem' }}>
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} />
          目標時間超過のみ
        </label>
        <button type="submit" className="button button--primary">
          絞り込む
        </button>
      </Form>
      <p aria-live="polite" className="muted">
        {formatNumber(queue.length)}件{overdueCount ? `（うち目標時間超過 ${formatNumber(overdueCount)}件）` : ''}
        {truncated ? '。古いものは表示していません。条件で絞り込んでください' : ''}
      </p>
      {queue.length ? (
        <div className="table-wrap">
          <table className="data-table desk-table card-table">
            <caption className="visually-hidden">相談の一覧（緊急度の高い順、同じ緊急度では古い順）</caption>
            <thead>
              <tr>
                <th scope="col">緊急度</th>
                <th scope="col">件名</th>
                <th scope="col">状態</th>
                <th scope="col">相談者</th>
                <th scope="col">受付日時</th>
                <th scope="col">初回回答（目標）</th>
                <th scope="col">担当</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id} className={item.clock.overdue ? 'desk-row--overdue' : undefined}>
                  <td data-label="緊急度">
                    <UrgencyBadge urgency={item.urgency} />
                  </td>
                  <td data-label="件名" className="card-table__title">
                    <Link to={`/consultations/${item.id}`}>{requestTitle(item)}</Link>
                  </td>
                  <td data-label="状態">
                    <StatusBadge status={item.status} />
                  </td>
                  <td data-label="相談者">
                    {item.requester.name}
                    <br />
                    <span className="small muted">{item.hospital?.name ?? '所属病院なし'}</span>
                  </td>
                  <td data-label="受付日時">{formatDateTime(item.submittedAt)}</td>
                  <td data-label="初回回答">
                    <ResponseCell clock={item.clock} targetHours={URGENCY_TARGET_HOURS[item.urgency]} />
                  </td>
                  <td data-label="担当">{item.assignments.length ? item.assignments.map((assignment) => assignment.consultant.name).join('、') : <span className="muted">未割り当て</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">条件に合う相談はありません。</p>
      )}
    </section>
  )
}

/** The subject; requests from before subjects existed fall back to their 判断が必要な事項. */
function requestTitle(item: { subject: string; decisionPending?: string; status: string }): string {
  if (item.subject) return item.subject
  if (item.decisionPending) return truncate(item.decisionPending, 60)
  return item.status === 'DRAFT' ? '（未入力の下書き）' : '（件名なし）'
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
