import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { PasskeyButton } from '#app/components/passkey-button.tsx'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { authenticationOptions, verifyPasskeyAssertion } from '#app/modules/auth/passkeys.server.ts'
import { reauthenticate, type ReauthProof } from '#app/modules/auth/reauth.server.ts'
import { requireSession, safeRedirectPath } from '#app/modules/auth/require.server.ts'
import { hasEnabledTotp } from '#app/modules/auth/totp.server.ts'

// /reauth?redirectTo=…: before role changes, exports and removing a second factor, the signed-in user proves
// again who they are (password, authenticator code or passkey) and goes back to where they were.
export const meta: MetaFunction = () => [{ title: '本人確認 | QSO Hub' }]

const redirectTo = z.string().max(2000).optional()
const PasswordSchema = z.object({ intent: z.literal('password'), redirectTo, password: z.string({ error: 'パスワードを入力してください' }).min(1, 'パスワードを入力してください').max(200) })
const CodeSchema = z.object({ intent: z.literal('totp'), redirectTo, code: z.string({ error: '確認コードを入力してください' }).trim().min(1, '確認コードを入力してください').max(20) })
const PasskeySchema = z.object({ intent: z.literal('passkey'), redirectTo, response: z.string().min(1).max(20_000) })
const ReauthSchema = z.discriminatedUnion('intent', [PasswordSchema, CodeSchema, PasskeySchema])

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  const [hasTotp, passkeyOptions] = await Promise.all([hasEnabledTotp(session.user.id), authenticationOptions(session.user.id, 'reauth')])
  return { hasTotp, passkeyOptions: passkeyOptions ? JSON.stringify(passkeyOptions) : null }
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request)
  const formData = await request.formData()
  // The passkey answer is posted by script without the page's hidden field: the target comes from the URL then.
  const target = safeRedirectPath(String(formData.get('redirectTo') ?? new URL(request.url).searchParams.get('redirectTo') ?? ''))
  const submission = parseWithZod(formData, { schema: ReauthSchema })
  if (submission.status !== 'success') return data({ intent: null, result: submission.reply({ hideFields: ['password', 'code'] }) }, { status: 400 })
  const input = submission.value
  const proof: ReauthProof =
    input.intent === 'password'
      ? { kind: 'password', password: input.password }
      : input.intent === 'totp'
        ? { kind: 'totp', code: input.code }
        : { kind: 'passkey', verified: await verifyPasskeyAssertion(session.user.id, 'reauth', input.response) }
  const result = await reauthenticate(session, proof, request)
  if (result.ok) throw redirect(target)
  const field = input.intent === 'totp' ? 'code' : input.intent
  const reply =
    input.intent === 'passkey'
      ? submission.reply({ formErrors: [result.message] })
      : submission.reply({ fieldErrors: { [field]: [result.message] }, hideFields: ['password', 'code'] })
  return data({ intent: input.intent, result: reply }, { status: 401 })
}

export default function Reauthenticate() {
  const { hasTotp, passkeyOptions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const target = searchParams.get('redirectTo') ?? ''
  const [passwordForm, passwordFields] = useForm({
    id: 'reauth-password',
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
    constraint: getZodConstraint(PasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  })
  const [codeForm, codeFields] = useForm({
    id: 'reauth-code',
    lastResult: actionData?.intent === 'totp' ? actionData.result : undefined,
    constraint: getZodConstraint(CodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  })
  return (
    <section className="narrow">
      <h1>本人確認</h1>
      <p>権限の変更やデータの書き出しの前に、もう一度本人確認をお願いしています（確認後しばらくは不要です）。</p>
      {actionData?.intent === 'passkey' ? <ErrorList errors={actionData.result.error?.[''] ?? null} /> : null}
      {passkeyOptions ? <PasskeyButton mode="authenticate" optionsJson={passkeyOptions} intent="passkey" fields={{ redirectTo: target }} label="パスキーで確認する" /> : null}
      {hasTotp ? (
        <Form method="post" {...getFormProps(codeForm)} className="card stack">
          <input type="hidden" name="intent" value="totp" />
          <input type="hidden" name="redirectTo" value={target} />
          <TextField field={codeFields.code} label="認証アプリの確認コード（6桁）" autoComplete="one-time-code" required />
          <button type="submit" className="button button--primary" disabled={busy}>
            コードで確認する
          </button>
        </Form>
      ) : null}
      <Form method="post" {...getFormProps(passwordForm)} className="card stack">
        <input type="hidden" name="intent" value="password" />
        <input type="hidden" name="redirectTo" value={target} />
        <TextField field={passwordFields.password} label="パスワード" type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={busy}>
          パスワードで確認する
        </button>
      </Form>
    </section>
  )
}
