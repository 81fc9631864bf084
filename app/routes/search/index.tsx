import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { CaseRetrievalFilters, retrievalFacetLabel } from '#app/components/cases/case-retrieval-filters.tsx'
import { HighlightedText } from '#app/components/highlighted.tsx'
import { FilterDisclosure } from '#app/components/ui/filter-disclosure.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatDate, formatNumber } from '#app/lib/format.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { occurredRange } from '#app/modules/cases/retrieval-filters.ts'
import { hasFilters, parseSearchParams, toSearchQuery } from '#search/query.ts'
import { searchForMember, type MemberSearchResult } from '#search/search.server.ts'
import { DOCUMENT_TYPE_LABELS, type DocumentType, type FacetName } from '#search/types.ts'

export const meta: MetaFunction = () => [{ title: '検索 | QSO Hub' }]

const PAGE_SIZE = 20

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:read')
  const params = parseSearchParams(new URL(request.url).searchParams)
  const filterErrors = occurredRange(params).errors
  if (!params.q && !hasFilters(params)) return { params, filterErrors, result: null, unavailable: false }
  try {
    const result: MemberSearchResult = await searchForMember(toSearchQuery(params, PAGE_SIZE))
    return { params, filterErrors, result, unavailable: false }
  } catch (error) {
    log.warn({ component: 'search', error: describeError(error) }, 'search failed')
    return { params, filterErrors, result: null, unavailable: true }
  }
}

// URL parameter of each facet, and how its values read.
const FACET_PARAMS: { facet: FacetName; param: string; label: string; display?: (value: string) => string }[] = [
  { facet: 'type', param: 'type', label: '種類', display: (value) => DOCUMENT_TYPE_LABELS[value as DocumentType] ?? value },
  { facet: 'jqCategory', param: 'jq', label: '事故の概要（JQ分類）' },
  { facet: 'impactLevel', param: 'impact', label: '影響度' },
  { facet: 'year', param: 'year', label: '発生年', display: (value) => `${value}年` },
  { facet: 'tags', param: 'tag', label: 'タグ' },
  // Case retrieval (issue 17): the index holds codes, shown with the case pages' labels.
  { facet: 'professions', param: 'profession', label: '当事者の職種', display: (value) => retrievalFacetLabel('professions', value) },
  { facet: 'experience', param: 'experience', label: '当事者の経験年数', display: (value) => retrievalFacetLabel('experience', value) },
  { facet: 'factors', param: 'factor', label: '要因', display: (value) => retrievalFacetLabel('factors', value) },
  { facet: 'strengths', param: 'strength', label: '対策の強さ', display: (value) => retrievalFacetLabel('strengths', value) },
]

/** Facets whose value rides in hidden inputs of the search form; the retrieval filters have fields of their own. */
const HIDDEN_PARAMS = new Set(['type', 'jq', 'impact', 'year', 'tag'])
// 「詳しい条件」 counts only the case-retrieval fields it holds; the facets beside the results count the rest.
const NOT_RETRIEVAL_FILTERS = ['q', 'sort', 'page', 'view', ...HIDDEN_PARAMS]

type Params = Awaited<ReturnType<typeof loader>>['params']

function paramValue(params: Params, param: string): string | number | undefined {
  switch (param) {
    case 'jq':
      return params.jq
    case 'impact':
      return params.impact
    case 'year':
      return params.year
    case 'tag':
      return params.tag
    case 'type':
      return params.type
    case 'profession':
      return params.profession
    case 'experience':
      return params.experience
    case 'factor':
      return params.factor
    case 'strength':
      return params.strength
    case 'from':
      return params.from
    case 'to':
      return params.to
    default:
      return undefined
  }
}

// The month range has no facet; its chips read 「発生年月（から）：2024-04」.
const RANGE_CHIPS: { param: string; label: string; display?: (value: string) => string }[] = [
  { param: 'from', label: '発生年月（から）' },
  { param: 'to', label: '発生年月（まで）' },
]

const EXAMPLES = ['転倒 夜間', 'インスリン', '患者誤認', '与薬エラー', '自己抜去']

function useLinkWith() {
  const [searchParams] = useSearchParams()
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams)
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key)
      else next.set(key, value)
    }
    next.delete('page')
    return `/search?${next}`
  }
}

export default function SearchPage() {
  const { params, filterErrors, result, unavailable } = useLoaderData<typeof loader>()
  const linkWith = useLinkWith()
  const active = [...FACET_PARAMS, ...RANGE_CHIPS].flatMap((entry) => {
    const value = paramValue(params, entry.param)
    const display = entry.display
    return value === undefined ? [] : [{ param: entry.param, label: entry.label, text: display ? display(String(value)) : String(value) }]
  })
  const pageCount = result ? Math.ceil(result.total / PAGE_SIZE) : 0

  return (
    <section className="search-page">
      <div className="page-header">
        <h1>検索</h1>
        {result ? (
          <p className="muted" aria-live="polite">
            {formatNumber(result.total)}件
          </p>
        ) : null}
      </div>
      <Form method="get" action="/search" className="filters" role="search" aria-label="事例・ベストプラクティス・コメントを検索">
        <div className="field search-page__query">
          <label htmlFor="search-q">キーワード</label>
          <input id="search-q" name="q" type="search" defaultValue={params.q} placeholder="例：転倒 夜間、インスリン" />
        </div>
        <div className="field">
          <label htmlFor="search-sort">並び順</label>
          <select id="search-sort" name="sort" defaultValue={params.sort}>
            <option value="relevance">関連度順</option>
            <option value="newest">新しい順</option>
          </select>
        </div>
        {active
          .filter(({ param }) => HIDDEN_PARAMS.has(param))
          .map(({ param }) => (
            <input key={param} type="hidden" name={param} value={String(paramValue(params, param))} />
          ))}
        <FilterDisclosure label="詳しい条件" notFilters={NOT_RETRIEVAL_FILTERS} defaultOpen={Boolean(filterErrors.from || filterErrors.to)}>
          <CaseRetrievalFilters values={params} errors={filterErrors} />
        </FilterDisclosure>
        <button type="submit" className="button button--primary">
          検索
        </button>
      </Form>

      {active.length ? (
        <ul className="search-page__active" aria-label="絞り込み中の条件">
          {active.map(({ param, label, text }) => (
            <li key={param}>
              <Link to={linkWith({ [param]: null })} className="badge badge--primary" aria-label={`${label}「${text}」の絞り込みを解除`}>
                {label}：{text} ×
              </Link>
            </li>
          ))}
          <li>
            <Link to={`/search?${new URLSearchParams(params.q ? { q: params.q } : {})}`}>すべて解除</Link>
          </li>
        </ul>
      ) : null}

      {unavailable ? (
        <p className="notice notice--danger" role="alert">
          検索が一時的に利用できません。しばらくしてからもう一度お試しください。事例は<Link to="/cases">事例一覧</Link>からも探せます。
        </p>
      ) : !result ? (
        <div className="card search-page__empty">
          <h2>事例・ベストプラクティス・コメントをまとめて探せます</h2>
          <p>キーワードを入力してください。ひらがな・カタカナ・半角の違いや、「転倒」と「転落」のような言い換えも見つけます。</p>
          <p>例：</p>
          <ul className="row search-page__examples">
            {EXAMPLES.map((example) => (
              <li key={example}>
                <Link to={`/search?${new URLSearchParams({ q: example })}`}>{example}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : result.total === 0 ? (
        <div className="card search-page__empty">
          <h2>「{params.q}」に一致する結果はありません</h2>
          <ul>
            <li>言葉を減らすか、別の言い方（例：「誤薬」→「与薬」）でお試しください。</li>
            {active.length ? (
              <li>
                絞り込み条件を<Link to={`/search?${new URLSearchParams({ q: params.q })}`}>解除して検索</Link>してみてください。
              </li>
            ) : null}
            <li>
              <Link to="/cases">事例一覧</Link>から分類や影響度で探すこともできます。
            </li>
          </ul>
        </div>
      ) : (
        <div className="search-page__layout">
          <FilterDisclosure>
            <aside className="search-page__facets" aria-label="絞り込み">
              {FACET_PARAMS.map(({ facet, param, label, display }) => {
                const values = result.facets[facet]
                if (!values.length) return null
                return (
                  <section key={facet}>
                    <h2 className="h3">{label}</h2>
                    <ul>
                      {values.slice(0, 12).map(({ value, count }) => (
                        <li key={value}>
                          <Link to={linkWith({ [param]: value })}>
                            {display ? display(value) : value} <span className="muted">({formatNumber(count)})</span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </section>
                )
              })}
            </aside>
          </FilterDisclosure>
          <div>
            <ol className="search-results" start={(params.page - 1) * PAGE_SIZE + 1}>
              {result.hits.map((hit) => (
                <li key={hit.key} className="card search-result">
                  <p className="search-result__meta">
                    <span className="badge badge--primary">{hit.typeLabel}</span>
                    {hit.jqCategory ? <span className="badge">{hit.jqCategory}</span> : null}
                    {hit.impactLevel ? <span className="badge">{hit.impactLevel}</span> : null}
                    <span className="muted small">{formatDate(hit.publishedAt)}</span>
                  </p>
                  <h2 className="search-result__title">
                    <Link to={hit.url}>
                      <HighlightedText value={hit.title} />
                    </Link>
                  </h2>
                  <p className="search-result__snippet">
                    <HighlightedText value={hit.snippet} />
                  </p>
                  {hit.tags.length ? (
                    <p className="search-result__tags small">
                      {hit.tags.map((tag) => (
                        <Link key={tag} to={linkWith({ tag })} className="badge">
                          #{tag}
                        </Link>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            <Pagination page={params.page} pageCount={pageCount} />
          </div>
        </div>
      )}
    </section>
  )
}
