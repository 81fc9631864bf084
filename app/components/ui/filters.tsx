import { Link } from '@remix-run/react'
import { formatNumber } from '#app/lib/format.ts'

/**
 * The parts of a list page's GET filter form (cases, practices, events). Plain form controls, so filtering works
 * without JavaScript and the URL is the state.
 */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = 'すべて',
}: {
  name: string
  label: string
  value?: string | number | null
  options: readonly (readonly [string, string])[]
  /** The empty first option; null when a choice is always made (e.g. the sort order). */
  anyLabel?: string | null
}) {
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined || value === null ? '' : String(value)}>
        {anyLabel === null ? null : <option value="">{anyLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  )
}

export function FilterActions({ clearTo }: { clearTo?: string }) {
  return (
    <>
      <button type="submit" className="button button--primary">
        絞り込む
      </button>
      {clearTo ? (
        <Link to={clearTo} className="button button--quiet">
          条件をクリア
        </Link>
      ) : null}
    </>
  )
}

/** 「123件（2 / 7 ページ）」, announced when the filters change the list. */
export function ResultCount({ total, page, pageCount }: { total: number; page: number; pageCount: number }) {
  return (
    <p className="muted" aria-live="polite">
      {formatNumber(total)}件{pageCount > 1 ? `（${formatNumber(page)} / ${formatNumber(pageCount)} ページ）` : ''}
    </p>
  )
}
