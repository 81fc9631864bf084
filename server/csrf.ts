const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses state-changing requests that a browser sent from another site. Browsers send Origin on every
 * cross-site POST (and Sec-Fetch-Site on all of them); requests with neither do not come from a web page,
 * so the session cookie cannot be abused through them.
 *
 * The Origin must also name the host the request was sent to (X-Forwarded-Host, else Host: the same headers
 * Remix compares before every action). Remix throws on a mismatch, which answered 500 (issue 18); here it is a
 * 403 with a message instead.
 */
export function isForeignMutation(input: {
  method: string
  origin: string | undefined
  secFetchSite: string | undefined
  allowedOrigins: readonly string[]
  host?: string | undefined
  forwardedHost?: string | undefined
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false
  if (input.origin === 'null') return true
  if (input.origin) {
    if (!input.allowedOrigins.includes(input.origin)) return true
    const requestHost = input.forwardedHost?.split(',')[0]?.trim() || input.host
    return hostOf(input.origin) !== requestHost
  }
  if (input.secFetchSite) return !['same-origin', 'none'].includes(input.secFetchSite)
  return false
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}
