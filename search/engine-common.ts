/** Pieces both engines share: filter matching, facet counting, paging. Pure. */
import { type FacetCounts, type FacetName, FACETS, type SearchDocument, type SearchFilters, emptyFacets } from './types.ts'

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 50

export function matchesFilters(document: SearchDocument, filters: SearchFilters = {}): boolean {
  if (filters.type && document.type !== filters.type) return false
  if (filters.jqCategory && document.jqCategory !== filters.jqCategory) return false
  if (filters.impactLevel && document.impactLevel !== filters.impactLevel) return false
  if (filters.year && document.year !== filters.year) return false
  if (filters.tag && !document.tags.includes(filters.tag)) return false
  return matchesCaseFilters(document, filters)
}

/** Case retrieval filters (issue 17); profession and experience together must be one person (`staff`). */
function matchesCaseFilters(document: SearchDocument, filters: SearchFilters): boolean {
  if (filters.profession && filters.experience) {
    if (!document.staff.includes(`${filters.profession}:${filters.experience}`)) return false
  } else if (filters.profession && !document.professions.includes(filters.profession)) return false
  else if (filters.experience && !document.experience.includes(filters.experience)) return false
  if (filters.factor && !document.factors.includes(filters.factor)) return false
  if (filters.strength && !document.strengths.includes(filters.strength)) return false
  if (filters.occurredFrom !== undefined && (document.occurred === null || document.occurred < filters.occurredFrom)) return false
  if (filters.occurredTo !== undefined && (document.occurred === null || document.occurred > filters.occurredTo)) return false
  return true
}

function facetValues(document: SearchDocument, facet: FacetName): string[] {
  switch (facet) {
    case 'tags':
    case 'professions':
    case 'experience':
    case 'factors':
    case 'strengths':
      return document[facet]
    case 'year':
      return document.year === null ? [] : [String(document.year)]
    case 'type':
      return [document.type]
    default: {
      const value = document[facet]
      return value === null ? [] : [value]
    }
  }
}

/** Counts per facet value, most frequent first (years newest first). */
export function countFacets(documents: Iterable<SearchDocument>): FacetCounts {
  const counts = new Map<FacetName, Map<string, number>>(FACETS.map((facet) => [facet, new Map()]))
  for (const document of documents) {
    for (const facet of FACETS) {
      const map = counts.get(facet)
      if (!map) continue
      for (const value of facetValues(document, facet)) map.set(value, (map.get(value) ?? 0) + 1)
    }
  }
  return sortFacets(Object.fromEntries(FACETS.map((facet) => [facet, Object.fromEntries(counts.get(facet) ?? [])])) as Record<FacetName, Record<string, number>>)
}

/** From `{ facet: { value: count } }` (Meilisearch's facetDistribution shape) to sorted lists. */
export function sortFacets(distribution: Partial<Record<FacetName, Record<string, number>>>): FacetCounts {
  const facets = emptyFacets()
  for (const facet of FACETS) {
    const entries = Object.entries(distribution[facet] ?? {}).map(([value, count]) => ({ value, count }))
    entries.sort((a, b) => (facet === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value, 'ja')))
    facets[facet] = entries
  }
  return facets
}

export function pageWindow(page = 1, pageSize = DEFAULT_PAGE_SIZE) {
  const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE)
  const current = Math.max(1, Math.floor(page))
  return { offset: (current - 1) * size, limit: size }
}
