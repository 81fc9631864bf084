import type { IncomingMessage } from 'node:http'
import { createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable, type ServerBuild } from '@remix-run/node'
import type { NextFunction, Request, Response } from 'express'
import { runWithRequestStore } from '#app/lib/bad-input.server.ts'
import { databaseTroubleOf } from '#app/lib/database-trouble.ts'
import { bodyLimitFor } from './body-limits.ts'
import { sendDatabaseTrouble } from './database-unavailable.ts'
import { sendRefusal } from './error-pages.ts'
import type { ResponseLocals } from './security-headers.ts'

/**
 * @remix-run/express's request handler, with two changes: the body reaches Remix through a counter that stops
 * reading at the route's cap (413, issue 13 F3: Content-Length alone is no limit, a chunked body has none), and
 * a 500 caused by unreadable input (bad-input.server.ts) becomes a 400 in Japanese (F7), and one caused by the
 * database (pool exhausted, server unreachable) a 503 with Retry-After (issue 18). The CSP nonce goes to
 * entry.server.tsx in the load context.
 */
export function createRequestHandler(options: { build: ServerBuild | (() => Promise<ServerBuild>); mode: string }) {
  const handle = createRemixRequestHandler(options.build, options.mode)
  return async (req: Request, res: Response<unknown, ResponseLocals>, next: NextFunction) => {
    const limit = bodyLimitFor(req.path)
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) return refuseTooLarge(req, res)
    let tooLarge = false
    try {
      const request = toRemixRequest(req, res, limit, () => {
        tooLarge = true
        refuseTooLarge(req, res)
      })
      const { store, result } = runWithRequestStore(() => handle(request, { cspNonce: res.locals.cspNonce }))
      const response = await result
      if (tooLarge || res.headersSent) return
      if (response.status >= 500 && store.badInput) {
        await response.body?.cancel().catch(() => {})
        return sendRefusal(res, req.path, 400)
      }
      // The one place where a pool that stayed full or a database that is down becomes a 503 with Retry-After in
      // Japanese, for pages and loader/action data alike (entry.server.tsx's handleError noted the cause).
      if (response.status >= 500 && store.databaseTrouble) {
        await response.body?.cancel().catch(() => {})
        return await sendDatabaseTrouble(req, res, store.databaseTrouble)
      }
      await sendRemixResponse(res, response)
    } catch (error) {
      if (tooLarge || res.headersSent) return
      const trouble = databaseTroubleOf(error)
      if (trouble) return await sendDatabaseTrouble(req, res, trouble)
      next(error)
    }
  }
}

/** 413, then the connection is closed so the client stops sending (and the server stops receiving) the rest. */
function refuseTooLarge(req: Request, res: Response) {
  if (res.headersSent) return
  res.setHeader('Connection', 'close')
  sendRefusal(res, req.path, 413)
  res.on('finish', () => req.socket.destroySoon())
  req.unpipe()
  req.pause()
}

function toRemixRequest(req: Request, res: Response, limit: number, onTooLarge: () => void): globalThis.Request {
  // Same URL rules as @remix-run/express: req.hostname respects TRUST_PROXY, the port comes from the Host.
  const port = (req.get('X-Forwarded-Host') ?? req.get('host') ?? '').split(':')[1]
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`)
  let controller: AbortController | null = new AbortController()
  const signal = controller.signal
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: createRemixHeaders(req.headers), signal }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = limitedBody(req, limit, onTooLarge)
    init.duplex = 'half'
  }
  return new Request(url.href, init)
}

function createRemixHeaders(headers: IncomingMessage['headers']): Headers {
  const result = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const item of value) result.append(name, item)
    else if (value) result.set(name, value)
  }
  return result
}

async function sendRemixResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  // Set-Cookie may come several times; any other header the route sets replaces the server's default of that name
  // (security-headers.ts), so a download carries one nosniff and its own sandbox CSP and Cache-Control, not two of each.
  for (const [name, value] of response.headers.entries()) {
    if (name === 'set-cookie') res.append(name, value)
    else res.setHeader(name, value)
  }
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

export class BodyTooLargeError extends Error {
  constructor() {
    super('Request body exceeds the route limit')
  }
}

/** The request body as a web stream that errors (and stops reading) once more than `limit` bytes arrived. */
export function limitedBody(source: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let received = 0
  let done = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      source.on('data', (chunk: Buffer) => {
        if (done) return
        received += chunk.byteLength
        if (received > limit) {
          done = true
          source.pause()
          controller.error(new BodyTooLargeError())
          onTooLarge()
          return
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 1) <= 0) source.pause()
      })
      source.once('end', () => {
        if (done) return
        done = true
        controller.close()
      })
      source.once('error', (error) => {
        if (done) return
        done = true
        controller.error(error)
      })
      source.pause()
    },
    pull() {
      if (!done) source.resume()
    },
    cancel() {
      done = true
      source.pause()
    },
  })
}
