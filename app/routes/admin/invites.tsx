import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, SelectField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { createInvite, InviteError, listInvites, revokeInvite, type InviteStatus } from '#app/modules/auth/invites.server.ts'
import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { hospitalOptions } from '#app/modules/members/hospitals.server.ts'
import { InviteSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: '招待 | 管理 | QSO Hub' }]

// listInvites already drops tokenHash; nothing here ever reads or returns a token.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'invite:manage')
  const [invites, hospitals] = await Promise.all([listInvites(), hospitalOptions()])
  return { invites, hospitals }
}

type Notice = { tone: 'success' | 'danger'; message: string }

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'invite:manage')
  const formData = await request.formData()
  const intent = formData.get('intent')

  if (intent === 'revoke') {
    const inviteId = formData.get('inviteId')
    if (typeof inviteId !== 'string' || !inviteId) throw new Response('取り消す招待が指定されていません。', { status: 400 })
    const revoked = await revokeInvite(inviteId, admin, request)
    const notice: Notice = revoked
      ? { tone: 'success', message: '招待を取り消しました。この招待のリンクはもう使えません。' }
      : { tone: 'danger', message: 'この招待は登録済み・取り消し済みか、見つからないため取り消せませんでした。' }
    return { result: null, notice }
  }
  if (intent !== 'create') throw new Response('不明な操作です。ページを再読み込みしてください。', { status: 400 })

  const submission = parseWithZod(formData, { schema: InviteSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  try {
    await createInvite({ ...submission.value, invitedBy: admin, request })
  } catch (error) {
    if (!(error instanceof InviteError)) throw error
    const result = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] })
    return data({ result, notice: null }, { status: 400 })
  }
  const notice: Notice = { tone: 'success', message: `${submission.value.email} 宛てに招待メールを送信しました。` }
  return { result: submission.reply({ resetForm: true }), notice }
}

const STATUS_BADGES: Record<InviteStatus, { label: string; className: string }> = {
  pending: { label: '招待中', className: 'badge badge--primary' },
  accepted: { label: '登録済', className: 'badge badge--success' },
  revoked: { label: '取り消し', className: 'badge badge--danger' },
  expired: { label: '期限切れ', className: 'badge' },
}

export default function AdminInvites() {
  const { invites, hospitals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const creating = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'create'
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    // hospitalId '' so that the reset after a successful invite selects the placeholder, not a blank option.
    defaultValue: { role: 'MEMBER', hospitalId: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section>
      <div className="page-header">
        <h1>招待</h1>
      </div>
      {actionData?.notice ? (
        <p className={`notice notice--${actionData.notice.tone}`} role={actionData.notice.tone === 'danger' ? 'alert' : 'status'}>
          {actionData.notice.message}
        </p>
      ) : null}
      <div className="card" style={{ marginTop: '1rem' }}>
        <h2>新しい会員を招待する</h2>
        <p className="muted small">招待メールのリンクは7日間有効です。同じアドレスへの未使用の招待は、新しい招待で置き換わります。</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="create" />
          <div className="form-grid">
            <TextField field={fields.email} label="メールアドレス" type="email" autoComplete="off" required />
            <SelectField field={fields.role} label="権限" options={toOptions(ROLE_LABELS)} required />
            <SelectField
              field={fields.hospitalId}
              label="所属病院"
              options={hospitals.map((hospital) => ({ value: hospital.id, label: `${hospital.name}（${hospital.prefecture}）` }))}
              placeholder="指定しない（本人が選ぶ）"
            />
          </div>
          <ErrorList id={form.errorId} errors={form.errors} />
          <button type="submit" className="button button--primary" disabled={creating}>
            招待を送る
          </button>
        </Form>
      </div>
      <h2>招待の一覧</h2>
      {invites.length ? (
        <div className="table-wrap">
          <table className="data-table card-table" style={{ minWidth: '56rem' }}>
            <caption className="visually-hidden">招待の一覧（新しい順、最大200件）</caption>
            <thead>
              <tr>
                <th scope="col">メールアドレス</th>
                <th scope="col">権限</th>
                <th scope="col">所属病院</th>
                <th scope="col">招待した人</th>
                <th scope="col">招待日時</th>
                <th scope="col">有効期限</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const badge = STATUS_BADGES[invite.status]
                return (
                  <tr key={invite.id}>
                    <td className="card-table__title">{invite.email}</td>
                    <td className="nowrap" data-label="権限">{ROLE_LABELS[invite.role]}</td>
                    <td data-label="所属病院">{invite.hospital?.name ?? '—'}</td>
                    <td className="nowrap" data-label="招待した人">{invite.invitedBy.name}</td>
                    <td className="nowrap" data-label="招待日時">{formatDateTime(invite.createdAt)}</td>
                    <td className="nowrap" data-label="有効期限">{formatDateTime(invite.expiresAt)}</td>
                    <td className="nowrap" data-label="状態">
                      <span className={badge.className}>{badge.label}</span>
                    </td>
                    <td className="nowrap" data-label="操作">
                      {invite.status === 'pending' ? (
                        <Form method="post" style={{ margin: 0 }}>
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="inviteId" value={invite.id} />
                          <button type="submit" className="button button--danger button--small">
                            取り消す
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">まだ招待はありません。上のフォームから会員を招待できます。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
