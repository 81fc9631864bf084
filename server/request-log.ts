import { randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { log } from '#app/lib/log.server.ts'

export const REQUEST_ID_HEADER = 'x-request-id'

/**
 * One JSON line per request: id, method, route (the path only: queries carry search words, bodies are never
 * read here), status and duration. The id comes from the load balancer's X-Request-Id when it looks like one,
 * and is sent back, so a member's report can be matched to the line.
 */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const started = process.hrtime.bigint()
  const given = req.get(REQUEST_ID_HEADER)
  const requestId = given && /^[\w.-]{8,100}$/.test(given) ? given : randomUUID()
  res.locals.requestId = requestId
  res.setHeader('X-Request-Id', requestId)
  res.on('finish', () => {
    const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000
    const line = { requestId, method: req.method, route: req.path, status: res.statusCode, durationMs }
    if (res.statusCode >= 500) log.error(line, 'request')
    else log.info(line, 'request')
  })
  next()
}
