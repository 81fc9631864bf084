import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, TextareaField } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { COURSES } from '#app/modules/members/labels.ts'
import { decideMembershipChange, getMembershipRequest, MembershipDecisionError } from '#app/modules/members/membership-requests.server.ts'
import { MembershipDecisionSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: '変更依頼の確認 | 管理 | QSO Hub' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:manage')
  const found = await getMembershipRequest(params.id ?? '')
  if (!found) throw new Response('変更依頼が見つかりません。', { status: 404 })
  return { request: found }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'member:manage')
  const submission = parseWithZod(await request.formData(), { schema: MembershipDecisionSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), decided: false }, { status: 400 })
  try {
    await decideMembershipChange(params.id ?? '', submission.value, admin, request)
  } catch (error) {
    if (!(error instanceof MembershipDecisionError)) throw error
    return data({ result: submission.reply({ formErrors: [error.message] }), decided: false }, { status: 409 })
  }
  return { result: submission.reply({ resetForm: true }), decided: true }
}

const course = (value: keyof typeof COURSES | null) => (value ? COURSES[value] : '未設定')
const cohort = (value: number | null) => (value === null ? '未設定' : `${value}期`)
const STATUS_LABELS = { PENDING: '確認待ち', APPROVED: '承認済み', REFUSED: '却下', WITHDRAWN: '本人が取り下げ（新しい依頼あり）' } as const

export default function MembershipRequestDetail() {
  const { request } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'membership-decision',
    lastResult: actionData?.result,
    constraint: getZodConstraint(MembershipDecisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembershipDecisionSchema }),
  })
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/membership-requests">← 変更依頼の一覧</Link>
      </p>
      <h1>{request.user.name} さんの変更依頼</h1>
      <p>
        状態: <strong>{STATUS_LABELS[request.status]}</strong>（依頼: {formatDateTime(request.createdAt)}
        {request.decidedAt ? `、処理: ${formatDateTime(request.decidedAt)} ${request.decidedBy?.name ?? ''}` : ''}）
      </p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">依頼時の登録内容と依頼された内容</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">依頼時</th>
              <th scope="col">依頼された内容</th>
              <th scope="col">現在</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">所属病院</th>
              <td>{request.fromHospital?.name ?? '未設定'}</td>
              <td>{request.toHospital?.name ?? '未設定'}</td>
              <td>{request.user.hospital?.name ?? '未設定'}</td>
            </tr>
            <tr>
              <th scope="row">修了コース</th>
              <td>{course(request.fromCourse)}</td>
              <td>{course(request.toCourse)}</td>
              <td>{course(request.user.course)}</td>
            </tr>
            <tr>
              <th scope="row">期</th>
              <td>{cohort(request.fromCohort)}</td>
              <td>{cohort(request.toCohort)}</td>
              <td>{cohort(request.user.cohort)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2>理由</h2>
      <p style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</p>
      {request.decisionNote ? (
        <>
          <h2>事務局のコメント</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{request.decisionNote}</p>
        </>
      ) : null}
      {actionData?.decided ? (
        <p className="notice notice--success" role="status">
          処理しました。会員にお知らせとメールで伝えました。
        </p>
      ) : null}
      {request.status === 'PENDING' ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <TextareaField field={fields.note} label="会員へのコメント（任意）" rows={3} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
          <div className="row">
            <button type="submit" name="decision" value="approve" className="button button--primary" disabled={navigation.state === 'submitting'}>
              承認して反映する
            </button>
            <button type="submit" name="decision" value="refuse" className="button" disabled={navigation.state === 'submitting'}>
              却下する
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
