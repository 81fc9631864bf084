import { Link } from '@remix-run/react'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { JQ_CATEGORIES, occurredLabel, type JqCategoryCode } from '#app/modules/cases/labels.ts'

type Props = {
  recent: Array<{ id: string; title: string; jqCategory: JqCategoryCode; occurredYear: number; occurredMonth: number; commentCount: number; author: { name: string } }>
  followed: Array<{ id: string; title: string; lastCommentAt: string | Date; newComments: number }>
}

/** The cases part of /home: followed cases with new comments first, then the latest cases. */
export function CasesHomeSections({ recent, followed }: Props) {
  return (
    <div className="grid grid--fill" style={{ marginBottom: '1.5rem' }}>
      <section className="card" aria-labelledby="followed-cases-title">
        <h2 id="followed-cases-title">フォロー中の事例の新しいコメント</h2>
        {followed.length ? (
          <ul>
            {followed.map((item) => (
              <li key={item.id}>
                <Link to={`/cases/${item.id}#discussion-title`}>{item.title}</Link>{' '}
                <span className="badge badge--primary">新着 {formatNumber(item.newComments)}件</span>{' '}
                <span className="muted small">{formatDateTime(item.lastCommentAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">新しいコメントはありません。事例の「フォローする」で、コメントが付いたときに知らせます。</p>
        )}
      </section>
      <section className="card" aria-labelledby="recent-cases-title">
        <h2 id="recent-cases-title">新着の事例</h2>
        {recent.length ? (
          <ul>
            {recent.map((item) => (
              <li key={item.id}>
                <Link to={`/cases/${item.id}`}>{item.title}</Link>{' '}
                <span className="muted small">
                  {JQ_CATEGORIES[item.jqCategory]} ・ {occurredLabel(item.occurredYear, item.occurredMonth)} ・ {item.author.name}
                  {item.commentCount ? ` ・ コメント${formatNumber(item.commentCount)}件` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">まだ公開された事例はありません。</p>
        )}
        <p className="small">
          <Link to="/cases">事例をすべて見る</Link> ・ <Link to="/cases/new">事例を投稿する</Link>
        </p>
      </section>
    </div>
  )
}
