import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { CLOSE_DAY, closedMonths, closeMonthNow } from '#app/modules/benchmarks/closes.server.ts'
import { coverage, sendMissingReminders } from '#app/modules/benchmarks/coverage.server.ts'
import { formatPeriod } from '#app/modules/benchmarks/period.ts'

export const meta: MetaFunction = () => [{ title: 'ベンチマーク提出状況 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  await requirePermission(request, 'benchmark:any-hospital')
  const result = await coverage(12)
  const closed = await closedMonths(result.periods[0] ?? result.lastMonth, result.lastMonth)
  return { ...result, closed, closeDay: CLOSE_DAY }
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const user = await requirePermission(request, 'benchmark:any-hospital')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'close') {
    const period = typeof form.get('period') === 'string' ? String(form.get('period')) : ''
    const closedNow = await closeMonthNow({ period, actorId: user.id, request })
    return data({ reminded: null, closedNow }, { status: closedNow.ok ? 200 : 400 })
  }
  if (intent !== 'remind') throw new Response('不明な操作です。', { status: 400 })
  return { reminded: await sendMissingReminders({ actorId: user.id, request }), closedNow: null }
}

export default function AdminBenchmarkCoverage() {
  const { periods, lastMonth, rows, closed, closeDay } = useLoaderData<typeof loader>()
  const openMonths = periods.filter((period) => !closed.includes(period))
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
      <section className="card stack" aria-labelledby="close-title" style={{ marginTop: '1rem' }}>
        <h2 id="close-title">月次締め</h2>
        <p className="small">
          他院との比較は締め済みの月だけから計算します。各月は翌月{closeDay}日に自動で締まり、締めた後の修正は比較に反映されません（締め直しはできません）。
          デモや確認のために前倒しで締めるときは下から選んでください（操作は監査ログに残ります）。
        </p>
        <p className="small">
          直近12か月で締め済み: {closed.length ? closed.map(formatPeriod).join('、') : 'なし'}
        </p>
        {actionData?.closedNow ? (
          actionData.closedNow.ok ? (
            <p className="notice notice--success" role="status">
              {formatPeriod(actionData.closedNow.period)}分を締めました（{actionData.closedNow.hospitals}施設）。
            </p>
          ) : (
            <p className="notice notice--danger" role="alert">
              {actionData.closedNow.message}
            </p>
          )
        ) : null}
        {openMonths.length ? (
          <Form method="post" className="row">
            <div className="field">
              <label htmlFor="close-period">締める月</label>
              <select id="close-period" name="period" defaultValue={openMonths[0]}>
                {openMonths.map((period) => (
                  <option key={period} value={period}>
                    {formatPeriod(period)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="close" className="button" disabled={navigation.state === 'submitting'}>
              今すぐ締める
            </button>
          </Form>
        ) : (
          <p className="small muted">直近12か月はすべて締め済みです。</p>
        )}
      </section>
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
