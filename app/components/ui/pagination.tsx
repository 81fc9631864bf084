import { Link, useSearchParams } from '@remix-run/react'
import { formatNumber } from '#app/lib/format.ts'

/** Previous / next links that keep the current filters in the URL and change only `page`. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const [searchParams] = useSearchParams()
  if (pageCount <= 1) return null
  const current = Math.min(page, pageCount)
  const linkTo = (target: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('page', String(target))
    return `?${next}`
  }
  return (
    <nav className="pagination" aria-label="ページ送り">
      {current > 1 ? <Link to={linkTo(current - 1)}>前へ</Link> : null}
      <span>
        {formatNumber(current)} / {formatNumber(pageCount)} ページ
      </span>
      {current < pageCount ? <Link to={linkTo(current + 1)}>次へ</Link> : null}
    </nav>
  )
}
