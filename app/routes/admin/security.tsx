import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { getAuthPolicy, setRequireTwoFactorForAll } from '#app/modules/auth/policy.server.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { twoFactorAdoption } from '#app/modules/auth/two-factor-settings.server.ts'

// /admin/security: whether every member (not only admins and consultants) must use two-factor sign-in.
export const meta: MetaFunction = () => [{ title: 'ログインの安全設定 | 管理 | QSO Hub' }]

const PolicySchema = z.object({ requireTwoFactorForAll: z.enum(['on', 'off']) })

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:manage')
  const [policy, adoption] = await Promise.all([getAuthPolicy(), twoFactorAdoption()])
  return { policy, adoption }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'member:manage')
  const parsed = PolicySchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: '設定を読み取れませんでした。もう一度お試しください。', saved: false }, { status: 400 })
  // Switching it off weakens every member's sign-in: like a role change, it needs a recent proof.
  await requireFreshSession(request)
  await setRequireTwoFactorForAll(parsed.data.requireTwoFactorForAll === 'on', admin, request)
  return { error: null, saved: true }
}

export default function AdminSecurity() {
  const { policy, adoption } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <section className="narrow">
      <h1>ログインの安全設定</h1>
      <p>管理者とコンサルタントは常に二要素認証（認証アプリまたはパスキー）が必須です。</p>
      <p>
        二要素認証を登録済みの会員: {adoption.withSecondFactor}人 / 有効な会員 {adoption.active}人
      </p>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          設定を保存しました。
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="error-list" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="card stack">
        <fieldset>
          <legend>すべての会員に二要素認証を必須にする</legend>
          <label>
            <input type="radio" name="requireTwoFactorForAll" value="on" defaultChecked={policy.requireTwoFactorForAll} /> 必須にする（未登録の会員は次の操作で登録画面に案内されます）
          </label>
          <label>
            <input type="radio" name="requireTwoFactorForAll" value="off" defaultChecked={!policy.requireTwoFactorForAll} /> 会員は任意（管理者・コンサルタントのみ必須）
          </label>
        </fieldset>
        {policy.updatedAt ? <p className="small muted">最終変更: {formatDateTime(policy.updatedAt)}（監査ログに記録されます）</p> : null}
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          保存する
        </button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
