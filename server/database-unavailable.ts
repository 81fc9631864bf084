import type { Request, Response } from 'express'
import { encode } from 'turbo-stream'
import type { DatabaseTrouble } from '#app/lib/database-trouble.ts'

/**
 * The answer when the database cannot serve a request (app/lib/database-trouble.ts): 503 with Retry-After, in
 * Japanese, in the form the caller reads — never Remix's English "Unexpected Server Error" 500.
 *
 * - pages: a self-contained HTML page (it must render without the database: no session, no header data);
 * - loader/action data of client-side navigation (`*.data`, Remix single fetch): a turbo-stream whose route error
 *   is a 503 ErrorResponse carrying the message, so the app's error boundary shows it;
 * - `?_data=` (Remix's older data requests) and `/api/*`: JSON.
 */
export const RETRY_AFTER_SECONDS: Record<DatabaseTrouble, number> = { busy: 5, unavailable: 15 }

export const DATABASE_TROUBLE_MESSAGES: Record<DatabaseTrouble, { title: string; body: string }> = {
  busy: {
    title: 'ただいま混み合っています',
    body: 'アクセスが集中しているため、処理を受け付けられませんでした。数秒待ってから、もう一度お試しください。送信した内容は保存されていません。',
  },
  unavailable: {
    title: 'ただいまご利用いただけません',
    body: 'データベースに接続できないため、処理を完了できませんでした。しばらく待ってから、もう一度お試しください。送信した内容は保存されていません。',
  },
}

export type RequestKind = 'single-fetch' | 'legacy-data' | 'api' | 'document'

export function requestKindOf(path: string, query: Record<string, unknown>): RequestKind {
  if (path.endsWith('.data')) return 'single-fetch'
  if ('_data' in query) return 'legacy-data'
  if (path.startsWith('/api/')) return 'api'
  return 'document'
}

/** Remix's single-fetch encoding of a route error (@remix-run/server-runtime encodeViaTurboStream's plugin). */
class RouteErrorResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly data: unknown,
  ) {}
}

/**
 * A loader request (GET) carries results per route id; the root route's error is shown by the root error
 * boundary, which is right when the database is down (the root loader reads the session too). An action
 * (POST) carries one route's result.
 */
function singleFetchBody(method: string, error: RouteErrorResponse): ReadableStream<Uint8Array> {
  const result = method === 'GET' || method === 'HEAD' ? { root: { error } } : { error }
  return encode(result, {
    plugins: [(value: unknown) => (value instanceof RouteErrorResponse ? ['ErrorResponse', value.data, value.status, value.statusText] : undefined)],
  })
}

function page(trouble: DatabaseTrouble): string {
  const { title, body } = DATABASE_TROUBLE_MESSAGES[trouble]
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} | QSO Hub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.7">
<h1>${title}</h1><p>${body}</p><p><a href="">再読み込み</a></p>
</body></html>`
}

export async function sendDatabaseTrouble(req: Request, res: Response, trouble: DatabaseTrouble): Promise<void> {
  if (res.headersSent) return
  const { title, body } = DATABASE_TROUBLE_MESSAGES[trouble]
  res.status(503)
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS[trouble]))
  res.setHeader('Cache-Control', 'no-store')
  switch (requestKindOf(req.path, req.query)) {
    case 'single-fetch': {
      res.type('text/x-script')
      const stream = singleFetchBody(req.method, new RouteErrorResponse(503, 'Service Unavailable', `${title}。${body}`))
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
      res.end()
      return
    }
    case 'legacy-data':
      res.setHeader('X-Remix-Error', 'yes')
      res.json({ message: `${title}。${body}` })
      return
    case 'api':
      res.json({ error: `${title}。${body}` })
      return
    case 'document':
      res.type('text/html; charset=utf-8').send(page(trouble))
  }
}
