import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CaseCard } from '#app/components/cases/case-card.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterDisclosure } from '#app/components/ui/filter-disclosure.tsx'
import { FilterActions, FilterSelect, ResultCount } from '#app/components/ui/filters.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { caseFilterOptions, listCases } from '#app/modules/cases/cases.server.ts'
import { CASE_PLACES, CASE_SORTS, IMPACT_LEVELS, JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { CaseFiltersSchema } from '#app/modules/cases/schemas.ts'

export const meta: MetaFunction = () => [{ title: '事例 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = CaseFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [result, options] = await Promise.all([listCases(filters, user), caseFilterOptions()])
  return { filters, ...result, options }
}

const VIEWS = [
  { view: undefined, label: 'すべての事例' },
  { view: 'bookmarked', label: 'ブックマーク' },
  { view: 'mine', label: '自分の投稿（下書きを含む）' },
] as const

export default function CasesIndex() {
  const { filters, items, total, page, pageCount, options } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>事例</h1>
        <Link to="/cases/new" className="button button--primary">
          事例を投稿する
        </Link>
      </div>
      <nav className="case-tabs" aria-label="表示する事例">
        {VIEWS.map((item) => (
          <Link key={item.label} to={item.view ? `/cases?view=${item.view}` : '/cases'} aria-current={filters.view === item.view ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      <FilterDisclosure>
        <Form method="get" className="filters" role="search" aria-label="事例の絞り込み">
          {filters.view ? <input type="hidden" name="view" value={filters.view} /> : null}
          <FilterSelect name="category" label="事象の分類" value={filters.category} options={Object.entries(JQ_CATEGORIES)} />
          <FilterSelect name="level" label="影響度" value={filters.level} options={Object.entries(IMPACT_LEVELS).map(([code, label]) => [code, `レベル${label}`])} />
          <FilterSelect name="place" label="発生場所" value={filters.place} options={Object.entries(CASE_PLACES)} />
          <FilterSelect name="year" label="発生年" value={filters.year} options={options.years.map((year) => [String(year), `${year}年`])} />
          <FilterSelect name="tag" label="タグ" value={filters.tag} options={options.tags.map((tag) => [tag, tag])} />
          <div className="field">
            <label className="case-filter-check">
              <input type="checkbox" name="reviewed" value="1" defaultChecked={filters.reviewed === '1'} /> 検討会で扱った事例
            </label>
          </div>
          <FilterSelect name="sort" label="並び順" value={filters.sort} options={Object.entries(CASE_SORTS)} anyLabel={null} />
          <FilterActions clearTo={filters.view ? `/cases?view=${filters.view}` : '/cases'} />
        </Form>
      </FilterDisclosure>
      <ResultCount total={total} page={page} pageCount={pageCount} />
      {items.length ? (
        <ul className="case-list">
          {items.map((item) => (
            <li key={item.id}>
              <CaseCard item={item} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">
          {filters.view === 'bookmarked'
            ? 'ブックマークした事例はまだありません。事例のページの「ブックマーク」で追加できます。'
            : filters.view === 'mine'
              ? 'まだ事例を投稿していません。'
              : '条件に合う事例はありません。条件を減らしてお試しください。'}
        </p>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
