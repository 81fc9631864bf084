import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { PasskeyButton } from '#app/components/passkey-button.tsx'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { authenticationOptions, verifyPasskeyAssertion } from '#app/modules/auth/passkeys.server.ts'
import { clearPendingCookie, findPendingSignIn } from '#app/modules/auth/pending-sign-in.server.ts'
import { requireAnonymous, safeRedirectPath } from '#app/modules/auth/require.server.ts'
import { commitSessionCookie } from '#app/modules/auth/session.server.ts'
import { completeSecondFactor, type SecondFactor } from '#app/modules/auth/sign-in.server.ts'
import { hasEnabledTotp } from '#app/modules/auth/totp.server.ts'
import { RecoveryCodeSchema, SecondFactorSchema, TotpCodeSchema } from '#app/modules/auth/two-factor-schemas.ts'

// /login/two-factor: the second step of signing in. Only the pending sign-in cookie set by /login opens it; it is
// not a session, and no other page accepts it.
export const meta: MetaFunction = () => [{ title: '二要素認証 | QSO Hub' }]

const EXPIRED = '/login?expired=1'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const pending = await findPendingSignIn(request)
  if (!pending) throw redirect(EXPIRED, { headers: { 'Set-Cookie': await clearPendingCookie() } })
  const [hasTotp, passkeyOptions] = await Promise.all([hasEnabledTotp(pending.userId), authenticationOptions(pending.userId, 'second-factor')])
  return { hasTotp, passkeyOptions: passkeyOptions ? JSON.stringify(passkeyOptions) : null }
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const pending = await findPendingSignIn(request)
  if (!pending) throw redirect(EXPIRED, { headers: { 'Set-Cookie': await clearPendingCookie() } })
  const submission = parseWithZod(await request.formData(), { schema: SecondFactorSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }), intent: null, message: null, attemptsLeft: null }, { status: 400 })
  }

  const input = submission.value
  const factor: SecondFactor =
    input.intent === 'passkey'
      ? { kind: 'passkey', verified: await verifyPasskeyAssertion(pending.userId, 'second-factor', input.response) }
      : { kind: input.intent, code: input.code }
  const result = await completeSecondFactor(pending, factor, request)
  if (result.status === 'signed-in') {
    const headers = new Headers()
    headers.append('Set-Cookie', await commitSessionCookie(result.token))
    headers.append('Set-Cookie', await clearPendingCookie())
    throw redirect(safeRedirectPath(result.redirectTo), { headers })
  }
  if (result.status === 'expired' || result.attemptsLeft === 0) {
    throw redirect(`${EXPIRED}`, { headers: { 'Set-Cookie': await clearPendingCookie() } })
  }
  const message =
    input.intent === 'passkey'
      ? 'パスキーを確認できませんでした。このアカウントに登録したパスキーを使ってください。'
      : input.intent === 'recovery'
        ? 'リカバリーコードが正しくないか、既に使われています。'
        : '確認コードが正しくないか、既に使われています。認証アプリの最新のコードを入力してください。'
  const reply = input.intent === 'passkey' ? submission.reply({ formErrors: [message] }) : submission.reply({ fieldErrors: { code: [message] }, hideFields: ['code'] })
  return data({ result: reply, intent: input.intent, message, attemptsLeft: result.attemptsLeft }, { status: 401 })
}

export default function TwoFactorSignIn() {
  const { hasTotp, passkeyOptions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const intent = actionData?.intent
  const [totpForm, totpFields] = useForm({
    id: 'second-factor-totp',
    lastResult: intent === 'totp' ? actionData?.result : undefined,
    constraint: getZodConstraint(TotpCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpCodeSchema }),
  })
  const [recoveryForm, recoveryFields] = useForm({
    id: 'second-factor-recovery',
    lastResult: intent === 'recovery' ? actionData?.result : undefined,
    constraint: getZodConstraint(RecoveryCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecoveryCodeSchema }),
  })
  const busy = navigation.state === 'submitting'
  return (
    <section className="narrow">
      <h1>二要素認証</h1>
      <p>パスワードを確認しました。続けて、登録した認証アプリのコードかパスキーで本人確認をしてください（5分以内）。</p>
      {typeof actionData?.attemptsLeft === 'number' ? (
        <p className="notice notice--danger" role="alert">
          あと{actionData.attemptsLeft}回間違えると、パスワードの入力からやり直しになります。
        </p>
      ) : null}
      {intent === 'passkey' && actionData?.message ? <ErrorList errors={[actionData.message]} /> : null}
      {passkeyOptions ? (
        <div className="card stack">
          <h2>パスキーで確認</h2>
          <PasskeyButton mode="authenticate" optionsJson={passkeyOptions} intent="passkey" label="パスキーで確認する" />
        </div>
      ) : null}
      {hasTotp ? (
        <Form method="post" {...getFormProps(totpForm)} className="card stack">
          <h2>認証アプリのコード</h2>
          <input type="hidden" name="intent" value="totp" />
          <TextField field={totpFields.code} label="確認コード（6桁）" autoComplete="one-time-code" required />
          <button type="submit" className="button button--primary" disabled={busy}>
            確認する
          </button>
        </Form>
      ) : null}
      <details>
        <summary>認証アプリもパスキーも使えない場合</summary>
        <Form method="post" {...getFormProps(recoveryForm)} className="stack">
          <input type="hidden" name="intent" value="recovery" />
          <TextField field={recoveryFields.code} label="リカバリーコード" autoComplete="off" help="登録時に控えた10個のコードのうち、未使用のもの（各1回限り）" required />
          <button type="submit" className="button" disabled={busy}>
            リカバリーコードで確認する
          </button>
        </Form>
        <p className="small">リカバリーコードも失った場合は QSO 事務局にお問い合わせください。</p>
      </details>
      <p>
        <Link to="/login">ログイン画面に戻る</Link>
      </p>
    </section>
  )
}
