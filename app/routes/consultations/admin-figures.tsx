import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { MonthlyChart } from '#app/components/consultations/monthly-chart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { consultationFigures, recordFiguresViewed } from '#app/modules/consultations/desk.server.ts'
import { URGENCY_LABELS, URGENCY_TARGET_LABELS } from '#app/modules/consultations/labels.ts'
import { formatMinutes } from '#app/modules/consultations/timing.ts'

export const meta: MetaFunction = () => [{ title: '危機管理相談の集計 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'consultation:figures')
  const figures = await consultationFigures()
  await recordFiguresViewed(user, request)
  return { figures }
}

const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : '—')
const minutes = (value: number | null) => (value === null ? '—' : formatMinutes(value))

export default function ConsultationFigures() {
  const { figures } = useLoaderData<typeof loader>()
  const urgencies = ['EMERGENCY', 'URGENT', 'ROUTINE'] as const
  return (
    <section className="stack">
      <div className="page-header">
        <h1>危機管理相談の集計</h1>
        <p className="muted">過去12か月（送信日、日本時間）</p>
      </div>
      <ul className="grid" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        <li className="card">
          <h2 className="figure__label">相談件数</h2>
          <p className="figure__value">{formatNumber(figures.total.requests)}件</p>
        </li>
        <li className="card">
          <h2 className="figure__label">初回回答までの時間（中央値）</h2>
          <p className="figure__value">{minutes(figures.total.medianMinutes)}</p>
        </li>
        <li className="card">
          <h2 className="figure__label">目標時間内に回答した割合</h2>
          <p className="figure__value">{percent(figures.total.withinTarget, figures.total.decided)}</p>
          <p className="small muted" style={{ margin: 0 }}>
            {formatNumber(figures.total.withinTarget)} / {formatNumber(figures.total.decided)}件（回答待ちで期限内のものを除く）
          </p>
        </li>
      </ul>

      <div className="table-wrap">
        <table className="data-table">
          <caption>緊急度別の回答状況</caption>
          <thead>
            <tr>
              <th scope="col">緊急度（目標）</th>
              <th scope="col">件数</th>
              <th scope="col">初回回答までの時間（中央値）</th>
              <th scope="col">目標時間内の割合</th>
              <th scope="col">未回答で目標超過</th>
            </tr>
          </thead>
          <tbody>
            {figures.urgencies.map((row) => (
              <tr key={row.urgency}>
                <th scope="row">
                  {URGENCY_LABELS[row.urgency]}（{URGENCY_TARGET_LABELS[row.urgency]}）
                </th>
                <td>{formatNumber(row.requests)}</td>
                <td>
                  {minutes(row.medianMinutes)}
                  <span className="muted small">（回答 {formatNumber(row.responded)}件）</span>
                </td>
                <td>
                  {percent(row.withinTarget, row.decided)}
                  <span className="muted small">
                    （{formatNumber(row.withinTarget)} / {formatNumber(row.decided)}）
                  </span>
                </td>
                <td>{formatNumber(row.overdueWaiting)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>月別・緊急度別の相談件数</h2>
      <MonthlyChart months={figures.months} />
      <div className="table-wrap">
        <table className="data-table">
          <caption>月別・緊急度別の相談件数（表）</caption>
          <thead>
            <tr>
              <th scope="col">月</th>
              {urgencies.map((urgency) => (
                <th scope="col" key={urgency}>
                  {URGENCY_LABELS[urgency]}
                </th>
              ))}
              <th scope="col">計</th>
            </tr>
          </thead>
          <tbody>
            {figures.months.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.month.replace('-', '年').replace(/^(\d+年)0?(\d+)$/, '$1$2月')}</th>
                {urgencies.map((urgency) => (
                  <td key={urgency}>{formatNumber(month[urgency])}</td>
                ))}
                <td>{formatNumber(month.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        初回回答: 相談者への最初の返信（内部メモは含みません）。目標: 緊急2時間・至急24時間・通常3日。相談の内容はこの画面には表示しません。
      </p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
