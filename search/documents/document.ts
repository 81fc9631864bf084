/** Helpers for document mappers. */
import { createHash } from 'node:crypto'
import { japanDateKey } from '#app/lib/japan-time.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { BODY_LIMIT, type SearchDocument } from '../types.ts'

/** A content hash of everything but the version itself: equal versions mean nothing to re-index. */
export function documentVersion(document: Omit<SearchDocument, 'version'>): string {
  const { key, type, id, title, body, url, tags, jqCategory, impactLevel, year, publishedAt } = document
  const { professions, experience, staff, factors, strengths, occurred } = document
  return createHash('sha256')
    .update(JSON.stringify([key, type, id, title, body, url, tags, jqCategory, impactLevel, year, publishedAt, professions, experience, staff, factors, strengths, occurred]))
    .digest('base64url')
    .slice(0, 22)
}

/** Completes a mapper's output: key, trimmed body, version. */
export function finishDocument(document: Omit<SearchDocument, 'key' | 'version'>): SearchDocument {
  const base = { ...document, key: `${document.type}:${document.id}`, body: document.body.slice(0, BODY_LIMIT) }
  return { ...base, version: documentVersion(base) }
}

/** A stored rich-text section (ProseMirror JSON, validated when it was written) as plain text; anything else is ''. */
export function plainText(json: unknown): string {
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'doc') return ''
  return richTextToPlainText(json as RichTextDoc)
}

/** Non-empty parts, one per line. */
export function joinText(parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join('\n')
}

/** The year in Japan (facet "year" for things dated by a timestamp). */
export function tokyoYear(date: Date): number {
  return Number(japanDateKey(date).slice(0, 4))
}
