import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

/** The session cookie's name (app/modules/auth/session.server.ts). */
export const SESSION_COOKIE = 'qso_session'

/**
 * The Content-Security-Policy of every response. Scripts run only with this request's nonce, and what they load
 * ('strict-dynamic': Remix's module imports, Vite's HMR client in development). No inline event handlers, no
 * plugins, no framing, forms post only here.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "script-src-attr 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

// Features QSO Hub never uses, switched off for every page (and anything a page could embed).
const PERMISSIONS_POLICY = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'bluetooth', 'midi', 'interest-cohort', 'browsing-topics']
  .map((feature) => `${feature}=()`)
  .join(', ')

export type ResponseLocals = { cspNonce: string }

/**
 * Headers for every response, a fresh CSP nonce for the page (res.locals.cspNonce, passed on to Remix), and for
 * signed-in requests `Cache-Control: no-store` (documents, loader data and downloads stay out of shared and back/
 * forward caches on hospital PCs) and a Secure session cookie whenever the request came over TLS.
 */
export function securityHeaders(options: { appOrigin: string }) {
  const https = options.appOrigin.startsWith('https:')
  return (req: Request, res: Response<unknown, ResponseLocals>, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000')

    const signedIn = hasSessionCookie(req.headers.cookie)
    const overTls = req.secure
    if (signedIn || overTls) {
      // Applied just before the headers go out, so a route's own Cache-Control cannot loosen it.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response
      res.writeHead = ((...args: unknown[]) => {
        if (signedIn) res.setHeader('Cache-Control', 'no-store')
        if (overTls) secureSessionCookie(res)
        return writeHead(...args)
      }) as typeof res.writeHead
    }
    next()
  }
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return !!cookieHeader && cookieHeader.split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`))
}

/** Adds Secure to the session cookie when the app set it without (APP_ORIGIN says http, but this request is TLS). */
function secureSessionCookie(res: Response) {
  const cookies = res.getHeader('Set-Cookie')
  if (!cookies) return
  const list = Array.isArray(cookies) ? cookies : [String(cookies)]
  res.setHeader(
    'Set-Cookie',
    list.map((cookie) => (cookie.startsWith(`${SESSION_COOKIE}=`) && !/;\s*secure/i.test(cookie) ? `${cookie}; Secure` : cookie)),
  )
}
