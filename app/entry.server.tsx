import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from '#app/components/nonce.tsx'
import { isBadInputError, reportRequestError } from '#app/lib/bad-input.server.ts'
import { databaseTroubleOf } from '#app/lib/database-trouble.ts'
import { describeError, log } from '#app/lib/log.server.ts'

// Remix's default Node entry, plus the CSP nonce: the HTTP server (server/security-headers.ts) puts a fresh one in
// the load context and the Content-Security-Policy header; React stamps it on every script it renders.
const ABORT_DELAY = 5_000

export function cspNonceOf(loadContext: AppLoadContext | undefined): string {
  const nonce = (loadContext as { cspNonce?: unknown } | undefined)?.cspNonce
  return typeof nonce === 'string' ? nonce : ''
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and crawlers get the whole page at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  const nonce = cspNonceOf(loadContext)
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const ready = () => {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html')
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce || undefined} />
      </NonceContext.Provider>,
      {
        nonce: nonce || undefined,
        ...(waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the shell is ready reject and are logged by Remix; later ones only here.
          if (shellRendered) log.error({ error: describeError(error) }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Remix calls this for errors in loaders, actions and rendering; malformed input is answered 400 by the server. */
export function handleError(error: unknown, { request }: { request: Request }) {
  reportRequestError(error)
  if (request.signal.aborted) return
  if (isBadInputError(error)) return
  // Pool exhausted or database down: answered 503 by the HTTP server; one line, not a stack per request.
  const trouble = databaseTroubleOf(error)
  if (trouble) return log.warn({ trouble, path: new URL(request.url).pathname }, 'database trouble')
  log.error({ error: describeError(error) }, 'request error')
}
