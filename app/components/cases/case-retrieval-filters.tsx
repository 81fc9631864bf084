import { FilterSelect } from '#app/components/ui/filters.tsx'
import { COUNTERMEASURE_STRENGTHS, EXPERIENCE_BANDS, FACTOR_ELEMENTS, FACTOR_FRAMEWORKS, type FactorFrameworkCode } from '#app/modules/cases/labels.ts'
import type { OccurredRange, RetrievalFilters } from '#app/modules/cases/retrieval-filters.ts'
import { PROFESSIONS } from '#app/modules/members/labels.ts'

/**
 * The case-retrieval filters of issue 17 (職種, 経験年数, 要因, 対策の強さ, 発生年月の範囲), placed inside the GET
 * form of /cases and of /search. Their own component so a page can wrap them (e.g. behind 「絞り込み」 on phones)
 * without knowing what they are. Plain controls: filtering works without JavaScript and the URL is the state.
 */
export function CaseRetrievalFilters({ values, errors }: { values: RetrievalFilters; errors: OccurredRange['errors'] }) {
  return (
    <>
      <FilterSelect name="profession" label="当事者の職種" value={values.profession} options={Object.entries(PROFESSIONS)} />
      <FilterSelect name="experience" label="当事者の経験年数" value={values.experience} options={Object.entries(EXPERIENCE_BANDS)} />
      <div className="field">
        <label htmlFor="filter-factor">要因</label>
        <select id="filter-factor" name="factor" defaultValue={values.factor ?? ''}>
          <option value="">すべて</option>
          {(Object.keys(FACTOR_ELEMENTS) as FactorFrameworkCode[]).map((framework) => (
            <optgroup key={framework} label={FACTOR_FRAMEWORKS[framework]}>
              {Object.entries(FACTOR_ELEMENTS[framework]).map(([element, label]) => (
                <option key={element} value={`${framework}:${element}`}>
                  {FACTOR_FRAMEWORKS[framework]} {label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <FilterSelect name="strength" label="対策の強さ" value={values.strength} options={Object.entries(COUNTERMEASURE_STRENGTHS)} />
      <MonthField name="from" label="発生年月（から）" value={values.from} error={errors.from} />
      <MonthField name="to" label="発生年月（まで）" value={values.to} error={errors.to} />
    </>
  )
}

/**
 * A month as text rather than `type="month"`: browsers without a month picker show a text box anyway, and a
 * picker empties a value it cannot read — the member's typing must come back with its message instead.
 */
function MonthField({ name, label, value, error }: { name: 'from' | 'to'; label: string; value?: string; error?: string }) {
  const id = `filter-${name}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="例: 2024-04"
        size={10}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="error-list" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** Labels of the case-retrieval facet values on /search (the index stores codes). */
export function retrievalFacetLabel(facet: 'professions' | 'experience' | 'factors' | 'strengths', value: string): string {
  switch (facet) {
    case 'professions':
      return PROFESSIONS[value as keyof typeof PROFESSIONS] ?? value
    case 'experience':
      return EXPERIENCE_BANDS[value as keyof typeof EXPERIENCE_BANDS] ?? value
    case 'strengths':
      return COUNTERMEASURE_STRENGTHS[value as keyof typeof COUNTERMEASURE_STRENGTHS] ?? value
    case 'factors': {
      const [framework, element] = value.split(':') as [FactorFrameworkCode, string]
      const label = FACTOR_ELEMENTS[framework]?.[element]
      return label ? `${FACTOR_FRAMEWORKS[framework]} ${label}` : value
    }
  }
}
