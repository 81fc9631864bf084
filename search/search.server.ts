/**
 * The search service the app uses: the engine chosen at start-up (Meilisearch when MEILI_HOST is set, the
 * embedded engine otherwise), the worker that keeps it current, and member-facing queries whose hits are
 * re-checked against PostgreSQL before anything is shown.
 */
import { getEnv } from '#app/lib/env.server.ts'
import { log, redactText } from '#app/lib/log.server.ts'
import { loadAllDocuments, visibleKeys } from './documents/registry.server.ts'
import { EmbeddedEngine } from './embedded.server.ts'
import { type Highlighted, highlightAll, snippet } from './highlight.ts'
import { MeilisearchEngine } from './meilisearch.server.ts'
import { onSearchChangeEnqueued } from './outbox.server.ts'
import { DOCUMENT_TYPE_LABELS, type DocumentType, type EngineHit, type EngineStatus, type FacetCounts, type SearchEngine, type SearchQuery } from './types.ts'
import { drainOutbox, pendingOutboxRows } from './worker.server.ts'

type SearchState = { engine?: SearchEngine; worker?: NodeJS.Timeout; kick?: NodeJS.Timeout; draining?: Promise<unknown>; initialised?: boolean; lastError?: string }
// One per process, kept on globalThis: server/start.ts and the app build (Vite's SSR modules in development) are
// separate module instances, and dev reloads must not build a second index.
const globalForSearch = globalThis as { qsoSearch?: SearchState }
const state: SearchState = (globalForSearch.qsoSearch ??= {})

export function createEngineFromEnv(): SearchEngine {
  const env = getEnv()
  return env.MEILI_HOST ? new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY }) : new EmbeddedEngine()
}

export function getSearchEngine(): SearchEngine {
  state.engine ??= createEngineFromEnv()
  return state.engine
}

/** Tests: use this engine (and forget the start-up state). */
export function setSearchEngine(engine: SearchEngine | undefined) {
  state.engine = engine
  state.initialised = engine?.name === 'embedded'
}

async function prepare(engine: SearchEngine) {
  if (state.initialised) return
  if (engine.name === 'embedded') {
    // Built from PostgreSQL: the truth. Outbox rows written before are then no-ops (same versions).
    await engine.rebuild(loadAllDocuments())
  } else {
    await engine.init()
  }
  state.initialised = true
}

/** Drain the outbox now (one run at a time per process). */
export async function runSearchWorker(): Promise<void> {
  if (state.draining) return void (await state.draining)
  const engine = getSearchEngine()
  state.draining = (async () => {
    try {
      await prepare(engine)
      const report = await drainOutbox(engine)
      state.lastError = report.error
      if (report.error) log.warn({ component: 'search', failed: report.failed, error: redactText(report.error) }, 'changes not indexed yet; will retry')
    } catch (error) {
      state.lastError = error instanceof Error ? error.message : String(error)
      log.warn({ component: 'search', error: redactText(state.lastError) }, 'search index unavailable; will retry')
    }
  })()
  try {
    await state.draining
  } finally {
    state.draining = undefined
  }
}

/** Wake the worker shortly (after the enqueuing transaction has committed); the interval is the safety net. */
export function kickSearchWorker(delayMs = 150) {
  if (state.kick) return
  state.kick = setTimeout(() => {
    state.kick = undefined
    void runSearchWorker()
  }, delayMs)
  state.kick.unref?.()
}

/** Start-up (server/start.ts): prepare the engine, drain once, then keep draining. */
export async function startSearch({ intervalMs = 5000 }: { intervalMs?: number } = {}) {
  const engine = getSearchEngine()
  const started = performance.now()
  await runSearchWorker()
  const status = await engine.status()
  log.info({ component: 'search', engine: engine.name, state: status.state, documents: status.documents, ms: Math.round(performance.now() - started) }, 'search ready')
  onSearchChangeEnqueued(() => kickSearchWorker())
  if (state.worker) clearInterval(state.worker)
  state.worker = setInterval(() => void runSearchWorker(), intervalMs)
  state.worker.unref()
}

export function stopSearch() {
  if (state.worker) clearInterval(state.worker)
  if (state.kick) clearTimeout(state.kick)
  state.worker = undefined
  state.kick = undefined
  onSearchChangeEnqueued(undefined)
}

export type SearchHealth = EngineStatus & { pendingOutbox: number; lastError?: string }

export async function searchHealth(): Promise<SearchHealth> {
  const engine = getSearchEngine()
  const [status, pendingOutbox] = await Promise.all([engine.status(), pendingOutboxRows()])
  return { ...status, state: !state.initialised && status.state === 'ready' && engine.name === 'embedded' ? 'building' : status.state, pendingOutbox, ...(state.lastError ? { lastError: state.lastError } : {}) }
}

export type PresentedHit = {
  key: string
  type: DocumentType
  typeLabel: string
  id: string
  url: string
  title: Highlighted
  snippet: Highlighted
  jqCategory: string | null
  impactLevel: string | null
  year: number | null
  tags: string[]
  publishedAt: string
}

export type MemberSearchResult = { hits: PresentedHit[]; total: number; facets: FacetCounts; page: number; pageSize: number }

async function present(hits: EngineHit[]): Promise<PresentedHit[]> {
  // The index only ever holds visible documents; this guards the moments between a change and its indexing.
  const visible = await visibleKeys(hits.map((hit) => hit.document.key))
  return hits
    .filter((hit) => visible.has(hit.document.key))
    .map(({ document, terms }) => ({
      key: document.key,
      type: document.type,
      typeLabel: DOCUMENT_TYPE_LABELS[document.type],
      id: document.id,
      url: document.url,
      title: highlightAll(document.title, terms),
      snippet: snippet(document.body, terms),
      jqCategory: document.jqCategory,
      impactLevel: document.impactLevel,
      year: document.year,
      tags: document.tags,
      publishedAt: new Date(document.publishedAt).toISOString(),
    }))
}

/** For a signed-in member (every member may see everything in the shared index). */
export async function searchForMember(query: SearchQuery): Promise<MemberSearchResult> {
  const engine = getSearchEngine()
  const result = await engine.search(query)
  const pageSize = query.pageSize ?? 20
  return { hits: await present(result.hits), total: result.total, facets: result.facets, page: query.page ?? 1, pageSize }
}

export async function suggestForMember(q: string, perType = 3): Promise<PresentedHit[]> {
  return present(await getSearchEngine().suggest(q, perType))
}
