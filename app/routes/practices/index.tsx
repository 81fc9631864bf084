import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PracticeCard } from '#app/components/practices/practice-card.tsx'
import { FilterActions, FilterSelect, ResultCount } from '#app/components/ui/filters.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { PRACTICE_SORTS, PRACTICE_THEMES } from '#app/modules/practices/labels.ts'
import { listPractices, practiceTags } from '#app/modules/practices/practices.server.ts'
import { PracticeFiltersSchema } from '#app/modules/practices/schemas.ts'

export const meta: MetaFunction = () => [{ title: 'ベストプラクティス | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = PracticeFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [result, tags] = await Promise.all([listPractices(filters, user), practiceTags()])
  return { filters, ...result, tags, moderator: hasPermission(user, 'practice:moderate') }
}

const VIEWS = [
  { view: undefined, label: 'すべてのプラクティス' },
  { view: 'bookmarked', label: 'ブックマーク' },
  { view: 'mine', label: '自分の投稿（下書きを含む）' },
  { view: 'hidden', label: '非表示（事務局）' },
] as const

export default function PracticesIndex() {
  const { filters, items, total, page, pageCount, tags, moderator } = useLoaderData<typeof loader>()
  const base = filters.view ? `/practices?view=${filters.view}` : '/practices'
  return (
    <section>
      <div className="page-header">
        <h1>ベストプラクティス</h1>
        <Link to="/practices/new" className="button button--primary">
          プラクティスを投稿する
        </Link>
      </div>
      <nav className="case-tabs" aria-label="表示するプラクティス">
        {VIEWS.filter((item) => item.view !== 'hidden' || moderator).map((item) => (
          <Link key={item.label} to={item.view ? `/practices?view=${item.view}` : '/practices'} aria-current={filters.view === item.view ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <Form method="get" className="filters" role="search" aria-label="プラクティスの絞り込み">
        {filters.view ? <input type="hidden" name="view" value={filters.view} /> : null}
        <FilterSelect name="theme" label="テーマ" value={filters.theme} options={Object.entries(PRACTICE_THEMES)} />
        <FilterSelect name="tag" label="タグ" value={filters.tag} options={tags.map((tag) => [tag, tag] as const)} />
        <div className="field field--checkbox">
          <label>
            <input type="checkbox" name="measured" value="1" defaultChecked={filters.measured === '1'} /> 測定した結果があるもの
          </label>
        </div>
        <FilterSelect name="sort" label="並び順" value={filters.sort} options={Object.entries(PRACTICE_SORTS)} anyLabel={null} />
        <FilterActions clearTo={base} />
      </Form>
      <ResultCount total={total} page={page} pageCount={pageCount} />
      {items.length ? (
        <ul className="case-list">
          {items.map((item) => (
            <li key={item.id}>
              <PracticeCard item={item} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">
          {filters.view === 'bookmarked'
            ? 'ブックマークしたプラクティスはまだありません。プラクティスのページの「ブックマーク」で追加できます。'
            : filters.view === 'mine'
              ? 'まだプラクティスを投稿していません。'
              : '条件に合うプラクティスはありません。条件を減らしてお試しください。'}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
