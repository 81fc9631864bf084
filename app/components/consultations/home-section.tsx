import { Link } from '@remix-run/react'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import type { ConsultationStatusCode, UrgencyCode } from '#app/modules/consultations/labels.ts'
import { StatusBadge, UrgencyBadge } from './badges.tsx'

type OwnRequest = { id: string; status: ConsultationStatusCode; urgency: UrgencyCode | null; submittedAt: string | Date | null; updatedAt: string | Date }
type DeskCounts = { open: number; overdue: number; unassigned: number; mine: number }

/** Shown only when there is something to act on: an open request or draft of one's own, or the desk. */
export function ConsultationsHomeSection({ own, desk }: { own: OwnRequest[]; desk: DeskCounts | null }) {
  if (!own.length && !desk) return null
  return (
    <section className="card" aria-labelledby="home-consultations-title" style={{ marginBottom: '1.5rem' }}>
      <h2 id="home-consultations-title">危機管理相談</h2>
      {desk ? (
        <p>
          相談デスク: 未完了 <strong>{formatNumber(desk.open)}</strong>件
          {desk.overdue ? (
            <>
              {' '}
              （<span className="badge badge--danger">目標時間超過 {formatNumber(desk.overdue)}件</span>）
            </>
          ) : null}
          ・未割り当て {formatNumber(desk.unassigned)}件・自分の担当 {formatNumber(desk.mine)}件{' '}
          <Link to="/consultations">相談デスクを開く</Link>
        </p>
      ) : null}
      {own.length ? (
        <>
          <h3 className="small">あなたの相談（未完了・下書き）</h3>
          <ul>
            {own.map((item) => (
              <li key={item.id}>
                <UrgencyBadge urgency={item.urgency} /> <StatusBadge status={item.status} />{' '}
                {/* The time is the link's name: the content stays on its own page, and several open requests
                    must not all read 「相談を開く」 in a screen reader's list of links. */}
                {item.status === 'DRAFT' ? (
                  <Link to={`/consultations/new?draft=${item.id}`}>{formatDateTime(item.updatedAt)} 保存の下書きを続ける</Link>
                ) : (
                  <Link to={`/consultations/${item.id}`}>{formatDateTime(item.submittedAt ?? item.updatedAt)} 受付の相談を開く</Link>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
