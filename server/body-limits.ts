import { ATTACHMENT_RULES, MAX_ATTACHMENTS } from '#app/modules/consultations/attachments.ts'
import { MAX_TEXT_LENGTH } from '#app/modules/deidentify/detect.ts'
import { MAX_PRACTICE_ATTACHMENTS, PRACTICE_ATTACHMENT_RULES } from '#app/modules/practices/schemas.ts'

const KB = 1024
const MB = 1024 * KB

/**
 * How many body bytes each route may send (issue 13, F3; docs/decisions/0026-http-hardening.md). Counted
 * while the body is read, so a chunked request without Content-Length is cut off too. Anonymous forms get a
 * few KB; upload routes what their attachment rules allow plus room for the text; everything else a modest cap
 * that still fits the longest rich-text case or practice.
 */
export const BODY_LIMITS: ReadonlyArray<{ pattern: RegExp; bytes: number; why: string }> = [
  { pattern: /^\/(login|logout|forgot-password)$/, bytes: 8 * KB, why: 'anonymous sign-in forms: an address and a password' },
  { pattern: /^\/reset-password\/[^/]+$/, bytes: 8 * KB, why: 'anonymous: a new password twice' },
  { pattern: /^\/join\/[^/]+$/, bytes: 32 * KB, why: 'anonymous: profile with a 2,000-character bio, and a password' },
  { pattern: /^\/api\/deidentify$/, bytes: MAX_TEXT_LENGTH * 6 + KB, why: 'the longest text the scan takes, JSON-escaped' },
  { pattern: /^\/benchmarks\/import$/, bytes: 2 * MB, why: 'a CSV of at most 1 MB and the form' },
  {
    pattern: /^\/consultations\/(new|[^/]+)$/,
    bytes: MAX_ATTACHMENTS * ATTACHMENT_RULES.maxBytes + MB,
    why: 'five attachments of 10 MB and the message',
  },
  {
    pattern: /^\/practices\/(new|[^/]+\/edit)$/,
    bytes: (MAX_PRACTICE_ATTACHMENTS + 1) * PRACTICE_ATTACHMENT_RULES.maxBytes,
    why: 'ten attachments of 10 MB and the text',
  },
]

/** Every other route: ordinary signed-in forms, rich-text sections included. */
export const DEFAULT_BODY_LIMIT = 4 * MB

/** The cap for a request path; loader-data (`/x.data`) requests share their route's. */
export function bodyLimitFor(pathname: string): number {
  const path = pathname === '/_root.data' ? '/' : pathname.replace(/\.data$/, '')
  return BODY_LIMITS.find((limit) => limit.pattern.test(path))?.bytes ?? DEFAULT_BODY_LIMIT
}
