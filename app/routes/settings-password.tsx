import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { weakPasswordMessage } from '#app/modules/auth/password-strength.server.ts'
import { changePassword } from '#app/modules/auth/passwords.server.ts'
import { requireSession } from '#app/modules/auth/require.server.ts'
import { ChangePasswordSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: 'パスワード変更 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request)
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema })
  const hidden = ['currentPassword', 'password', 'confirmPassword']
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: hidden }), changed: false }, { status: 400 })
  const weak = await weakPasswordMessage(submission.value.password, [session.user.name, session.user.email])
  if (weak) return data({ result: submission.reply({ fieldErrors: { password: [weak] }, hideFields: hidden }), changed: false }, { status: 400 })
  const result = await changePassword({
    userId: session.user.id,
    currentSessionId: session.id,
    currentPassword: submission.value.currentPassword,
    newPassword: submission.value.password,
    request,
  })
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: hidden }), changed: false }, { status: 400 })
  }
  return { result: submission.reply({ resetForm: true }), changed: true }
}

export default function PasswordSettings() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'change-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ChangePasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="narrow">
      <h1>設定</h1>
      <SettingsNav />
      <h2>パスワード変更</h2>
      <p>変更すると、この端末以外のすべてのログインが終了します。</p>
      {actionData?.changed ? (
        <p className="notice notice--success" role="status">
          パスワードを変更しました。他の端末のログインは終了しました。
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField field={fields.currentPassword} label="現在のパスワード" type="password" autoComplete="current-password" required />
        <TextField field={fields.password} label="新しいパスワード" type="password" autoComplete="new-password" help="12文字以上" required />
        <TextField field={fields.confirmPassword} label="新しいパスワード（確認）" type="password" autoComplete="new-password" required />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          パスワードを変更
        </button>
      </Form>
    </section>
  )
}
