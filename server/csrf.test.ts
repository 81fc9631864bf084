import { describe, expect, test } from 'vitest'
import { isForeignMutation } from './csrf.ts'

const allowedOrigins = ['https://hub.qso.example']

describe('isForeignMutation', () => {
  test.each([
    { name: 'GET from anywhere is fine', method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', foreign: false },
    { name: 'POST from our origin', method: 'POST', origin: 'https://hub.qso.example', secFetchSite: 'same-origin', foreign: false },
    { name: 'POST from another origin', method: 'POST', origin: 'https://evil.example', secFetchSite: 'cross-site', foreign: true },
    { name: 'POST from a sibling subdomain', method: 'POST', origin: 'https://evil.qso.example', secFetchSite: 'same-site', foreign: true },
    { name: 'POST from an http downgrade of our host', method: 'POST', origin: 'http://hub.qso.example', secFetchSite: undefined, foreign: true },
    { name: 'POST with an opaque (null) origin', method: 'POST', origin: 'null', secFetchSite: undefined, foreign: true },
    { name: 'DELETE without Origin but cross-site fetch metadata', method: 'DELETE', origin: undefined, secFetchSite: 'cross-site', foreign: true },
    { name: 'POST without Origin, typed by the user (none)', method: 'POST', origin: undefined, secFetchSite: 'none', foreign: false },
    { name: 'POST from a non-browser client (no Origin, no fetch metadata)', method: 'POST', origin: undefined, secFetchSite: undefined, foreign: false },
  ])('$name', ({ method, origin, secFetchSite, foreign }) => {
    expect(isForeignMutation({ method, origin, secFetchSite, allowedOrigins, host: 'hub.qso.example' })).toBe(foreign)
  })

  // Issue 18: Remix aborts an action whose Origin does not name the Host (or X-Forwarded-Host) with a 500.
  test.each([
    { name: 'our Origin, another Host', host: 'internal:3000', forwardedHost: undefined, foreign: true },
    { name: 'our Origin, another X-Forwarded-Host', host: 'hub.qso.example', forwardedHost: 'evil.example', foreign: true },
    { name: 'our Origin, our X-Forwarded-Host behind a proxy', host: 'internal:3000', forwardedHost: 'hub.qso.example, proxy', foreign: false },
    { name: 'our Origin, no Host at all', host: undefined, forwardedHost: undefined, foreign: true },
  ])('$name', ({ host, forwardedHost, foreign }) => {
    expect(isForeignMutation({ method: 'POST', origin: 'https://hub.qso.example', secFetchSite: 'same-origin', allowedOrigins, host, forwardedHost })).toBe(foreign)
  })
})
