/**
 * Document sources: one per searchable type (`search/documents/<type>.server.ts`). A source decides what may be
 * in the shared index — only what every member may see (published, not hidden, anonymous authors left out) —
 * so both the worker and the reindex command get visibility from one place.
 */
import { type SearchChange } from '../outbox.server.ts'
import { type DocumentType, type SearchDocument } from '../types.ts'

export type DocumentSource = {
  type: DocumentType
  /** The current, visible documents among these ids; ids not returned are removed from the index. */
  load(ids: string[]): Promise<SearchDocument[]>
  /** Every visible document, in batches (reindex, embedded start-up). */
  loadAll(batchSize: number): AsyncIterable<SearchDocument[]>
  /** Documents whose visibility follows these (a case's comments when the case is hidden). */
  dependents?(ids: string[]): Promise<SearchChange[]>
}

let sources: Map<DocumentType, DocumentSource> | undefined

async function defaultSources(): Promise<DocumentSource[]> {
  const { BUILT_IN_SOURCES } = await import('./sources.server.ts')
  return BUILT_IN_SOURCES
}

export async function documentSources(): Promise<Map<DocumentType, DocumentSource>> {
  sources ??= new Map((await defaultSources()).map((source) => [source.type, source]))
  return sources
}

/** Tests (and later areas) replace the set of sources. */
export function setDocumentSources(list: DocumentSource[]) {
  sources = new Map(list.map((source) => [source.type, source]))
}

export async function* loadAllDocuments(batchSize = 500): AsyncIterable<SearchDocument[]> {
  for (const source of (await documentSources()).values()) yield* source.loadAll(batchSize)
}

/** Of these hits, the keys that are still visible now (results are re-checked against PostgreSQL). */
export async function visibleKeys(keys: string[]): Promise<Set<string>> {
  const byType = new Map<string, string[]>()
  for (const key of keys) {
    const [type, id] = splitKey(key)
    byType.set(type, [...(byType.get(type) ?? []), id])
  }
  const visible = new Set<string>()
  const all = await documentSources()
  for (const [type, ids] of byType) {
    const source = all.get(type as DocumentType)
    if (!source) continue
    for (const document of await source.load(ids)) visible.add(document.key)
  }
  return visible
}

export function splitKey(key: string): [string, string] {
  const at = key.indexOf(':')
  return [key.slice(0, at), key.slice(at + 1)]
}
