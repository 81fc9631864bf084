import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CaseCard } from '#app/components/cases/case-card.tsx'
import { CaseRetrievalFilters } from '#app/components/cases/case-retrieval-filters.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterDisclosure } from '#app/components/ui/filter-disclosure.tsx'
import { FilterActions, FilterSelect, ResultCount } from '#app/components/ui/filters.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { caseFilterOptions, listCases } from '#app/modules/cases/cases.server.ts'
import { CASE_PLACES, CASE_SORTS, IMPACT_LEVELS, JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { CaseFiltersSchema } from '#app/modules/cases/schemas.ts'
import { EXPORT_ROW_CAP } from '#app/modules/cases/export.server.ts'
import { occurredRange } from '#app/modules/cases/retrieval-filters.ts'
import { formatNumber } from '#app/lib/format.ts'

export const meta: MetaFunction = () => [{ title: '事例 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = CaseFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [result, options] = await Promise.all([listCases(filters, user), caseFilterOptions()])
  return { filters, filterErrors: occurredRange(filters).errors, ...result, options, exportCap: EXPORT_ROW_CAP }
}

/** The list's filters as a query string for the export links (without the page: the export starts at the top). */
function exportQuery(filters: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && key !== 'page') params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

const VIEWS = [
  { view: undefined, label: 'すべての事例' },
  { view: 'bookmarked', label: 'ブックマーク' },
  { view: 'mine', label: '自分の投稿（下書きを含む）' },
] as const

export default function CasesIndex() {
  const { filters, filterErrors, items, total, page, pageCount, options, exportCap } = useLoaderData<typeof loader>()
  const query = exportQuery(filters)
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
      <FilterDisclosure defaultOpen={Boolean(filterErrors.from || filterErrors.to)}>
        <Form method="get" className="filters" role="search" aria-label="事例の絞り込み">
          {filters.view ? <input type="hidden" name="view" value={filters.view} /> : null}
          <FilterSelect name="category" label="事象の分類" value={filters.category} options={Object.entries(JQ_CATEGORIES)} />
          <FilterSelect name="level" label="影響度" value={filters.level} options={Object.entries(IMPACT_LEVELS).map(([code, label]) => [code, `レベル${label}`])} />
          <FilterSelect name="place" label="発生場所" value={filters.place} options={Object.entries(CASE_PLACES)} />
          <FilterSelect name="year" label="発生年" value={filters.year} options={options.years.map((year) => [String(year), `${year}年`])} />
          <FilterSelect name="tag" label="タグ" value={filters.tag} options={options.tags.map((tag) => [tag, tag])} />
          <CaseRetrievalFilters values={filters} errors={filterErrors} />
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
      {total > 0 ? <ExportLinks query={query} total={total} cap={exportCap} /> : null}
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

/** Download of the filtered list; drafts are never in the file, even on 「自分の投稿」. */
function ExportLinks({ query, total, cap }: { query: string; total: number; cap: number }) {
  return (
    <p className="row case-export" aria-label="この一覧を出力">
      <a href={`/cases/export.csv${query}`} download className="button button--small">
        CSV で出力
      </a>
      <a href={`/cases/export.xlsx${query}`} download className="button button--small">
        Excel（.xlsx）で出力
      </a>
      <span className="muted small">
        公開中の事例のみ（下書き・非表示は含みません）。匿名の投稿者は「会員」と出力します。
        {total > cap ? `条件に合う${formatNumber(total)}件のうち、先頭の${formatNumber(cap)}件を出力します。` : ''}
      </span>
    </p>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
