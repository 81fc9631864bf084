import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { MembershipFields, ProfileFields } from '#app/components/profile-fields.tsx'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { weakPasswordMessage } from '#app/modules/auth/password-strength.server.ts'
import { acceptInvite, findUsableInvite } from '#app/modules/auth/invites.server.ts'
import { commitSessionCookie } from '#app/modules/auth/session.server.ts'
import { hospitalOptions } from '#app/modules/members/hospitals.server.ts'
import { JoinSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: '会員登録 | QSO Hub' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const invite = await findUsableInvite(params.token ?? '')
  if (!invite) return { invite: null, hospitals: [] }
  return {
    invite: { email: invite.email, hospitalName: invite.hospital?.name ?? null },
    hospitals: invite.hospital ? [] : await hospitalOptions(),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: JoinSchema })
  const hidden = ['password', 'confirmPassword']
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 })
  const { password, confirmPassword: _confirm, ...profile } = submission.value
  const weak = await weakPasswordMessage(password, [profile.name])
  if (weak) return data({ result: submission.reply({ fieldErrors: { password: [weak] }, hideFields: hidden }) }, { status: 400 })
  const accepted = await acceptInvite({ token: params.token ?? '', profile, password, request })
  if (!accepted) {
    return data(
      { result: submission.reply({ formErrors: ['この招待リンクは使えません。期限切れか、既に使われています。事務局に再送を依頼してください。'], hideFields: hidden }) },
      { status: 410 },
    )
  }
  throw redirect('/home', { headers: { 'Set-Cookie': await commitSessionCookie(accepted.token) } })
}

export default function JoinPage() {
  const { invite, hospitals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'join',
    lastResult: actionData?.result,
    constraint: getZodConstraint(JoinSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JoinSchema }),
    shouldRevalidate: 'onBlur',
  })

  if (!invite) {
    return (
      <section className="narrow">
        <h1>会員登録</h1>
        <p className="notice notice--danger">
          この招待リンクは使えません。有効期限（7日間）が過ぎたか、既に使われたか、取り消されています。
        </p>
        <p>
          お手数ですが QSO 事務局に招待の再送を依頼してください。既に登録済みの方は <Link to="/login">ログイン</Link> してください。
        </p>
      </section>
    )
  }

  return (
    <section className="narrow">
      <h1>会員登録</h1>
      <p>
        <strong>{invite.email}</strong> 宛ての招待です。プロフィールとパスワードを登録してください。
      </p>
      <p className="muted small">
        所属病院・修了コース・期は、ここで申告された内容を事務局が確認してから登録されます（招待で所属病院が指定されている場合を除く）。
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ProfileFields fields={fields}>
          <MembershipFields fields={fields} hospitals={hospitals} hospitalLocked={invite.hospitalName ?? undefined} />
        </ProfileFields>
        <TextField field={fields.password} label="パスワード" type="password" autoComplete="new-password" help="12文字以上" required />
        <TextField field={fields.confirmPassword} label="パスワード（確認）" type="password" autoComplete="new-password" required />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          登録する
        </button>
      </Form>
    </section>
  )
}
