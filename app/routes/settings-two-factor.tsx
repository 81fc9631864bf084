import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { z } from 'zod'
import { PasskeyButton } from '#app/components/passkey-button.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { ErrorList, TextField } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { registerPasskey, removePasskey, renamePasskey } from '#app/modules/auth/passkeys.server.ts'
import { remainingRecoveryCodes } from '#app/modules/auth/recovery-codes.server.ts'
import { requireRecentAuthentication } from '#app/modules/auth/reauth.server.ts'
import { requireSession } from '#app/modules/auth/require.server.ts'
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from '#app/modules/auth/totp.server.ts'
import { regenerateRecoveryCodes, twoFactorOverview, wouldLeaveRequiredUserWithout } from '#app/modules/auth/two-factor-settings.server.ts'
import { PasskeyNameSchema } from '#app/modules/auth/two-factor-schemas.ts'

// /settings/two-factor: the authenticator app (TOTP), passkeys and recovery codes. Admins and consultants are sent
// here until they have a second factor (requireSession lets this page through).
export const meta: MetaFunction = () => [{ title: '二要素認証 | 設定 | QSO Hub' }]

const RETURN_TO = '/settings/two-factor'
const PasskeyId = z.string().min(1).max(1024)
const ConfirmSchema = z.object({ intent: z.literal('totp-confirm'), code: z.string({ error: '確認コードを入力してください' }).trim().min(1, '確認コードを入力してください').max(20) })
const RegisterSchema = z.object({ intent: z.literal('passkey-register'), name: PasskeyNameSchema, response: z.string().min(1).max(20_000) })
const RenameSchema = z.object({ intent: z.literal('passkey-rename'), id: PasskeyId, name: PasskeyNameSchema })
const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('totp-start') }),
  ConfirmSchema,
  z.object({ intent: z.literal('totp-disable') }),
  z.object({ intent: z.literal('recovery-regenerate') }),
  RegisterSchema,
  RenameSchema,
  z.object({ intent: z.literal('passkey-remove'), id: PasskeyId }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request)
  return { ...(await twoFactorOverview(session.user)), hasSecondFactor: session.hasSecondFactor }
}

type ActionResult = { intent: string | null; result: SubmissionResult<string[]>; recoveryCodes: string[] | null; notice: string | null }

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request)
  const user = session.user
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema })
  const reply = (result: Omit<ActionResult, 'result'> & { fieldErrors?: Record<string, string[]>; formErrors?: string[] }, status = 200) =>
    data<ActionResult>(
      {
        intent: result.intent,
        recoveryCodes: result.recoveryCodes,
        notice: result.notice,
        result: submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors, hideFields: ['code', 'response'] }),
      },
      { status },
    )
  if (submission.status !== 'success') return reply({ intent: null, recoveryCodes: null, notice: null }, 400)
  const input = submission.value
  const none = { recoveryCodes: null, notice: null }

  switch (input.intent) {
    case 'totp-start':
      if (!(await startTotpEnrolment(user))) return reply({ intent: input.intent, ...none, formErrors: ['認証アプリは既に登録されています。'] }, 409)
      return reply({ intent: input.intent, ...none })
    case 'totp-confirm': {
      const codes = await confirmTotpEnrolment(user.id, input.code, request)
      if (!codes) return reply({ intent: input.intent, ...none, fieldErrors: { code: ['確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください'] } }, 400)
      return reply({ intent: input.intent, recoveryCodes: codes, notice: '認証アプリを登録しました。' })
    }
    case 'totp-disable':
      requireRecentAuthentication(request, session, RETURN_TO)
      if (await wouldLeaveRequiredUserWithout(user, { totp: true })) {
        return reply({ intent: input.intent, ...none, formErrors: ['二要素認証が必須のため、先にパスキーを登録してから解除してください。'] }, 409)
      }
      await disableTotp(user.id, request)
      return reply({ intent: input.intent, recoveryCodes: null, notice: '認証アプリの登録を解除しました。' })
    case 'recovery-regenerate':
      requireRecentAuthentication(request, session, RETURN_TO)
      return reply({ intent: input.intent, recoveryCodes: await regenerateRecoveryCodes(user.id, request), notice: 'リカバリーコードを新しくしました。以前のコードは使えません。' })
    case 'passkey-register': {
      const result = await registerPasskey(user.id, input.name, input.response, request)
      if (!result.ok) return reply({ intent: input.intent, ...none, fieldErrors: { name: [result.message] } }, 400)
      // Someone whose only factor is a passkey still needs a way back in if the device is lost.
      const codes = (await remainingRecoveryCodes(user.id)) === 0 ? await regenerateRecoveryCodes(user.id, request) : null
      return reply({ intent: input.intent, recoveryCodes: codes, notice: `パスキー「${input.name}」を登録しました。` })
    }
    case 'passkey-rename':
      if (!(await renamePasskey(user.id, input.id, input.name))) throw new Response('パスキーが見つかりません。', { status: 404 })
      return reply({ intent: input.intent, recoveryCodes: null, notice: 'パスキーの名前を変更しました。' })
    case 'passkey-remove':
      requireRecentAuthentication(request, session, RETURN_TO)
      if (await wouldLeaveRequiredUserWithout(user, { passkeyId: input.id })) {
        return reply({ intent: input.intent, ...none, formErrors: ['二要素認証が必須のため、最後の確認手段は削除できません。'] }, 409)
      }
      if (!(await removePasskey(user.id, input.id, request))) throw new Response('パスキーが見つかりません。', { status: 404 })
      return reply({ intent: input.intent, recoveryCodes: null, notice: 'パスキーを削除しました。' })
  }
}

export default function TwoFactorSettings() {
  const overview = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const [passkeyName, setPasskeyName] = useState('')
  const [confirmForm, confirmFields] = useForm({
    id: 'totp-confirm',
    lastResult: actionData?.intent === 'totp-confirm' ? actionData.result : undefined,
    constraint: getZodConstraint(ConfirmSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmSchema }),
  })
  const formErrors = actionData?.result.error?.[''] ?? null
  const registerErrors = actionData?.intent === 'passkey-register' ? (actionData.result.error?.name ?? null) : null
  return (
    <section className="narrow">
      <h1>設定</h1>
      <SettingsNav />
      <h2>二要素認証</h2>
      {overview.required && !overview.hasSecondFactor ? (
        <p className="notice notice--danger" role="alert">
          このアカウントでは二要素認証が必須です。認証アプリかパスキーを登録すると、サイトを利用できるようになります。
        </p>
      ) : null}
      <p>ログインのとき、パスワードに加えて認証アプリのコードかパスキーで本人確認をします。</p>
      {actionData?.notice ? (
        <p className="notice notice--success" role="status">
          {actionData.notice}
        </p>
      ) : null}
      <ErrorList errors={formErrors} />
      {actionData?.recoveryCodes ? (
        <div className="card stack" aria-labelledby="recovery-codes-heading">
          <h3 id="recovery-codes-heading">リカバリーコード（この画面でしか表示されません）</h3>
          <p>認証アプリやパスキーが使えなくなったときに、1つにつき1回だけ使えます。印刷するか、安全な場所に控えてください。</p>
          <ul className="recovery-codes" data-testid="recovery-codes">
            {actionData.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3>認証アプリ（Google Authenticator、Microsoft Authenticator など）</h3>
      {overview.totpEnabledAt ? (
        <div className="stack">
          <p>登録済み（{formatDateTime(overview.totpEnabledAt)}）。リカバリーコードの残り: {overview.recoveryLeft}個</p>
          <Form method="post" className="row">
            <button type="submit" name="intent" value="recovery-regenerate" className="button button--small" disabled={busy}>
              リカバリーコードを作り直す
            </button>
            <button type="submit" name="intent" value="totp-disable" className="button button--small button--danger" disabled={busy}>
              認証アプリの登録を解除
            </button>
          </Form>
        </div>
      ) : overview.pendingEnrolment ? (
        <div className="stack">
          <p>1. 認証アプリで次の QR コードを読み取ってください。読み取れない場合は、下の秘密鍵を手で入力します。</p>
          <div className="qr-code" role="img" aria-label="認証アプリ登録用の QR コード" dangerouslySetInnerHTML={{ __html: overview.pendingEnrolment.qrSvg }} />
          <p>
            秘密鍵: <code data-testid="totp-secret">{overview.pendingEnrolment.secret}</code>
          </p>
          <p>2. アプリに表示された6桁のコードを入力して登録を完了します。</p>
          <Form method="post" {...getFormProps(confirmForm)} className="stack">
            <input type="hidden" name="intent" value="totp-confirm" />
            <TextField field={confirmFields.code} label="確認コード（6桁）" autoComplete="one-time-code" required />
            <button type="submit" className="button button--primary" disabled={busy}>
              登録を完了する
            </button>
          </Form>
        </div>
      ) : (
        <Form method="post">
          <button type="submit" name="intent" value="totp-start" className="button button--primary" disabled={busy}>
            認証アプリを登録する
          </button>
        </Form>
      )}

      <h3>パスキー</h3>
      {overview.passkeys.length ? (
        <ul className="stack">
          {overview.passkeys.map((passkey) => (
            <li key={passkey.id} className="card stack">
              <Form method="post" className="row" style={{ alignItems: 'flex-end' }}>
                <input type="hidden" name="id" value={passkey.id} />
                <div className="field">
                  <label htmlFor={`passkey-name-${passkey.id}`}>名前</label>
                  <input id={`passkey-name-${passkey.id}`} name="name" defaultValue={passkey.name} maxLength={60} required />
                </div>
                <button type="submit" name="intent" value="passkey-rename" className="button button--small" disabled={busy}>
                  名前を変更
                </button>
                <button type="submit" name="intent" value="passkey-remove" className="button button--small button--danger" disabled={busy}>
                  削除
                </button>
              </Form>
              <p className="small muted">
                登録 {formatDateTime(passkey.createdAt)}
                {passkey.lastUsedAt ? `・最終使用 ${formatDateTime(passkey.lastUsedAt)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">登録されたパスキーはありません。</p>
      )}
      <div className="stack">
        <div className="field">
          <label htmlFor="new-passkey-name">新しいパスキーの名前（例: 職場のPC、スマートフォン）</label>
          <input id="new-passkey-name" value={passkeyName} onChange={(event) => setPasskeyName(event.target.value)} maxLength={60} aria-describedby={registerErrors ? 'new-passkey-error' : undefined} />
          <ErrorList id="new-passkey-error" errors={registerErrors} />
        </div>
        <PasskeyButton mode="register" optionsJson={overview.passkeyOptions} intent="passkey-register" fields={{ name: passkeyName }} label="パスキーを登録する" />
      </div>
    </section>
  )
}
