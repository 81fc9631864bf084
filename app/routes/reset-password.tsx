import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { weakPasswordMessage } from '#app/modules/auth/password-strength.server.ts'
import { findUsableReset, resetPassword } from '#app/modules/auth/passwords.server.ts'
import { NewPasswordSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: '新しいパスワードの設定 | QSO Hub' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findUsableReset(params.token ?? '')
  return { usable: !!reset }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: NewPasswordSchema })
  const hidden = ['password', 'confirmPassword']
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: hidden }) }, { status: 400 })
  const weak = await weakPasswordMessage(submission.value.password)
  if (weak) return data({ result: submission.reply({ fieldErrors: { password: [weak] }, hideFields: hidden }) }, { status: 400 })
  const done = await resetPassword(params.token ?? '', submission.value.password, request)
  if (!done) {
    return data({ result: submission.reply({ formErrors: ['このリンクは使えません。もう一度再設定を申し込んでください。'], hideFields: hidden }) }, { status: 410 })
  }
  throw redirect('/login?reset=1')
}

export default function ResetPasswordPage() {
  const { usable } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordSchema }),
    shouldRevalidate: 'onBlur',
  })
  if (!usable) {
    return (
      <section className="narrow">
        <h1>新しいパスワードの設定</h1>
        <p className="notice notice--danger">このリンクは使えません。有効期限（1時間）が過ぎたか、既に使われています。</p>
        <p>
          <Link to="/forgot-password">もう一度再設定を申し込む</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>新しいパスワードの設定</h1>
      <p>設定すると、すべての端末でログアウトされます。新しいパスワードでログインし直してください。</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField field={fields.password} label="新しいパスワード" type="password" autoComplete="new-password" help="12文字以上" required />
        <TextField field={fields.confirmPassword} label="新しいパスワード（確認）" type="password" autoComplete="new-password" required />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          パスワードを再設定
        </button>
      </Form>
    </section>
  )
}
