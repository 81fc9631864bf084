import type { NextFunction, Request, Response } from 'express'
import { sendRefusal } from './error-pages.ts'

/** The methods Remix routes answer: GET/HEAD for loaders, POST for actions. Everything else is a 405. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const

/**
 * Requests no route can make sense of are answered here with a 4xx in Japanese (issue 13, F7): PUT, PATCH,
 * DELETE, TRACE … (405 with Allow; OPTIONS gets the Allow list), a path with bad percent-encoding such as
 * /cases/%FF, and a NUL character anywhere in the path or query (PostgreSQL refuses NUL in text, which
 * answered 500).
 */
export function requestGuards() {
  return (req: Request, res: Response, next: NextFunction) => {
    const method = req.method.toUpperCase()
    if (method === 'OPTIONS') {
      res.setHeader('Allow', ALLOWED_METHODS.join(', '))
      res.status(204).end()
      return
    }
    if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
      sendRefusal(res, req.path, 405, { Allow: ALLOWED_METHODS.join(', ') })
      return
    }
    if (!isReadableUrl(req.originalUrl)) {
      sendRefusal(res, safePath(req.originalUrl), 400)
      return
    }
    next()
  }
}

/** A request target whose path decodes as UTF-8 and which holds no NUL, raw or percent-encoded. */
export function isReadableUrl(target: string): boolean {
  const queryAt = target.indexOf('?')
  const path = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = queryAt === -1 ? '' : target.slice(queryAt + 1)
  try {
    if (decodeURIComponent(path).includes('\0')) return false
  } catch {
    return false
  }
  for (const [key, value] of new URLSearchParams(query)) {
    if (key.includes('\0') || value.includes('\0') || key.includes('\uFFFD') || value.includes('\uFFFD')) return false
  }
  return true
}

function safePath(target: string): string {
  return target.startsWith('/api/') ? '/api/' : '/'
}
