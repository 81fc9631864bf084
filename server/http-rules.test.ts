import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { isBadInputError } from '#app/lib/bad-input.server.ts'
import { bodyLimitFor, DEFAULT_BODY_LIMIT } from './body-limits.ts'
import { devMayServe } from './dev-file-guard.ts'
import { isReadableUrl } from './request-guards.ts'
import { contentSecurityPolicy, hasSessionCookie } from './security-headers.ts'
import { listenHost, productionOriginProblem } from './startup-checks.ts'

const root = path.resolve(import.meta.dirname, '..')

describe('body limits (F3)', () => {
  test('anonymous forms get a few KB, loader-data requests share their route, uploads more, the rest the default', () => {
    expect(bodyLimitFor('/login')).toBe(8 * 1024)
    expect(bodyLimitFor('/login.data')).toBe(8 * 1024)
    expect(bodyLimitFor('/reset-password/abc')).toBe(8 * 1024)
    expect(bodyLimitFor('/join/abc.data')).toBe(32 * 1024)
    expect(bodyLimitFor('/practices/new')).toBe(110 * 1024 * 1024)
    expect(bodyLimitFor('/consultations/abc')).toBe(51 * 1024 * 1024)
    expect(bodyLimitFor('/cases/new')).toBe(DEFAULT_BODY_LIMIT)
    expect(bodyLimitFor('/practices/abc')).toBe(DEFAULT_BODY_LIMIT)
  })
})

describe('readable URLs (F7)', () => {
  test.each([
    ['/members?q=%00', false],
    ['/cases/%FF', false],
    ['/cases/%E3%80', false],
    ['/a%00b', false],
    ['/search?q=%FF', false],
    ['/search?q=%E8%BB%A2%E5%80%92', true],
    ['/members?q=a+b&page=2', true],
    ['/cases/abc', true],
  ])('%s → %s', (target, readable) => {
    expect(isReadableUrl(target)).toBe(readable)
  })

  test('unreadable input is told apart from server faults', () => {
    expect(isBadInputError(new URIError('URI malformed'))).toBe(true)
    expect(isBadInputError(new TypeError('Failed to parse body as FormData.'))).toBe(true)
    expect(isBadInputError(Object.assign(new Error('query failed'), { cause: { originalCode: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' } }))).toBe(true)
    expect(isBadInputError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false)
    expect(isBadInputError(new Error('Unable to start a transaction in the given time'))).toBe(false)
  })
})

describe('what the development server hands to Vite (F5)', () => {
  test.each([
    ['/.data/postgres/credentials.json', false],
    ['/%2Edata/postgres/credentials.json', false],
    [`/@fs${root}/.data/postgres/credentials.json`, false],
    [`/@fs${root}/server/app.ts`, false],
    ['/@fs/etc/passwd', false],
    ['/app/modules/auth/session.server.ts', false],
    ['/app/routes/../../.env', false],
    ['/server/start.ts', false],
    ['/package.json', false],
    ['/.git/HEAD', false],
    ['/node_modules/.bin/tsx', false],
    ['/app/root.tsx', true],
    ['/app/components/nonce.tsx', true],
    ['/search/highlight.ts', true],
    ['/search/meilisearch.server.ts', false],
    ['/search/../server/app.ts', false],
    ['/node_modules/.vite/deps/react.js', true],
    [`/@fs${root}/node_modules/@remix-run/react/dist/esm/index.js`, true],
    ['/@vite/client', true],
    ['/@id/__x00__virtual:remix/browser-manifest', true],
    ['/favicon.svg', true],
  ])('%s → %s', (urlPath, served) => {
    expect(devMayServe(urlPath, root)).toBe(served)
  })
})

describe('start-up (F5, F10)', () => {
  test('development listens on 127.0.0.1 unless HOST is set; production on all interfaces', () => {
    expect(listenHost({ dev: true, host: undefined })).toBe('127.0.0.1')
    expect(listenHost({ dev: true, host: '0.0.0.0' })).toBe('0.0.0.0')
    expect(listenHost({ dev: false, host: undefined })).toBeUndefined()
  })

  test.each([
    ['https://hub.qso.example', false],
    ['http://localhost:3000', false],
    ['http://127.0.0.1:3000', false],
    ['http://hub.qso.example', true],
    ['http://192.168.1.20:3000', true],
    ['not a url', true],
  ])('production on %s refused: %s', (origin, refused) => {
    expect(productionOriginProblem(origin) !== null).toBe(refused)
  })
})

describe('headers (F10)', () => {
  test('the CSP allows scripts by nonce only and keeps the old directives', () => {
    const csp = contentSecurityPolicy('abc')
    expect(csp).toContain("script-src 'nonce-abc' 'strict-dynamic'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
  })

  test('the session cookie is recognised among others', () => {
    expect(hasSessionCookie('a=1; qso_session=x.y')).toBe(true)
    expect(hasSessionCookie('not_qso_session=1')).toBe(false)
    expect(hasSessionCookie(undefined)).toBe(false)
  })
})
