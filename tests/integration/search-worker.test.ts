import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createFakeSource } from '#tests/fixtures/search-source.ts'
import { createMeiliMock } from '#tests/mocks/meilisearch.ts'
import { setDocumentSources } from '#search/documents/registry.server.ts'
import { MeilisearchEngine } from '#search/meilisearch.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { backoffMs, drainOnce, drainOutbox } from '#search/worker.server.ts'

const meili = createMeiliMock()
const server = setupServer(...meili.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const fake = createFakeSource('case')
const engine = new MeilisearchEngine({ host: meili.host })

beforeEach(async () => {
  meili.reset()
  fake.rows.clear()
  setDocumentSources([fake.source])
  await prisma.searchOutbox.deleteMany()
  await engine.init()
})

/** An edit as the cases module makes it: the row changes and the outbox row is written in one transaction. */
async function edit(row: Parameters<typeof fake.set>[0]) {
  await prisma.$transaction(async (tx) => {
    fake.set(row)
    await enqueueSearchChange(tx, { type: 'case', id: row.id })
  })
}

/** Every document version Meilisearch was ever sent, counted. */
function sentVersions(): Map<string, number> {
  const counts = new Map<string, number>()
  for (const request of meili.requests) {
    if (request.method !== 'POST' || !/\/indexes\/qso_documents\/documents$/.test(request.path)) continue
    for (const document of request.body as { key: string; version: string }[]) {
      const id = `${document.key}@${document.version}`
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
  }
  return counts
}

const indexed = () => meili.indexes.get('qso_documents')?.documents ?? new Map()
const makeAvailable = () => prisma.searchOutbox.updateMany({ data: { availableAt: new Date(Date.now() - 1) } })

test('Meilisearch down for a while, edits continue, then recovery: every edit indexed, none twice', async () => {
  for (let i = 1; i <= 4; i++) await edit({ id: `c${i}`, title: `事例${i} 初版`, body: '本文' })
  expect(await drainOutbox(engine)).toMatchObject({ claimed: 4, upserted: 4, failed: 0 })
  expect(await prisma.searchOutbox.count()).toBe(0)

  meili.faults.unavailable = true
  await edit({ id: 'c1', title: '事例1 第2版', body: '本文' })
  await edit({ id: 'c1', title: '事例1 第3版', body: '本文' })
  await edit({ id: 'c2', title: '事例2', body: '本文', hidden: true })
  await edit({ id: 'c5', title: '事例5 新規', body: '本文' })
  const failed = await drainOutbox(engine)
  expect(failed).toMatchObject({ claimed: 4, failed: 4 })
  const rows = await prisma.searchOutbox.findMany({ orderBy: { id: 'asc' } })
  expect(rows).toHaveLength(4)
  for (const row of rows) {
    expect(row.attempts).toBe(1)
    expect(row.lastError).toMatch(/unavailable/i)
    expect(row.availableAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 900)
  }
  // Not retried before the backoff has passed.
  expect(await drainOnce(engine)).toMatchObject({ claimed: 0 })

  await edit({ id: 'c3', title: '事例3 第2版', body: '本文', published: false })
  await edit({ id: 'c1', title: '事例1 第4版', body: '本文' })
  await makeAvailable()
  expect(await drainOutbox(engine)).toMatchObject({ failed: 6 })
  const second = await prisma.searchOutbox.findFirst({ where: { docId: 'c2' } })
  expect(second?.attempts).toBe(2)
  expect(second!.availableAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(2) - 900)

  meili.faults.unavailable = false
  await makeAvailable()
  const recovered = await drainOutbox(engine)
  // c1 (three rows coalesced into one upsert), c5 added; c2 hidden and c3 back to draft removed.
  expect(recovered).toMatchObject({ claimed: 6, upserted: 2, removed: 2, failed: 0 })
  expect(await prisma.searchOutbox.count()).toBe(0)
  expect([...indexed().keys()].sort()).toEqual(['case:c1', 'case:c4', 'case:c5'])
  expect(indexed().get('case:c1')?.title).toBe('事例1 第4版')

  // Unchanged documents are not sent again, whatever the outbox says.
  await prisma.$transaction((tx) => enqueueSearchChange(tx, [{ type: 'case', id: 'c1' }, { type: 'case', id: 'c4' }]))
  expect(await drainOutbox(engine)).toMatchObject({ claimed: 2, upserted: 0, unchanged: 2 })

  const versions = sentVersions()
  expect([...versions.values()].every((count) => count === 1)).toBe(true)
  // Every indexed document is the current state of its row.
  expect(versions.size).toBe(6) // c1..c4 first versions, c1 4th version, c5
})

test('two workers at once never take the same rows', async () => {
  for (let i = 1; i <= 30; i++) await edit({ id: `d${i}`, title: `事例${i}`, body: '本文' })
  const [a, b] = await Promise.all([drainOnce(engine, 20), drainOnce(engine, 20)])
  expect(a.claimed + b.claimed).toBe(30)
  expect([...sentVersions().values()].every((count) => count === 1)).toBe(true)
  expect(indexed().size).toBe(30)
})

test('a failed task keeps the rows for a retry', async () => {
  await edit({ id: 'c1', title: '事例1', body: '本文' })
  meili.faults.failTasks = 1
  expect(await drainOutbox(engine)).toMatchObject({ failed: 1, error: expect.stringMatching(/failed: internal/) })
  await makeAvailable()
  expect(await drainOutbox(engine)).toMatchObject({ upserted: 1, failed: 0 })
  expect(indexed().has('case:c1')).toBe(true)
})

test('rows of a type without a source wait (with backoff) instead of being dropped', async () => {
  await prisma.$transaction((tx) => enqueueSearchChange(tx, { type: 'practice', id: 'p1' }))
  expect(await drainOutbox(engine)).toMatchObject({ claimed: 1, failed: 1 })
  expect(await prisma.searchOutbox.findFirst()).toMatchObject({ attempts: 1, lastError: expect.stringContaining('practice') })
})
