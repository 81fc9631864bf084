import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { TextField } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { AUDIT_ACTIONS, type AuditAction } from '#app/modules/audit/audit-actions.ts'
import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { USER_STATUSES } from '#app/modules/members/labels.ts'
import { changeEmail, getMemberForAdmin } from '#app/modules/members/members.server.ts'
import { EmailSchema } from '#app/modules/members/schemas.ts'

const EmailChangeSchema = z.object({ email: EmailSchema })

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.member.name ?? '会員'} | 管理 | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:manage')
  const found = await getMemberForAdmin(params.id ?? '')
  if (!found) throw new Response('Not found', { status: 404 })
  return found
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'member:manage')
  const submission = parseWithZod(await request.formData(), { schema: EmailChangeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), changed: false }, { status: 400 })
  if (!(await getMemberForAdmin(params.id ?? ''))) throw new Response('Not found', { status: 404 })
  const result = await changeEmail(params.id ?? '', submission.value.email, admin, request)
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { email: [result.message] } }), changed: false }, { status: 400 })
  return { result: submission.reply(), changed: true }
}

export default function AdminMemberDetail() {
  const { member, events } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'change-email',
    lastResult: actionData?.result,
    constraint: getZodConstraint(EmailChangeSchema),
    defaultValue: { email: member.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailChangeSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section>
      <div className="page-header">
        <h1>{member.name}</h1>
        <Link to={`/members/${member.id}`}>公開プロフィールを見る</Link>
      </div>
      <dl className="definition-list card">
        <dt>メールアドレス</dt>
        <dd>{member.email}</dd>
        <dt>所属病院</dt>
        <dd>{member.hospital?.name ?? '—'}</dd>
        <dt>権限</dt>
        <dd>{ROLE_LABELS[member.role]}</dd>
        <dt>状態</dt>
        <dd>{USER_STATUSES[member.status]}</dd>
        <dt>登録日時</dt>
        <dd>{formatDateTime(member.createdAt)}</dd>
      </dl>
      <p className="small">
        権限の変更・停止は <Link to={`/admin/members?q=${encodeURIComponent(member.email)}`}>会員の管理</Link> から行えます。
      </p>

      <h2>メールアドレスの変更</h2>
      <p className="muted small">会員本人からの依頼を確認してから変更してください。変更前のアドレスに通知メールが送られます。</p>
      {actionData?.changed ? (
        <p className="notice notice--success" role="status">
          メールアドレスを変更しました。
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="row" style={{ alignItems: 'flex-end' }}>
        <TextField field={fields.email} label="新しいメールアドレス" type="email" required />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          変更する
        </button>
      </Form>

      <h2>最近の記録</h2>
      {events.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <caption className="visually-hidden">この会員に関する監査ログ（新しい順、30件まで）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">接続元</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td data-label="日時">{formatDateTime(event.createdAt)}</td>
                  <td className="card-table__title">{AUDIT_ACTIONS[event.action as AuditAction] ?? event.action}</td>
                  <td data-label="接続元">{event.ipAddress ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">記録はまだありません。</p>
      )}
      <p>
        <Link to="/admin/audit">監査ログ全体を見る</Link>
      </p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
