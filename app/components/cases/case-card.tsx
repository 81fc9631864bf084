import { Link } from '@remix-run/react'
import { formatDate, formatNumber } from '#app/lib/format.ts'
import { CASE_PLACES, IMPACT_LEVELS, isSeriousImpact, JQ_CATEGORIES, occurredLabel, type CasePlaceCode, type ImpactLevelCode, type JqCategoryCode } from '#app/modules/cases/labels.ts'
import { TagLinks } from '#app/components/tag-links.tsx'

export type CaseCardItem = {
  id: string
  title: string
  summary: string
  impactLevel: ImpactLevelCode
  jqCategory: JqCategoryCode
  place: CasePlaceCode
  occurredYear: number
  occurredMonth: number
  status: 'DRAFT' | 'PUBLISHED'
  tags: string[]
  commentCount: number
  reviewedAtMeeting: string | Date | null
  // events: the latest case-review meeting that discussed the case (summary posted)
  meeting?: { id: string; title: string; startsAt: string | Date } | null
  hiddenAt: string | Date | null
  author: { name: string; hospitalName: string | null }
}

export function ImpactBadge({ level }: { level: ImpactLevelCode }) {
  return <span className={`badge ${isSeriousImpact(level) ? 'badge--danger' : 'badge--primary'}`}>影響度 {IMPACT_LEVELS[level]}</span>
}

export function CaseCard({ item }: { item: CaseCardItem }) {
  const reviewedOn = item.reviewedAtMeeting ?? item.meeting?.startsAt ?? null
  return (
    <article className="card case-card">
      <h2 className="case-card__title">
        <Link to={`/cases/${item.id}`}>{item.title}</Link>
      </h2>
      <p className="case-card__badges">
        {item.status === 'DRAFT' ? <span className="badge badge--warning">下書き</span> : null}
        {item.hiddenAt ? <span className="badge badge--danger">非表示</span> : null}
        <ImpactBadge level={item.impactLevel} /> <span className="badge">{JQ_CATEGORIES[item.jqCategory]}</span>{' '}
        <span className="badge">{CASE_PLACES[item.place]}</span>
        {reviewedOn ? <span className="badge badge--success">検討会で扱った</span> : null}
      </p>
      <p className="case-card__summary">{item.summary}</p>
      <p className="muted small" style={{ margin: 0 }}>
        {occurredLabel(item.occurredYear, item.occurredMonth)} ・ {item.author.name}
        {item.author.hospitalName ? `（${item.author.hospitalName}）` : ''} ・ コメント {formatNumber(item.commentCount)}件
        {reviewedOn ? ` ・ 検討会 ${formatDate(reviewedOn)}` : ''}
        {item.tags.length ? ' ・ ' : ''}
        <TagLinks tags={item.tags} listPath="/cases" />
      </p>
    </article>
  )
}
