/** The search subsystem's vocabulary, shared by both engines, the worker, the mappers and the routes. */

export const DOCUMENT_TYPES = ['case', 'practice', 'comment'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = { case: '事例', practice: 'ベストプラクティス', comment: 'コメント' }

/**
 * One searchable thing, as the index stores it. Only what any member may see: the mappers never produce drafts,
 * hidden content or the author of an anonymous case. Facet values are display labels (Japanese).
 */
export type SearchDocument = {
  /** `<type>:<id>`, the key both engines upsert by. */
  key: string
  type: DocumentType
  id: string
  title: string
  /** Plain text (rich text flattened), at most BODY_LIMIT characters. */
  body: string
  url: string
  tags: string[]
  jqCategory: string | null
  impactLevel: string | null
  year: number | null
  /**
   * Case retrieval (issue 17), cases only (empty for practices and comments): codes as stored in PostgreSQL, so
   * /cases and /search share one set of URL parameters and labels come from app/modules/cases/labels.ts.
   * `staff` pairs each person's profession with their experience band ("NURSE:UNDER_1"), so 「看護師・1年未満」
   * means one person, not a nurse and someone else new.
   */
  professions: string[]
  experience: string[]
  staff: string[]
  /** "FRAMEWORK:ELEMENT", e.g. "P_MSHELL:P". */
  factors: string[]
  /** RCA2 strengths of the countermeasures: STRONG, MODERATE, WEAK. */
  strengths: string[]
  /** Month of occurrence as YYYYMM (202404), for ranges; null when the document has none. */
  occurred: number | null
  /** Epoch milliseconds; sort key for "newest". */
  publishedAt: number
  /** Content hash: the worker skips a document whose indexed version is already this one. */
  version: string
}

export const BODY_LIMIT = 20_000

export const FACETS = ['type', 'jqCategory', 'impactLevel', 'year', 'tags', 'professions', 'experience', 'factors', 'strengths'] as const
export type FacetName = (typeof FACETS)[number]
export type FacetCounts = Record<FacetName, { value: string; count: number }[]>

export type SearchFilters = {
  type?: DocumentType
  jqCategory?: string
  impactLevel?: string
  year?: number
  tag?: string
  profession?: string
  experience?: string
  factor?: string
  strength?: string
  /** Inclusive month bounds, YYYYMM. */
  occurredFrom?: number
  occurredTo?: number
}

/** What practices and comments carry in the case-only fields. */
export const NO_CASE_ATTRIBUTES = { professions: [], experience: [], staff: [], factors: [], strengths: [], occurred: null } satisfies Pick<
  SearchDocument,
  'professions' | 'experience' | 'staff' | 'factors' | 'strengths' | 'occurred'
>

export type SearchSort = 'relevance' | 'newest'

export type SearchQuery = {
  q: string
  filters?: SearchFilters
  sort?: SearchSort
  /** 1-based */
  page?: number
  pageSize?: number
}

export type EngineHit = {
  document: SearchDocument
  /** Folded terms to highlight in this document (what matched, or the query's terms). */
  terms: string[]
}

export type EngineResults = { hits: EngineHit[]; total: number; facets: FacetCounts }

export type EngineStatus = { engine: 'embedded' | 'meilisearch'; state: 'ready' | 'building' | 'unavailable'; documents?: number; detail?: string }

/**
 * What both engines do. Implementations: `embedded.server.ts` (MiniSearch, in-process) and
 * `meilisearch.server.ts`. The contract suite (`engine.contract.ts`) runs against both.
 */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch'
  /** Prepare the index (settings applied only when they differ). Idempotent. */
  init(): Promise<void>
  /** Upsert by key (last write wins). Throws when the engine refuses or the task fails. */
  upsert(documents: SearchDocument[]): Promise<void>
  remove(keys: string[]): Promise<void>
  /** The indexed version of each key that is in the index. */
  versions(keys: string[]): Promise<Map<string, string>>
  search(query: SearchQuery): Promise<EngineResults>
  /** Type-ahead: the best few per type, prefix on the last word. */
  suggest(q: string, perType: number): Promise<EngineHit[]>
  /** Build a fresh index from the source, then replace the live one with it (readers never see a half index). */
  rebuild(source: AsyncIterable<SearchDocument[]>): Promise<{ documents: number }>
  status(): Promise<EngineStatus>
}

export const emptyFacets = (): FacetCounts => ({ type: [], jqCategory: [], impactLevel: [], year: [], tags: [], professions: [], experience: [], factors: [], strengths: [] })
export const documentKey = (type: DocumentType, id: string) => `${type}:${id}`
