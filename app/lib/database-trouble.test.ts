import { PrismaPg } from '@prisma/adapter-pg'
import { afterAll, expect, test } from 'vitest'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { startTcpProxy } from '#tests/fixtures/tcp-proxy.ts'
import { databaseTroubleOf } from './database-trouble.ts'
import { parseDatabaseUrl } from './database-url.ts'

// The errors are produced by the real stack (pg-pool, @prisma/adapter-pg, Prisma 6.19) against this file's
// PostgreSQL, not written by hand: if an upgrade changes their shape, these tests say so.

const connection = parseDatabaseUrl(process.env.DATABASE_URL!)
const clients: PrismaClient[] = []
function client(options: { port?: number; max: number; waitMs: number; maxWait?: number }) {
  const adapter = new PrismaPg({ ...connection, port: options.port ?? connection.port, max: options.max, connectionTimeoutMillis: options.waitMs })
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: options.maxWait ?? options.waitMs + 1000 } })
  clients.push(prisma)
  return prisma
}
afterAll(async () => {
  for (const prisma of clients) await prisma.$disconnect().catch(() => {})
})

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

/** Occupies the client's only connection for `ms` (returns once the transaction holds it). */
async function occupy(prisma: PrismaClient, ms: number) {
  let holdingNow: () => void = () => {}
  const started = new Promise<void>((resolve) => (holdingNow = resolve))
  const holding = prisma.$transaction(async (tx) => {
    holdingNow()
    await tx.$queryRawUnsafe(`SELECT pg_sleep(${ms / 1000})::text AS slept`)
  }, { timeout: ms + 5000 })
  await started
  // Wrapped: an async function returning the promise itself would wait for it.
  return { released: holding }
}

test('a query that waited the whole pool wait, and a transaction that could not start, are "busy"', async () => {
  const prisma = client({ max: 1, waitMs: 300 })
  await prisma.$queryRaw`SELECT 1`
  const holding = await occupy(prisma, 2000)
  expect(databaseTroubleOf(await failure(() => prisma.user.count()))).toBe('busy')
  expect(databaseTroubleOf(await failure(() => prisma.$transaction(async (tx) => tx.user.count())))).toBe('busy')
  await holding.released
  // Prisma's own limit (P2028) when it is shorter than the pool's wait, as before issue 18.
  const short = client({ max: 1, waitMs: 5000, maxWait: 200 })
  await short.$queryRaw`SELECT 1`
  const holdingShort = await occupy(short, 2000)
  const p2028 = await failure(() => short.$transaction(async (tx) => tx.user.count()))
  expect((p2028 as { code?: string }).code).toBe('P2028')
  expect(databaseTroubleOf(p2028)).toBe('busy')
  await holdingShort.released
})

test('a closed port, and a server that went away mid-query are "unavailable"', async () => {
  const closed = client({ port: 1, max: 1, waitMs: 1000 })
  expect(databaseTroubleOf(await failure(() => closed.user.count()))).toBe('unavailable')
  expect(databaseTroubleOf(await failure(() => closed.$transaction(async (tx) => tx.user.count())))).toBe('unavailable')

  const proxy = await startTcpProxy({ host: connection.host, port: connection.port })
  const viaProxy = client({ port: proxy.port, max: 1, waitMs: 1000 })
  await viaProxy.$queryRaw`SELECT 1`
  const during = viaProxy.$queryRawUnsafe('SELECT pg_sleep(2)::text AS slept')
  await new Promise((resolve) => setTimeout(resolve, 300))
  await proxy.cut()
  expect(databaseTroubleOf(await failure(() => during))).toBe('unavailable')
  expect(databaseTroubleOf(await failure(() => viaProxy.user.count()))).toBe('unavailable')

  // The pool drops the broken connections and opens new ones once the server answers again: no restart needed.
  await proxy.restore()
  expect(await viaProxy.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }])
  await proxy.close()
})

test('ordinary errors are not database trouble', async () => {
  const prisma = client({ max: 1, waitMs: 1000 })
  expect(databaseTroubleOf(await failure(() => prisma.$queryRawUnsafe('SELECT * FROM no_such_table')))).toBeNull()
  expect(databaseTroubleOf(await failure(() => prisma.user.create({ data: {} as never })))).toBeNull()
  expect(databaseTroubleOf(new Error('boom'))).toBeNull()
  expect(databaseTroubleOf(null)).toBeNull()
})
