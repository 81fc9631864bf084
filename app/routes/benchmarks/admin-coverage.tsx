import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { coverage, sendMissingReminders } from '#app/modules/benchmarks/coverage.server.ts'
import { formatPeriod } from '#app/modules/benchmarks/period.ts'

export const meta: MetaFunction = () => [{ title: 'ベンチマーク提出状況 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  await requirePermission(request, 'benchmark:any-hospital')
  return await coverage(12)
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const user = await requirePermission(request, 'benchmark:any-hospital')
  const form = await request.formData()
  if (form.get('intent') !== 'remind') throw new Response('不明な操作です。', { status: 400 })
  return { reminded: await sendMissingReminders({ actorId: user.id, request }) }
}

export default function AdminBenchmarkCoverage() {
  const { periods, lastMonth, rows } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const missing = rows.filter((row) => row.missedLastMonth)
  return (
    <section className="benchmarks">
      <div className="page-header">
        <h1>ベンチマーク提出状況</h1>
      </div>
      <p>
        {formatPeriod(lastMonth)}分が未提出の病院: <strong>{missing.length}</strong> / {rows.length}施設
        （会員のいる病院 {missing.filter((row) => row.members > 0).length}施設）
      </p>
      {actionData?.reminded ? (
        <p className="notice notice--success" role="status">
          {formatPeriod(actionData.reminded.period)}分のリマインドを {actionData.reminded.hospitals}施設の会員 {actionData.reminded.mails}名に送りました。
          {actionData.reminded.withoutMembers.length ? ` 会員のいない病院（${actionData.reminded.withoutMembers.length}施設）には送っていません。` : ''}
        </p>
      ) : null}
      <Form method="post" className="row">
        <button type="submit" name="intent" value="remind" className="button button--primary" disabled={navigation.state === 'submitting' || missing.length === 0}>
          {formatPeriod(lastMonth)}分が未提出の病院にリマインドを送る
        </button>
        <span className="small muted">未提出の病院の有効な会員全員にメールが届きます。</span>
      </Form>
      <div className="table-wrap" style={{ marginTop: '1rem' }}>
        <table className="data-table benchmark-coverage">
          <caption>直近12か月の提出状況（✓ 提出済み、— 未提出）</caption>
          <thead>
            <tr>
              <th scope="col">病院</th>
              <th scope="col">会員</th>
              {periods.map((period) => (
                <th key={period} scope="col" className="nowrap">
                  {period.slice(2).replace('-', '/')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to={`/benchmarks?hospital=${row.id}`}>{row.name}</Link>
                </th>
                <td>{row.members}名</td>
                {periods.map((period) => {
                  const done = row.submitted.includes(period)
                  return (
                    <td key={period} className={done ? 'benchmark-coverage__done' : 'benchmark-coverage__missing'}>
                      {done ? <span aria-label={`${formatPeriod(period)} 提出済み`}>✓</span> : <span aria-label={`${formatPeriod(period)} 未提出`}>—</span>}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
