/**
 * The embedded engine: MiniSearch in this process, with our Japanese tokenizer. Used when MEILI_HOST is unset;
 * built from PostgreSQL at start-up and kept current by the outbox worker. One index per process, so it suits a
 * single app server (development, small installations) — see docs/decisions/0015-search.md.
 */
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { countFacets, matchesFilters, pageWindow } from './engine-common.ts'
import { parseQuery, tokenize, typoBudget, type ParsedQuery } from './tokenizer.ts'
import { DOCUMENT_TYPES, type EngineHit, type EngineResults, type SearchDocument, type SearchEngine, type SearchQuery } from './types.ts'

type Indexed = { key: string; title: string; tags: string; body: string }

function createIndex() {
  return new MiniSearch<Indexed>({
    idField: 'key',
    fields: ['title', 'tags', 'body'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: FIELD_BOOST,
      // Query strings handed to MiniSearch are already single folded tokens.
      tokenize: (text) => [text],
      processTerm: (term) => term,
      weights: { fuzzy: 0.3, prefix: 0.5 },
    },
  })
}

const FIELD_BOOST = { title: 3, tags: 2, body: 1 }
const SYNONYM_BOOST = { title: 1.5, tags: 1, body: 0.5 }

const toIndexed = (document: SearchDocument): Indexed => ({ key: document.key, title: document.title, tags: document.tags.join(' '), body: document.body })

/** The parsed query as a MiniSearch query tree: clauses AND-ed, synonyms OR-ed, the last token a prefix. */
function queryTree(parsed: ParsedQuery, combineWith: 'AND' | 'OR', prefixLast: boolean, fuzzy: boolean): Query {
  const lastClause = parsed.clauses.length - 1
  return {
    combineWith,
    queries: parsed.clauses.map((clause, clauseIndex) => ({
      combineWith: 'OR',
      queries: clause.alternatives.map((tokens, alternativeIndex) => ({
        combineWith: 'AND',
        // What the member typed counts more than its synonyms.
        ...(alternativeIndex === clause.original ? {} : { boost: SYNONYM_BOOST }),
        queries: tokens.map((token, tokenIndex) => ({
          combineWith: 'OR',
          queries: [token],
          prefix: prefixLast && !clause.synonym && clauseIndex === lastClause && tokenIndex === tokens.length - 1,
          fuzzy: fuzzy ? typoBudget(token) : 0,
        })),
      })),
    })),
  }
}

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const
  private index = createIndex()
  private documents = new Map<string, SearchDocument>()
  private building = false

  async init() {}

  async upsert(documents: SearchDocument[]) {
    for (const document of documents) {
      if (this.index.has(document.key)) this.index.discard(document.key)
      this.index.add(toIndexed(document))
      this.documents.set(document.key, document)
    }
  }

  async remove(keys: string[]) {
    for (const key of keys) {
      if (this.index.has(key)) this.index.discard(key)
      this.documents.delete(key)
    }
  }

  async versions(keys: string[]) {
    const versions = new Map<string, string>()
    for (const key of keys) {
      const document = this.documents.get(key)
      if (document) versions.set(key, document.version)
    }
    return versions
  }

  /** Matching documents in rank order, with the document terms that matched (cheap: no copies per hit). */
  private run(query: SearchQuery, prefixLast: boolean): { matches: { document: SearchDocument; terms: string[] }[]; queryTerms: string[] } {
    const parsed = parseQuery(query.q)
    if (parsed.clauses.length === 0) {
      // No words: every document that passes the filters, newest first.
      const documents = [...this.documents.values()].filter((document) => matchesFilters(document, query.filters))
      documents.sort((a, b) => b.publishedAt - a.publishedAt)
      return { matches: documents.map((document) => ({ document, terms: [] })), queryTerms: [] }
    }
    const filters = query.filters ?? {}
    const filtered = Object.values(filters).some((value) => value !== undefined)
    const filter = filtered
      ? (result: SearchResult) => {
          const document = this.documents.get(result.id as string)
          return document !== undefined && matchesFilters(document, filters)
        }
      : undefined
    // Exact words first; typo tolerance only when they find nothing (fuzzy matching is the expensive part, and an
    // exact hit is what the member meant). Then, nothing with every word: rank what has some of them.
    let results = this.index.search(queryTree(parsed, 'AND', prefixLast, false), { filter })
    if (results.length === 0) results = this.index.search(queryTree(parsed, 'AND', prefixLast, true), { filter })
    if (results.length === 0 && parsed.clauses.length > 1) results = this.index.search(queryTree(parsed, 'OR', prefixLast, true), { filter })
    const matches: { document: SearchDocument; terms: string[] }[] = []
    for (const result of results) {
      const document = this.documents.get(result.id as string)
      if (document) matches.push({ document, terms: result.terms })
    }
    if (query.sort === 'newest') matches.sort((a, b) => b.document.publishedAt - a.document.publishedAt)
    return { matches, queryTerms: parsed.terms }
  }

  private hit(match: { document: SearchDocument; terms: string[] }, queryTerms: string[]): EngineHit {
    return { document: match.document, terms: [...new Set([...match.terms, ...queryTerms])] }
  }

  async search(query: SearchQuery): Promise<EngineResults> {
    const { matches, queryTerms } = this.run(query, true)
    const { offset, limit } = pageWindow(query.page, query.pageSize)
    return {
      hits: matches.slice(offset, offset + limit).map((match) => this.hit(match, queryTerms)),
      total: matches.length,
      facets: countFacets(matches.map((match) => match.document)),
    }
  }

  async suggest(q: string, perType: number) {
    if (parseQuery(q).clauses.length === 0) return []
    const { matches, queryTerms } = this.run({ q }, true)
    const hits: EngineHit[] = []
    for (const type of DOCUMENT_TYPES) {
      let taken = 0
      for (const match of matches) {
        if (taken >= perType) break
        if (match.document.type !== type) continue
        hits.push(this.hit(match, queryTerms))
        taken += 1
      }
    }
    return hits
  }

  async rebuild(source: AsyncIterable<SearchDocument[]>) {
    this.building = true
    try {
      const index = createIndex()
      const documents = new Map<string, SearchDocument>()
      for await (const batch of source) {
        for (const document of batch) {
          if (documents.has(document.key)) index.discard(document.key)
          index.add(toIndexed(document))
          documents.set(document.key, document)
        }
      }
      // Swap: searches keep using the old index until the new one is complete.
      this.index = index
      this.documents = documents
      return { documents: documents.size }
    } finally {
      this.building = false
    }
  }

  async status() {
    return { engine: this.name, state: this.building && this.documents.size === 0 ? ('building' as const) : ('ready' as const), documents: this.documents.size }
  }
}
