/** Helpers for document mappers. */
import { createHash } from 'node:crypto'
import { BODY_LIMIT, type SearchDocument } from '../types.ts'

/** A content hash of everything but the version itself: equal versions mean nothing to re-index. */
export function documentVersion(document: Omit<SearchDocument, 'version'>): string {
  const { key, type, id, title, body, url, tags, jqCategory, impactLevel, year, publishedAt } = document
  return createHash('sha256')
    .update(JSON.stringify([key, type, id, title, body, url, tags, jqCategory, impactLevel, year, publishedAt]))
    .digest('base64url')
    .slice(0, 22)
}

/** Completes a mapper's output: key, trimmed body, version. */
export function finishDocument(document: Omit<SearchDocument, 'key' | 'version'>): SearchDocument {
  const base = { ...document, key: `${document.type}:${document.id}`, body: document.body.slice(0, BODY_LIMIT) }
  return { ...base, version: documentVersion(base) }
}
