/**
 * The Meilisearch engine (official client). Documents carry pre-folded, pre-segmented copies of their text
 * (`*Folded`), so matching follows our tokenizer (NFKC, kana folding, Intl.Segmenter) whatever Meilisearch's own
 * segmenter would do; `localizedAttributes` and `locales: ['jpn']` keep kanji from being read as Chinese.
 * Every write waits for its task; a failed task is an error (karakeep). Snippets are built by us from the
 * returned text and the query terms — no engine-formatted HTML is used.
 */
import { type Filter, type Locale, Meilisearch, type RecordAny, type Settings, type Task } from 'meilisearch'
import { sortFacets, pageWindow } from './engine-common.ts'
import { parseQuery, queryTokens, synonymMap, tokenize } from './tokenizer.ts'
import {
  DOCUMENT_TYPES,
  type EngineHit,
  type EngineResults,
  type FacetName,
  FACETS,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
} from './types.ts'

type MeiliDocument = SearchDocument & { titleFolded: string; tagsFolded: string; bodyFolded: string }

const LOCALES: Locale[] = ['jpn']
const RETRIEVE: (keyof SearchDocument)[] = [
  'key',
  'type',
  'id',
  'title',
  'body',
  'url',
  'tags',
  'jqCategory',
  'impactLevel',
  'year',
  'professions',
  'experience',
  'staff',
  'factors',
  'strengths',
  'occurred',
  'publishedAt',
  'version',
]
const LIST_FIELDS = ['tags', 'professions', 'experience', 'staff', 'factors', 'strengths'] as const
const TASK_WAIT = { timeout: 30_000, interval: 100 }

/** The index settings; applied at start-up only when the live ones differ. */
export function desiredSettings(): Settings {
  return {
    searchableAttributes: ['titleFolded', 'tagsFolded', 'bodyFolded'],
    filterableAttributes: ['key', 'type', 'jqCategory', 'impactLevel', 'year', 'tags', 'professions', 'experience', 'staff', 'factors', 'strengths', 'occurred'],
    sortableAttributes: ['publishedAt'],
    displayedAttributes: [...RETRIEVE],
    localizedAttributes: [{ attributePatterns: ['*Folded'], locales: LOCALES }],
    synonyms: synonymMap(),
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    pagination: { maxTotalHits: 5000 },
    faceting: { maxValuesPerFacet: 100 },
  }
}

export class SearchEngineError extends Error {
  override name = 'SearchEngineError'
}

function toMeili(document: SearchDocument): MeiliDocument {
  return {
    ...document,
    titleFolded: tokenize(document.title).join(' '),
    tagsFolded: document.tags.flatMap((tag) => tokenize(tag)).join(' '),
    bodyFolded: tokenize(document.body).join(' '),
  }
}

function fromMeili(hit: RecordAny): SearchDocument {
  const document = {} as Record<string, unknown>
  for (const field of RETRIEVE) document[field] = hit[field] ?? null
  const result = document as SearchDocument
  for (const field of LIST_FIELDS) result[field] = Array.isArray(hit[field]) ? (hit[field] as string[]) : []
  return result
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

export function filterExpression(filters: SearchFilters = {}): string[] {
  const filter: string[] = []
  if (filters.type) filter.push(`type = ${quote(filters.type)}`)
  if (filters.jqCategory) filter.push(`jqCategory = ${quote(filters.jqCategory)}`)
  if (filters.impactLevel) filter.push(`impactLevel = ${quote(filters.impactLevel)}`)
  if (filters.year) filter.push(`year = ${Math.floor(filters.year)}`)
  if (filters.tag) filter.push(`tags = ${quote(filters.tag)}`)
  // One person with both (see SearchDocument.staff); either alone matches any person on the case.
  if (filters.profession && filters.experience) filter.push(`staff = ${quote(`${filters.profession}:${filters.experience}`)}`)
  else if (filters.profession) filter.push(`professions = ${quote(filters.profession)}`)
  else if (filters.experience) filter.push(`experience = ${quote(filters.experience)}`)
  if (filters.factor) filter.push(`factors = ${quote(filters.factor)}`)
  if (filters.strength) filter.push(`strengths = ${quote(filters.strength)}`)
  // Documents without a month (practices, comments) have `occurred: null`, which no comparison matches.
  if (filters.occurredFrom !== undefined) filter.push(`occurred >= ${Math.floor(filters.occurredFrom)}`)
  if (filters.occurredTo !== undefined) filter.push(`occurred <= ${Math.floor(filters.occurredTo)}`)
  return filter
}

const sameList = (a: unknown, b: unknown, ordered: boolean) => {
  const norm = (value: unknown) => (Array.isArray(value) ? (ordered ? value : [...value].map((item) => JSON.stringify(item)).sort()) : value)
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

function sameSynonyms(a: Settings['synonyms'], b: Settings['synonyms']) {
  const norm = (value: Settings['synonyms']) =>
    JSON.stringify(
      Object.entries(value ?? {})
        .map(([key, list]) => [key, [...list].sort()])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    )
  return norm(a) === norm(b)
}

/** Which of our settings differ from the live ones (empty: nothing to do). */
export function settingsDiff(live: Settings, desired: Settings = desiredSettings()): (keyof Settings)[] {
  const differing: (keyof Settings)[] = []
  for (const key of Object.keys(desired) as (keyof Settings)[]) {
    const want = desired[key]
    const have = live[key]
    const equal =
      key === 'synonyms'
        ? sameSynonyms(have as Settings['synonyms'], want as Settings['synonyms'])
        : key === 'searchableAttributes' || key === 'rankingRules' || key === 'displayedAttributes'
          ? sameList(have, want, true)
          : Array.isArray(want)
            ? sameList(have, want, false)
            : JSON.stringify({ ...(have as object), ...(want as object) }) === JSON.stringify(have)
    if (!equal) differing.push(key)
  }
  return differing
}

export type MeiliOptions = { host: string; apiKey?: string; indexUid?: string }

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  readonly client: Meilisearch
  readonly indexUid: string

  constructor(options: MeiliOptions) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey })
    this.indexUid = options.indexUid ?? 'qso_documents'
  }

  private async settled(promise: { waitTask: (options?: { timeout?: number; interval?: number }) => Promise<Task> }, what: string): Promise<Task> {
    const task = await promise.waitTask(TASK_WAIT)
    if (task.status !== 'succeeded') {
      throw new SearchEngineError(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.code ?? ''} ${task.error?.message ?? ''}`.trim())
    }
    return task
  }

  private async ensureIndex(uid: string) {
    try {
      await this.client.getIndex(uid)
    } catch (error) {
      if (!isNotFound(error)) throw error
      await this.settled(this.client.createIndex(uid, { primaryKey: 'key' }), `create index ${uid}`)
    }
  }

  private async applySettings(uid: string) {
    const index = this.client.index(uid)
    const differing = settingsDiff(await index.getSettings())
    if (differing.length === 0) return
    await this.settled(index.updateSettings(desiredSettings()), `settings ${differing.join(', ')}`)
  }

  async init() {
    await this.ensureIndex(this.indexUid)
    await this.applySettings(this.indexUid)
  }

  async upsert(documents: SearchDocument[]) {
    if (documents.length === 0) return
    await this.settled(this.client.index(this.indexUid).addDocuments(documents.map(toMeili), { primaryKey: 'key' }), 'add documents')
  }

  async remove(keys: string[]) {
    if (keys.length === 0) return
    await this.settled(this.client.index(this.indexUid).deleteDocuments(keys), 'delete documents')
  }

  async versions(keys: string[]) {
    const versions = new Map<string, string>()
    if (keys.length === 0) return versions
    const result = await this.client.index(this.indexUid).getDocuments<{ key: string; version: string }>({
      filter: `key IN [${keys.map(quote).join(', ')}]`,
      fields: ['key', 'version'],
      limit: keys.length,
    })
    for (const document of result.results) versions.set(document.key, document.version)
    return versions
  }

  async search(query: SearchQuery): Promise<EngineResults> {
    const parsed = parseQuery(query.q)
    const { offset, limit } = pageWindow(query.page, query.pageSize)
    const q = parsed.clauses.length === 0 ? '' : meiliQuery(query.q)
    const request = (matchingStrategy: 'all' | 'frequency') =>
      this.client.index(this.indexUid).search(q, {
        filter: filterExpression(query.filters) as Filter,
        facets: [...FACETS],
        sort: query.sort === 'newest' || q === '' ? ['publishedAt:desc'] : undefined,
        offset,
        limit,
        attributesToRetrieve: RETRIEVE,
        locales: LOCALES,
        matchingStrategy,
      })
    let response = await request('all')
    if ((response.estimatedTotalHits ?? 0) === 0 && parsed.clauses.length > 1) response = await request('frequency')
    return {
      hits: response.hits.map((hit): EngineHit => ({ document: fromMeili(hit), terms: parsed.terms })),
      total: response.estimatedTotalHits ?? response.hits.length,
      facets: sortFacets((response.facetDistribution ?? {}) as Partial<Record<FacetName, Record<string, number>>>),
    }
  }

  /** One multi-search request: the best few of each type. */
  async suggest(q: string, perType: number) {
    const parsed = parseQuery(q)
    if (parsed.clauses.length === 0) return []
    const text = meiliQuery(q)
    const response = await this.client.multiSearch({
      queries: DOCUMENT_TYPES.map((type) => ({
        indexUid: this.indexUid,
        q: text,
        filter: [`type = ${quote(type)}`],
        limit: perType,
        attributesToRetrieve: RETRIEVE,
        locales: LOCALES,
      })),
    })
    return response.results.flatMap((result) => result.hits.map((hit): EngineHit => ({ document: fromMeili(hit), terms: parsed.terms })))
  }

  /** Fill a new index, then swap it with the live one and drop the old one. */
  async rebuild(source: AsyncIterable<SearchDocument[]>) {
    const buildUid = `${this.indexUid}_build_${Date.now()}`
    await this.ensureIndex(this.indexUid)
    await this.settled(this.client.createIndex(buildUid, { primaryKey: 'key' }), `create index ${buildUid}`)
    try {
      await this.applySettings(buildUid)
      let documents = 0
      for await (const batch of source) {
        if (batch.length === 0) continue
        await this.settled(this.client.index(buildUid).addDocuments(batch.map(toMeili), { primaryKey: 'key' }), 'add documents (rebuild)')
        documents += batch.length
      }
      await this.settled(this.client.swapIndexes([{ indexes: [this.indexUid, buildUid], rename: false }]), 'swap indexes')
      return { documents }
    } finally {
      // After the swap this holds the old documents; before it, a half-built index. Either way it goes.
      await this.settled(this.client.deleteIndex(buildUid), `delete index ${buildUid}`).catch(() => {})
    }
  }

  async status() {
    try {
      await this.client.health()
      const stats = await this.client.index(this.indexUid).getStats()
      return { engine: this.name, state: stats.isIndexing ? ('building' as const) : ('ready' as const), documents: stats.numberOfDocuments }
    } catch (error) {
      return { engine: this.name, state: 'unavailable' as const, detail: error instanceof Error ? error.message : String(error) }
    }
  }
}

/** The query as Meilisearch receives it: our tokens, space-separated (its synonyms setting uses the same form). */
const meiliQuery = (q: string) => queryTokens(q).map((token) => token.token).join(' ')

function isNotFound(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause
  return cause?.code === 'index_not_found'
}
