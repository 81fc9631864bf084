import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { TextField } from '#app/components/ui/fields.tsx'
import { requestPasswordReset } from '#app/modules/auth/passwords.server.ts'
import { requireAnonymous } from '#app/modules/auth/require.server.ts'
import { EmailSchema } from '#app/modules/members/schemas.ts'

const ForgotSchema = z.object({ email: EmailSchema })

export const meta: MetaFunction = () => [{ title: 'パスワードの再設定 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
  await requestPasswordReset(submission.value.email, request)
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sent: true }
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ForgotSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
  })
  return (
    <section className="narrow">
      <h1>パスワードの再設定</h1>
      {actionData?.sent ? (
        <p className="notice notice--success" role="status">
          入力されたアドレスが会員として登録されている場合、パスワード再設定用のリンクをお送りしました。リンクの有効期限は1時間です。メールが届かない場合は迷惑メールフォルダもご確認ください。
        </p>
      ) : null}
      <p>登録しているメールアドレスを入力してください。再設定用のリンクをお送りします。</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField field={fields.email} label="メールアドレス" type="email" autoComplete="email" required />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          再設定メールを送る
        </button>
      </Form>
      <p>
        <Link to="/login">ログインへ戻る</Link>
      </p>
    </section>
  )
}
