/**
 * msw handlers reproducing the parts of Meilisearch's REST API our adapter uses: indexes, settings, documents
 * (add, delete-batch, fetch), tasks, search, multi-search, swap-indexes, stats and health. Tasks are processed
 * as soon as they are enqueued (status `succeeded` when polled) unless a fault is injected. Search implements
 * enough of Meilisearch's behaviour (space-separated words, prefix on the last word, synonyms from settings,
 * matchingStrategy, filter expressions, facets, sort, offset/limit) to test what we send and what we do with
 * the answer. Errors are shaped like Meilisearch's: `{ message, code, type, link }`.
 */
import { http, HttpResponse, type JsonBodyType } from 'msw'

type Doc = Record<string, unknown>
type Settings = Record<string, unknown> & { searchableAttributes: string[]; filterableAttributes: string[]; sortableAttributes: string[]; synonyms: Record<string, string[]> }
type Index = { uid: string; primaryKey: string | null; documents: Map<string, Doc>; settings: Settings; createdAt: string }
type Task = { uid: number; indexUid: string | null; status: 'enqueued' | 'succeeded' | 'failed'; type: string; error: null | { message: string; code: string; type: string; link: string }; enqueuedAt: string; finishedAt: string | null }
export type RecordedRequest = { method: string; path: string; body: unknown; search: string }

const defaultSettings = (): Settings => ({
  displayedAttributes: ['*'],
  searchableAttributes: ['*'],
  filterableAttributes: [],
  sortableAttributes: [],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: [],
  synonyms: {},
  distinctAttribute: null,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
  pagination: { maxTotalHits: 1000 },
  localizedAttributes: null,
})

const apiError = (status: number, code: string, message: string) =>
  HttpResponse.json({ message, code, type: status >= 500 ? 'system' : 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` }, { status })

export function createMeiliMock(host = 'http://meili.test') {
  const indexes = new Map<string, Index>()
  const tasks = new Map<number, Task>()
  const requests: RecordedRequest[] = []
  const faults = { unavailable: false, failTasks: 0 }
  let nextTask = 0

  function enqueue(indexUid: string | null, type: string, apply: () => void) {
    const task: Task = { uid: nextTask++, indexUid, status: 'enqueued', type, error: null, enqueuedAt: new Date().toISOString(), finishedAt: null }
    if (faults.failTasks > 0) {
      faults.failTasks -= 1
      task.status = 'failed'
      task.error = { message: 'Injected failure: the index is being corrupted.', code: 'internal', type: 'internal', link: 'https://docs.meilisearch.com/errors#internal' }
    } else {
      try {
        apply()
        task.status = 'succeeded'
      } catch (error) {
        task.status = 'failed'
        task.error = { message: error instanceof Error ? error.message : String(error), code: 'invalid_request', type: 'invalid_request', link: '' }
      }
    }
    task.finishedAt = new Date().toISOString()
    tasks.set(task.uid, task)
    return HttpResponse.json({ taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt }, { status: 202 })
  }

  const getIndex = (uid: string) => {
    const index = indexes.get(uid)
    if (!index) throw new Error(`Index \`${uid}\` not found.`)
    return index
  }

  async function record(request: Request) {
    const url = new URL(request.url)
    let body: unknown = null
    if (request.method !== 'GET' && request.method !== 'DELETE') {
      const text = await request.clone().text()
      body = text ? JSON.parse(text) : null
    }
    requests.push({ method: request.method, path: url.pathname, body, search: url.search })
  }

  const route =
    <P extends Record<string, string>>(handler: (args: { request: Request; params: P; body: unknown }) => Response | Promise<Response>) =>
    async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      await record(request)
      if (faults.unavailable) return apiError(503, 'service_unavailable', 'Meilisearch is unavailable.')
      const body = requests[requests.length - 1]?.body ?? null
      return handler({ request, params: params as P, body })
    }

  const indexView = (index: Index) => ({ uid: index.uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.createdAt })

  function search(index: Index, body: Record<string, unknown>) {
    const settings = index.settings
    const filters = normaliseFilter(body.filter)
    for (const expression of filters) {
      const attribute = /^\s*(\w+)/.exec(expression)?.[1] ?? ''
      if (!settings.filterableAttributes.includes(attribute)) {
        return { error: apiError(400, 'invalid_search_filter', `Attribute \`${attribute}\` is not filterable.`) }
      }
    }
    const facets = (body.facets as string[] | undefined) ?? []
    for (const facet of facets) {
      if (!settings.filterableAttributes.includes(facet)) return { error: apiError(400, 'invalid_search_facets', `Attribute \`${facet}\` is not filterable.`) }
    }
    const sort = (body.sort as string[] | undefined) ?? []
    for (const rule of sort) {
      const attribute = rule.split(':')[0] ?? ''
      if (!settings.sortableAttributes.includes(attribute)) return { error: apiError(400, 'invalid_search_sort', `Attribute \`${attribute}\` is not sortable.`) }
    }
    const words = String(body.q ?? '').split(/\s+/).filter(Boolean)
    const clauses = synonymClauses(words, settings.synonyms)
    const strategy = body.matchingStrategy ?? 'last'
    const searchable = settings.searchableAttributes
    const scored: { doc: Doc; score: number }[] = []
    for (const doc of index.documents.values()) {
      if (!filters.every((expression) => matchFilter(doc, expression))) continue
      if (clauses.length === 0) {
        scored.push({ doc, score: 0 })
        continue
      }
      let score = 0
      let matched = 0
      for (const [c, clause] of clauses.entries()) {
        const last = c === clauses.length - 1
        const weight = searchable.reduce((best, attribute, rank) => {
          const docWords = String(doc[attribute] ?? '').split(/\s+/)
          const hit = clause.some((alternative) => alternative.every((word) => docWords.some((w) => w === word || (last && w.startsWith(word)))))
          return hit ? Math.max(best, searchable.length - rank) : best
        }, 0)
        if (weight > 0) matched += 1
        score += weight
      }
      if (strategy === 'all' ? matched === clauses.length : matched > 0) scored.push({ doc, score: matched * 100 + score })
    }
    if (sort.length) {
      const [attribute, direction] = (sort[0] ?? '').split(':')
      scored.sort((a, b) => (Number(a.doc[attribute ?? '']) - Number(b.doc[attribute ?? ''])) * (direction === 'desc' ? -1 : 1))
    } else scored.sort((a, b) => b.score - a.score)
    const facetDistribution: Record<string, Record<string, number>> = {}
    for (const facet of facets) {
      const counts: Record<string, number> = {}
      for (const { doc } of scored) {
        const value = doc[facet]
        for (const item of Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]) counts[String(item)] = (counts[String(item)] ?? 0) + 1
      }
      facetDistribution[facet] = counts
    }
    const offset = Number(body.offset ?? 0)
    const limit = Number(body.limit ?? 20)
    const retrieve = body.attributesToRetrieve as string[] | undefined
    const hits = scored.slice(offset, offset + limit).map(({ doc }) => (retrieve ? Object.fromEntries(retrieve.filter((key) => key in doc).map((key) => [key, doc[key]])) : doc))
    return { result: { hits, query: body.q ?? '', processingTimeMs: 1, limit, offset, estimatedTotalHits: scored.length, facetDistribution } }
  }

  const handlers = [
    http.get(`${host}/health`, route(() => HttpResponse.json({ status: 'available' }))),
    http.get(`${host}/tasks/:uid`, route<{ uid: string }>(({ params }) => {
      const task = tasks.get(Number(params.uid))
      return task ? HttpResponse.json(task as unknown as JsonBodyType) : apiError(404, 'task_not_found', `Task \`${params.uid}\` not found.`)
    })),
    http.get(`${host}/indexes/:uid`, route<{ uid: string }>(({ params }) => {
      const index = indexes.get(params.uid)
      return index ? HttpResponse.json(indexView(index)) : apiError(404, 'index_not_found', `Index \`${params.uid}\` not found.`)
    })),
    http.post(`${host}/indexes`, route(({ body }) => {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string }
      return enqueue(uid, 'indexCreation', () => {
        if (indexes.has(uid)) throw new Error(`Index \`${uid}\` already exists.`)
        indexes.set(uid, { uid, primaryKey: primaryKey ?? null, documents: new Map(), settings: defaultSettings(), createdAt: new Date().toISOString() })
      })
    })),
    http.delete(`${host}/indexes/:uid`, route<{ uid: string }>(({ params }) => enqueue(params.uid, 'indexDeletion', () => {
      getIndex(params.uid)
      indexes.delete(params.uid)
    }))),
    http.get(`${host}/indexes/:uid/settings`, route<{ uid: string }>(({ params }) => {
      const index = indexes.get(params.uid)
      return index ? HttpResponse.json(index.settings as JsonBodyType) : apiError(404, 'index_not_found', `Index \`${params.uid}\` not found.`)
    })),
    http.patch(`${host}/indexes/:uid/settings`, route<{ uid: string }>(({ params, body }) => enqueue(params.uid, 'settingsUpdate', () => {
      const index = getIndex(params.uid)
      index.settings = { ...index.settings, ...(body as Partial<Settings>) }
    }))),
    http.get(`${host}/indexes/:uid/stats`, route<{ uid: string }>(({ params }) => {
      const index = indexes.get(params.uid)
      return index ? HttpResponse.json({ numberOfDocuments: index.documents.size, isIndexing: false, fieldDistribution: {} }) : apiError(404, 'index_not_found', `Index \`${params.uid}\` not found.`)
    })),
    http.post(`${host}/indexes/:uid/documents`, route<{ uid: string }>(({ params, body, request }) => enqueue(params.uid, 'documentAdditionOrUpdate', () => {
      let index = indexes.get(params.uid)
      const primaryKey = new URL(request.url).searchParams.get('primaryKey')
      if (!index) {
        // Meilisearch creates the index on the first documents it receives.
        index = { uid: params.uid, primaryKey, documents: new Map(), settings: defaultSettings(), createdAt: new Date().toISOString() }
        indexes.set(params.uid, index)
      }
      const key = index.primaryKey ?? primaryKey ?? 'id'
      for (const doc of body as Doc[]) index.documents.set(String(doc[key]), doc)
    }))),
    http.post(`${host}/indexes/:uid/documents/delete-batch`, route<{ uid: string }>(({ params, body }) => enqueue(params.uid, 'documentDeletion', () => {
      const index = getIndex(params.uid)
      for (const id of body as string[]) index.documents.delete(String(id))
    }))),
    http.post(`${host}/indexes/:uid/documents/fetch`, route<{ uid: string }>(({ params, body }) => {
      const index = indexes.get(params.uid)
      if (!index) return apiError(404, 'index_not_found', `Index \`${params.uid}\` not found.`)
      const { filter, fields, limit = 20, offset = 0 } = body as { filter?: unknown; fields?: string[]; limit?: number; offset?: number }
      const filters = normaliseFilter(filter)
      for (const expression of filters) {
        const attribute = /^\s*(\w+)/.exec(expression)?.[1] ?? ''
        if (!index.settings.filterableAttributes.includes(attribute)) return apiError(400, 'invalid_document_filter', `Attribute \`${attribute}\` is not filterable.`)
      }
      const all = [...index.documents.values()].filter((doc) => filters.every((expression) => matchFilter(doc, expression)))
      const results = all.slice(offset, offset + limit).map((doc) => (fields ? Object.fromEntries(fields.map((key) => [key, doc[key]])) : doc))
      return HttpResponse.json({ results, offset, limit, total: all.length } as JsonBodyType)
    })),
    http.post(`${host}/indexes/:uid/search`, route<{ uid: string }>(({ params, body }) => {
      const index = indexes.get(params.uid)
      if (!index) return apiError(404, 'index_not_found', `Index \`${params.uid}\` not found.`)
      const outcome = search(index, body as Record<string, unknown>)
      return outcome.error ?? HttpResponse.json(outcome.result as JsonBodyType)
    })),
    http.post(`${host}/multi-search`, route(({ body }) => {
      const results = []
      for (const query of (body as { queries: Record<string, unknown>[] }).queries) {
        const index = indexes.get(String(query.indexUid))
        if (!index) return apiError(404, 'index_not_found', `Index \`${String(query.indexUid)}\` not found.`)
        const outcome = search(index, query)
        if (outcome.error) return outcome.error
        results.push({ indexUid: index.uid, ...outcome.result })
      }
      return HttpResponse.json({ results } as JsonBodyType)
    })),
    http.post(`${host}/swap-indexes`, route(({ body }) => enqueue(null, 'indexSwap', () => {
      for (const { indexes: [a, b] } of body as { indexes: [string, string] }[]) {
        const first = getIndex(a)
        const second = getIndex(b)
        indexes.set(a, { ...second, uid: a })
        indexes.set(b, { ...first, uid: b })
      }
    }))),
  ]

  return {
    host,
    handlers,
    requests,
    faults,
    indexes,
    tasks,
    reset() {
      indexes.clear()
      tasks.clear()
      requests.length = 0
      faults.unavailable = false
      faults.failTasks = 0
    },
  }
}

export type MeiliMock = ReturnType<typeof createMeiliMock>

function normaliseFilter(filter: unknown): string[] {
  if (!filter) return []
  if (typeof filter === 'string') return filter.split(/\s+AND\s+/)
  return (filter as unknown[]).flatMap((item) => (Array.isArray(item) ? [item.join(' OR ')] : [String(item)]))
}

function parseValue(raw: string): string {
  const trimmed = raw.trim()
  return trimmed.startsWith('"') ? (JSON.parse(trimmed) as string) : trimmed
}

function matchFilter(doc: Doc, expression: string): boolean {
  const inMatch = /^\s*(\w+)\s+IN\s+\[(.*)\]\s*$/.exec(expression)
  if (inMatch) {
    const values = (inMatch[2] ?? '').match(/"(?:[^"\\]|\\.)*"|[^,\s]+/g)?.map(parseValue) ?? []
    return values.includes(String(doc[inMatch[1] ?? '']))
  }
  // Comparisons (Meilisearch: numbers only; a document whose value is null or missing never matches).
  const comparison = /^\s*(\w+)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(expression)
  if (comparison) {
    const value = doc[comparison[1] ?? '']
    if (typeof value !== 'number') return false
    const bound = Number(comparison[3])
    switch (comparison[2]) {
      case '>=':
        return value >= bound
      case '<=':
        return value <= bound
      case '>':
        return value > bound
      default:
        return value < bound
    }
  }
  const eq = /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(expression)
  if (!eq) throw new Error(`Unsupported filter in the mock: ${expression}`)
  const value = doc[eq[1] ?? '']
  const wanted = parseValue(eq[2] ?? '')
  return Array.isArray(value) ? value.map(String).includes(wanted) : String(value) === wanted
}

/** Query words grouped into clauses, expanding multi-word synonym keys first (as Meilisearch does). */
function synonymClauses(words: string[], synonyms: Record<string, string[]>): string[][][] {
  const keys = Object.keys(synonyms)
    .map((key) => key.split(' '))
    .sort((a, b) => b.length - a.length)
  const clauses: string[][][] = []
  let i = 0
  outer: while (i < words.length) {
    for (const key of keys) {
      if (key.every((word, k) => words[i + k] === word)) {
        clauses.push([key, ...(synonyms[key.join(' ')] ?? []).map((expression) => expression.split(' '))])
        i += key.length
        continue outer
      }
    }
    clauses.push([[words[i] ?? '']])
    i += 1
  }
  return clauses
}
