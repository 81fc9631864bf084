import http from 'node:http'
import { decode } from 'turbo-stream'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildDatabaseUrl, parseDatabaseUrl } from '#app/lib/database-url.ts'
import type { AppProcess } from '#tests/fixtures/app-process.ts'
import { createMemberSession, startProductionApp, startStackDatabase, type StackDatabase } from '#tests/fixtures/production-stack.ts'
import { startTcpProxy, type TcpProxy } from '#tests/fixtures/tcp-proxy.ts'

// Issue 18: under load the pool ran dry and requests got Prisma P2028 as a 500; during a database outage loader
// data answered Remix's English "Unexpected Server Error". The production server reaches its own PostgreSQL
// through a TCP proxy the test can cut, with a one-connection pool that waits 1.5 s.

let database: StackDatabase
let app: AppProcess
let proxy: TcpProxy
let cookie = ''
let connection: ReturnType<typeof parseDatabaseUrl>

beforeAll(async () => {
  database = await startStackDatabase()
  connection = parseDatabaseUrl(database.url)
  proxy = await startTcpProxy({ host: connection.host, port: connection.port })
  app = await startProductionApp({ url: buildDatabaseUrl({ ...connection, port: proxy.port }) }, { DATABASE_POOL_SIZE: '1', DATABASE_POOL_WAIT_MS: '1500' })
  cookie = (await createMemberSession(database, app.origin)).cookie
  // The first requests warm the server up (a slow machine may need more than one pool wait for them).
  await untilOk('/home')
  await untilOk('/home.data')
}, 300_000)

afterAll(async () => {
  await app?.stop()
  await proxy?.close()
  await database?.stop()
})

async function untilOk(path: string) {
  let status = 0
  for (let attempt = 0; attempt < 30 && status !== 200; attempt++) {
    status = (await get(path)).status
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500))
  }
  expect(status).toBe(200)
}

const get = (path: string, init: RequestInit = {}) => fetch(`${app.origin}${path}`, { ...init, headers: { Cookie: cookie, ...init.headers } })

/** What the browser's Remix runtime decodes from a `.data` answer (the same turbo-stream plugin for route errors). */
async function decodeSingleFetch(response: Response): Promise<unknown> {
  const decoded = await decode(response.body!, {
    plugins: [(type: string, ...rest: unknown[]) => (type === 'ErrorResponse' ? { value: { status: rest[1], statusText: rest[2], data: rest[0] } } : undefined)],
  })
  await decoded.done
  return decoded.value
}

describe('the pool stays full: requests wait their turn, then get a 503 with Retry-After — never a 500', () => {
  test('with the only connection stuck behind a lock, a second request waits 1.5 s and is told to retry', async () => {
    const locker = new pg.Client(connection)
    await locker.connect()
    await locker.query('BEGIN')
    await locker.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE')
    const first = get('/home')
    await new Promise((resolve) => setTimeout(resolve, 300))
    const page = await get('/home')
    const data = await get('/home.data')
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('5')
    const html = await page.text()
    expect(html).toContain('ただいま混み合っています')
    expect(html).not.toMatch(/Unexpected Server Error|P2028/)
    expect(data.status).toBe(503)
    expect(await decodeSingleFetch(data)).toEqual({ root: { error: { status: 503, statusText: 'Service Unavailable', data: expect.stringContaining('混み合っています') } } })
    await locker.query('COMMIT')
    await locker.end()
    // The request that held the connection was only waiting for the lock: it completes normally.
    expect((await first).status).toBe(200)
  })
})

describe('the database goes away: every answer is a Japanese 503, pages and loader data alike', () => {
  test('pages, .data, ?_data and /api answer 503 in Japanese while the database is unreachable, and recover after', async () => {
    await proxy.cut()
    try {
      const page = await get('/cases')
      expect(page.status).toBe(503)
      expect(page.headers.get('retry-after')).toBe('15')
      expect(page.headers.get('content-type')).toMatch(/text\/html/)
      const html = await page.text()
      expect(html).toContain('データベースに接続できない')
      expect(html).not.toContain('Unexpected Server Error')

      const data = await get('/cases.data')
      expect(data.status).toBe(503)
      expect(data.headers.get('retry-after')).toBe('15')
      const decoded = await decodeSingleFetch(data)
      expect(decoded).toEqual({ root: { error: { status: 503, statusText: 'Service Unavailable', data: expect.stringContaining('データベースに接続できない') } } })
      expect(JSON.stringify(decoded)).not.toContain('Unexpected Server Error')

      const legacy = await get('/cases?_data=root')
      expect(legacy.status).toBe(503)
      expect(await legacy.json()).toEqual({ message: expect.stringContaining('データベースに接続できない') })

      const api = await get('/api/search?q=転倒')
      expect(api.status).toBe(503)
      expect(await api.json()).toEqual({ error: expect.stringContaining('データベースに接続できない') })

      // An action (a comment posted through client-side navigation) gets the same, as one route's result.
      const action = await get('/cases/new.data', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.origin },
        body: new URLSearchParams({ intent: 'save' }).toString(),
      })
      expect(action.status).toBe(503)
      expect(await decodeSingleFetch(action)).toEqual({ error: { status: 503, statusText: 'Service Unavailable', data: expect.stringContaining('データベース') } })
    } finally {
      await proxy.restore()
    }
    // The pool reconnects by itself once PostgreSQL answers again.
    await untilOk('/cases')
    expect(app.output()).not.toContain('P2028')
  }, 60_000)
})

test('a POST with our Origin sent to another Host (production build) is refused with 403 in Japanese, not a 500', async () => {
  const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: app.port, method: 'POST', path: '/login', headers: { Host: 'internal.example:3000', Origin: app.origin, 'Content-Type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    request.end('email=member%40qso.example&password=x')
  })
  expect(reply.status).toBe(403)
  expect(reply.body).toContain('他のサイトからの送信は受け付けられません')
})
