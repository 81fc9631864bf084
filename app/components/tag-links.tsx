import { Link } from '@remix-run/react'

/** Each tag as a link to its list filtered by that tag (/cases?tag=…, /practices?tag=…). */
export function TagLinks({ tags, listPath }: { tags: readonly string[]; listPath: '/cases' | '/practices' }) {
  return (
    <>
      {tags.map((tag) => (
        <Link key={tag} to={`${listPath}?${new URLSearchParams({ tag })}`} className="case-tag">
          #{tag}
        </Link>
      ))}
    </>
  )
}
