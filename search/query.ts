/** The search URL's parameters (shared by /search and /api/search). Pure. */
import { z } from 'zod'
import { hasRetrievalFilters, occurredRange, RetrievalFiltersSchema } from '#app/modules/cases/retrieval-filters.ts'
import { DOCUMENT_TYPES, type SearchQuery } from './types.ts'

const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined))

// The case-retrieval filters (issue 17) use the same parameters as /cases (app/modules/cases/retrieval-filters.ts).
export const SearchParamsSchema = RetrievalFiltersSchema.extend({
  q: z.string().trim().max(200).catch('').default(''),
  type: z.enum(DOCUMENT_TYPES).optional().catch(undefined),
  jq: optionalText.catch(undefined),
  impact: optionalText.catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  tag: optionalText.catch(undefined),
  sort: z.enum(['relevance', 'newest']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(250).catch(1).default(1),
})

export type SearchParams = z.infer<typeof SearchParamsSchema>

export function parseSearchParams(searchParams: URLSearchParams): SearchParams {
  return SearchParamsSchema.parse(Object.fromEntries(searchParams))
}

export function toSearchQuery(params: SearchParams, pageSize = 20): SearchQuery {
  const range = occurredRange(params)
  return {
    q: params.q,
    filters: {
      type: params.type,
      jqCategory: params.jq,
      impactLevel: params.impact,
      year: params.year,
      tag: params.tag,
      profession: params.profession,
      experience: params.experience,
      factor: params.factor,
      strength: params.strength,
      occurredFrom: range.from,
      occurredTo: range.to,
    },
    sort: params.sort,
    page: params.page,
    pageSize,
  }
}

export const hasFilters = (params: SearchParams) => Boolean(params.type || params.jq || params.impact || params.year || params.tag || hasRetrievalFilters(params))
