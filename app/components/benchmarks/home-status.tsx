import { Link } from '@remix-run/react'
import { formatPeriod, type Period } from '#app/modules/benchmarks/period.ts'

/** Last month's figures of the member's hospital: sent, or a link to send them. */
export function BenchmarkHomeStatus({ status }: { status: { period: Period; submitted: boolean } | null }) {
  if (!status) return null
  return (
    <p className={`notice ${status.submitted ? '' : 'notice--warning'}`} style={{ marginBottom: '1.5rem' }}>
      {status.submitted ? (
        <>
          {formatPeriod(status.period)}分のベンチマークデータは提出済みです。<Link to="/benchmarks">同規模病院との比較を見る</Link>
        </>
      ) : (
        <>
          {formatPeriod(status.period)}分のベンチマークデータがまだ提出されていません。{' '}
          <Link to={`/benchmarks/submit?period=${status.period}`}>月次データを入力する</Link>
          （<Link to="/benchmarks/import">CSVで取り込む</Link>）
        </>
      )}
    </p>
  )
}
