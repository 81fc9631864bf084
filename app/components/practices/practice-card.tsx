import { Link } from '@remix-run/react'
import { formatDate, formatNumber } from '#app/lib/format.ts'
import { PRACTICE_THEMES, resultLine, type PracticeThemeCode } from '#app/modules/practices/labels.ts'

export type PracticeCardItem = {
  id: string
  title: string
  problem: string
  theme: PracticeThemeCode
  tags: string[]
  status: 'DRAFT' | 'PUBLISHED'
  hospitalName: string | null
  publishedAt: string | Date | null
  updatedAt: string | Date
  hiddenAt: string | Date | null
  commentCount: number
  adoptionCount: number
  author: { id: string; name: string }
  results: { metric: string; before: string; after: string; unit: string; period: string }[]
}

export function PracticeCard({ item }: { item: PracticeCardItem }) {
  return (
    <article className="card practice-card">
      <h2 className="practice-card__title">
        <Link to={`/practices/${item.id}`}>{item.title}</Link>
      </h2>
      <p className="practice-card__badges">
        <span className="badge badge--primary">{PRACTICE_THEMES[item.theme]}</span>{' '}
        {item.status === 'DRAFT' ? <span className="badge badge--warning">下書き</span> : null}
        {item.hiddenAt ? <span className="badge badge--danger">非表示</span> : null}
      </p>
      <p className="practice-card__problem">{item.problem.length > 140 ? `${item.problem.slice(0, 140)}…` : item.problem}</p>
      {item.results.length ? (
        <ul className="practice-card__results">
          {item.results.map((result, index) => (
            <li key={index}>{resultLine(result)}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted small practice-card__meta">
        <span>導入 {formatNumber(item.adoptionCount)}病院</span> ・ <span>コメント {formatNumber(item.commentCount)}</span> ・{' '}
        <span>
          {item.author.name}
          {item.hospitalName ? `（${item.hospitalName}）` : ''}
        </span>{' '}
        ・ <span>{item.publishedAt ? formatDate(item.publishedAt) : `更新 ${formatDate(item.updatedAt)}`}</span>
        {item.tags.length ? <> ・ {item.tags.map((tag) => `#${tag}`).join(' ')}</> : null}
      </p>
    </article>
  )
}
