/** `npm run dev` answers on this machine only, unless HOST says otherwise (e.g. HOST=0.0.0.0 to test from a phone). */
export function listenHost(options: { dev: boolean; host: string | undefined }): string | undefined {
  if (options.host) return options.host
  return options.dev ? '127.0.0.1' : undefined
}

/**
 * Production must be served over https (the session cookie is Secure, HSTS applies), except on this machine
 * (`npm start` for a local check, the browser tests). Returns why it may not start, or null.
 */
export function productionOriginProblem(appOrigin: string): string | null {
  let url: URL
  try {
    url = new URL(appOrigin)
  } catch {
    return `APP_ORIGIN "${appOrigin}" is not a URL. Set it to the public https address, e.g. APP_ORIGIN=https://hub.qso.example`
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return null
  return (
    `Refusing to start in production on ${url.origin}: sign-in cookies and medical information must travel over https. ` +
    'Set APP_ORIGIN to the https address members use (e.g. APP_ORIGIN=https://hub.qso.example) and terminate TLS ' +
    'in front of the app (set TRUST_PROXY for the proxy), or use http://localhost for a local check.'
  )
}
