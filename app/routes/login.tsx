import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { requireAnonymous, safeRedirectPath } from '#app/modules/auth/require.server.ts'
import { commitPendingCookie } from '#app/modules/auth/pending-sign-in.server.ts'
import { commitSessionCookie } from '#app/modules/auth/session.server.ts'
import { signIn } from '#app/modules/auth/sign-in.server.ts'
import { EmailSchema } from '#app/modules/members/schemas.ts'

const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'パスワードを入力してください' }).min(1, 'パスワードを入力してください').max(200),
  redirectTo: z.string().optional(),
})

export const meta: MetaFunction = () => [{ title: 'ログイン | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return null
}

const failureMessages = {
  invalid: 'メールアドレスまたはパスワードが正しくありません。',
  deactivated: 'このアカウントは停止されています。QSO 事務局にお問い合わせください。',
} as const

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const result = await signIn({ email: submission.value.email, password: submission.value.password, request, redirectTo: submission.value.redirectTo ?? null })
  if (result.status === 'second-factor') {
    throw redirect('/login/two-factor', { headers: { 'Set-Cookie': await commitPendingCookie(result.pendingToken) } })
  }
  if (result.status === 'signed-in') {
    throw redirect(safeRedirectPath(submission.value.redirectTo), {
      headers: { 'Set-Cookie': await commitSessionCookie(result.token) },
    })
  }
  const message =
    result.status === 'throttled'
      ? `ログインの失敗が続いたため、一時的に制限しています。${result.minutes}分後にもう一度お試しください。`
      : failureMessages[result.status]
  return data(
    { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
    { status: result.status === 'throttled' ? 429 : 401 },
  )
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="narrow">
      <h1>会員ログイン</h1>
      {searchParams.get('reset') ? (
        <p className="notice notice--success" role="status">
          パスワードを再設定しました。新しいパスワードでログインしてください。
        </p>
      ) : null}
      <p>QSO Hub は QSO プロジェクト修了生のための会員専用サイトです。登録は事務局からの招待制です。</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField field={fields.email} label="メールアドレス" type="email" autoComplete="username" required />
        <TextField field={fields.password} label="パスワード" type="password" autoComplete="current-password" required />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          ログイン
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">パスワードをお忘れの方</Link>
      </p>
    </section>
  )
}
