import { useSearchParams } from '@remix-run/react'
import { useId, useState } from 'react'
import { useHydrated } from '#app/components/use-hydrated.ts'

/**
 * Filters and facets behind a 「絞り込み」 button on phones (≤ 600 px, docs/decisions/0050); on wider screens the
 * button is hidden and the panel always shows. Whatever a list page puts inside (selects, checkboxes, facet
 * links) folds with it, so new filters need no change here. Without JavaScript the panel stays open: a button
 * that cannot open it would hide the filters for good.
 */
export function FilterDisclosure({
  notFilters = NOT_FILTERS,
  label = '絞り込み',
  defaultOpen = false,
  children,
}: {
  /** URL parameters that are not filters (the query, the order, the page, the tab); the rest are counted. */
  notFilters?: readonly string[]
  label?: string
  /** Open from the start on phones too: a message beside a field inside (a month that cannot be read) must show. */
  defaultOpen?: boolean
  children: React.ReactNode
}) {
  const [searchParams] = useSearchParams()
  // Counted from the URL (the list's state), so the button shows how narrowed the list is while folded.
  const activeCount = countFilters(searchParams, notFilters)
  const hydrated = useHydrated()
  const [open, setOpen] = useState(defaultOpen)
  const panelId = useId()
  return (
    <div className="filter-disclosure" data-open={hydrated ? String(open) : undefined}>
      {hydrated ? (
        <button type="button" className="filter-disclosure__button button button--quiet" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
          {label}
          {activeCount ? <span className="badge badge--primary">{activeCount}件の条件</span> : null}
          <span aria-hidden="true">{open ? '▲' : '▼'}</span>
        </button>
      ) : null}
      <div id={panelId} className="filter-disclosure__panel">
        {children}
      </div>
    </div>
  )
}

const NOT_FILTERS = ['q', 'sort', 'page', 'view'] as const

/** The distinct filter parameters with a value in `params`, ignoring `notFilters`. */
export function countFilters(params: URLSearchParams, notFilters: readonly string[]): number {
  const names = new Set<string>()
  for (const [name, value] of params) if (value !== '' && !notFilters.includes(name)) names.add(name)
  return names.size
}
