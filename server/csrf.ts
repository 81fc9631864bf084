const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers send Origin on every
 * cross-site POST (and Sec-Fetch-Site on all of them); requests with neither do not come from a web page,
 * so the session cookie cannot be abused through them.
 */
export function isForeignMutation(input: {
  method: string
  origin: string | undefined
  secFetchSite: string | undefined
  allowedOrigins: readonly string[]
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false
  if (input.origin && input.origin !== 'null') return !input.allowedOrigins.includes(input.origin)
  if (input.origin === 'null') return true
  if (input.secFetchSite) return !['same-origin', 'none'].includes(input.secFetchSite)
  return false
}
