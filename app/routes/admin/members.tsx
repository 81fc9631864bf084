import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { USER_STATUSES } from '#app/modules/members/labels.ts'
import { AdminActionError, changeRole, listMembersForAdmin, setMemberStatus } from '#app/modules/members/members.server.ts'

export const meta: MetaFunction = () => [{ title: '会員の管理 | 管理 | QSO Hub' }]

const SearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  // Deactivation is a second step: ?confirm=<userId> shows the question, then a POST does it. No JS needed.
  confirm: z.string().max(100).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'member:manage')
  const { q, confirm } = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const members = await listMembersForAdmin(q || undefined)
  const confirming = (confirm && members.find((member) => member.id === confirm && member.id !== admin.id && member.status === 'ACTIVE')) || null
  return { q: q ?? '', members, confirming, currentUserId: admin.id }
}

const UserId = z.string().min(1).max(100)
const MemberActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('role'), userId: UserId, role: z.enum(['MEMBER', 'CONSULTANT', 'ADMIN']) }),
  z.object({ intent: z.literal('deactivate'), userId: UserId }),
  z.object({ intent: z.literal('reactivate'), userId: UserId }),
])

type Notice = { tone: 'success' | 'danger'; message: string }

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'member:manage')
  const parsed = MemberActionSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) {
    const notice: Notice = { tone: 'danger', message: '操作の内容を読み取れませんでした。ページを再読み込みして、もう一度お試しください。' }
    return data({ notice }, { status: 400 })
  }
  const input = parsed.data
  // A role change hands out (or takes away) access to everything: a recent password or second factor first; the
  // re-authentication page brings the admin back to this list to choose again.
  if (input.intent === 'role') await requireFreshSession(request)
  try {
    let message: string
    if (input.intent === 'role') {
      await changeRole(input.userId, input.role, admin, request)
      message = `権限を「${ROLE_LABELS[input.role]}」に変更しました。`
    } else {
      await setMemberStatus(input.userId, input.intent === 'reactivate', admin, request)
      message =
        input.intent === 'reactivate'
          ? 'アカウントを再開しました。会員は再びログインできます。'
          : 'アカウントを停止しました。会員はログアウトされ、ログインできなくなりました。'
    }
    const notice: Notice = { tone: 'success', message }
    return { notice }
  } catch (error) {
    if (!(error instanceof AdminActionError)) throw error
    const notice: Notice = { tone: 'danger', message: error.message }
    return data({ notice }, { status: 400 })
  }
}

export default function AdminMembers() {
  const { q, members, confirming, currentUserId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const listPath = q ? `/admin/members?${new URLSearchParams({ q })}` : '/admin/members'
  const confirmRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])
  return (
    <section>
      <div className="page-header">
        <h1>会員の管理</h1>
        <p className="muted" aria-live="polite">
          {formatNumber(members.length)}名
        </p>
      </div>
      {actionData?.notice ? (
        <p className={`notice notice--${actionData.notice.tone}`} role={actionData.notice.tone === 'danger' ? 'alert' : 'status'}>
          {actionData.notice.message}
        </p>
      ) : null}
      {confirming ? (
        <div className="card stack" style={{ borderColor: 'var(--color-danger)', margin: '1rem 0' }} aria-labelledby="confirm-deactivate">
          <h2 id="confirm-deactivate" ref={confirmRef} tabIndex={-1} style={{ margin: 0 }}>
            アカウントの停止の確認
          </h2>
          <p style={{ margin: '0.5rem 0' }}>
            <strong>{confirming.name}</strong>（{confirming.email}）のアカウントを停止しますか？
            停止すると、この会員はすぐにログアウトされ、再開するまでログインできません。
          </p>
          <Form method="post" action={listPath} className="row">
            <input type="hidden" name="intent" value="deactivate" />
            <input type="hidden" name="userId" value={confirming.id} />
            <button type="submit" className="button button--danger">
              停止する
            </button>
            <Link to={listPath} className="button button--quiet">
              やめる
            </Link>
          </Form>
        </div>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label="会員の検索">
        <div className="field">
          <label htmlFor="admin-members-q">氏名・メールアドレス</label>
          <input id="admin-members-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button button--primary">
          検索
        </button>
        {q ? (
          <Link to="/admin/members" className="button button--quiet">
            条件をクリア
          </Link>
        ) : null}
      </Form>
      {members.length ? (
        <p className="small muted" id="admin-members-order">
          並び順：利用中の会員 → 停止中の会員、それぞれ所属病院名 → 氏名の順（所属病院のない会員は最後）
        </p>
      ) : null}
      {members.length ? (
        <div className="table-wrap">
          <table className="data-table card-table" style={{ minWidth: '60rem' }}>
            <caption className="visually-hidden">会員の一覧{q ? `（「${q}」の検索結果）` : ''}（所属病院名 → 氏名の順）</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">メールアドレス</th>
                <th scope="col">所属病院</th>
                <th scope="col">権限</th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const isSelf = member.id === currentUserId
                const active = member.status === 'ACTIVE'
                return (
                  <tr key={member.id}>
                    <td className="card-table__title">
                      <Link to={`/admin/members/${member.id}`}>{member.name}</Link>
                      {isSelf ? <span className="muted small">（あなた）</span> : null}
                    </td>
                    <td data-label="メールアドレス">{member.email}</td>
                    <td data-label="所属病院">{member.hospital?.name ?? '—'}</td>
                    {/* relative: keeps the visually hidden label inside the scrolling table, not widening the page */}
                    <td style={{ position: 'relative' }} data-label="権限">
                      {isSelf ? (
                        ROLE_LABELS[member.role]
                      ) : (
                        <Form method="post" action={listPath} className="row" style={{ gap: '0.4rem', flexWrap: 'nowrap' }}>
                          <input type="hidden" name="intent" value="role" />
                          <input type="hidden" name="userId" value={member.id} />
                          <label htmlFor={`role-${member.id}`} className="visually-hidden">
                            {member.name}の権限
                          </label>
                          <select id={`role-${member.id}`} name="role" defaultValue={member.role} style={{ padding: '0.2rem 0.4rem' }}>
                            {Object.entries(ROLE_LABELS).map(([value, label]) => (
                              <option key={value} value={value}>
                                {label}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="button button--small">
                            変更
                          </button>
                        </Form>
                      )}
                    </td>
                    <td data-label="状態">
                      <div className="row" style={{ gap: '0.4rem', flexWrap: 'nowrap' }}>
                        <span className={`badge ${active ? 'badge--success' : 'badge--danger'}`}>{USER_STATUSES[member.status]}</span>
                        {isSelf ? null : active ? (
                          <Form method="get">
                            {q ? <input type="hidden" name="q" value={q} /> : null}
                            <input type="hidden" name="confirm" value={member.id} />
                            <button type="submit" className="button button--danger button--small">
                              停止
                            </button>
                          </Form>
                        ) : (
                          <Form method="post" action={listPath}>
                            <input type="hidden" name="intent" value="reactivate" />
                            <input type="hidden" name="userId" value={member.id} />
                            <button type="submit" className="button button--small">
                              再開
                            </button>
                          </Form>
                        )}
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">該当する会員はいません。検索語を変えてお試しください。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
