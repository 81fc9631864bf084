import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { setCaseHidden } from '#app/modules/cases/cases.server.ts'
import { addComment, editComment } from '#app/modules/discussion/discussion.server.ts'
import { richTextFromPlainText } from '#app/modules/rich-text/rich-text.ts'
import { createUser, makeRequest } from '#tests/fixtures/auth.ts'
import { saveCaseForm, sessionUser } from '#tests/fixtures/cases.ts'
import { createMeiliMock } from '#tests/mocks/meilisearch.ts'
import { setDocumentSources } from '#search/documents/registry.server.ts'
import { BUILT_IN_SOURCES } from '#search/documents/sources.server.ts'
import { MeilisearchEngine } from '#search/meilisearch.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { drainOutbox } from '#search/worker.server.ts'

const meili = createMeiliMock()
const server = setupServer(...meili.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

test('outbox rows are written with the change that caused them, and vanish with a rolled-back one', async () => {
  await prisma.$transaction((tx) => enqueueSearchChange(tx, [{ type: 'case', id: 'c1' }, { type: 'comment', id: 'm1' }]))
  await expect(
    prisma.$transaction(async (tx) => {
      await enqueueSearchChange(tx, { type: 'case', id: 'c2' })
      throw new Error('rollback')
    }),
  ).rejects.toThrow('rollback')
  const rows = await prisma.searchOutbox.findMany({ orderBy: { id: 'asc' }, select: { docType: true, docId: true, attempts: true } })
  expect(rows).toEqual([
    { docType: 'case', docId: 'c1', attempts: 0 },
    { docType: 'comment', docId: 'm1', attempts: 0 },
  ])
  await prisma.searchOutbox.deleteMany()
})

test('real case edits while Meilisearch is down: after recovery every edit is indexed once, in its last state', async () => {
  setDocumentSources(BUILT_IN_SOURCES)
  const engine = new MeilisearchEngine({ host: meili.host })
  await engine.init()
  const author = await sessionUser((await createUser()).id)
  const moderator = await sessionUser((await createUser({ role: 'ADMIN' })).id)
  const submit = (fields: Record<string, string>, id?: string) => saveCaseForm(author, fields, id)
  const a = await submit({ title: '事例A 初版' })
  const b = await submit({ title: '事例B 初版' })
  expect(await drainOutbox(engine)).toMatchObject({ upserted: 2, failed: 0 })

  meili.faults.unavailable = true
  await submit({ title: '事例A 第2版' }, a)
  await submit({ title: '事例A 第3版' }, a)
  const c = await submit({ title: '事例C 新規' })
  const note = await addComment({ kind: 'case', id: c }, author, { body: richTextFromPlainText('コメント初版') })
  if (!note.ok) throw new Error(note.message)
  await setCaseHidden(b, { reason: '確認中' }, moderator, makeRequest('/cases'))
  expect(await drainOutbox(engine)).toMatchObject({ failed: 5 })
  await editComment({ kind: 'case', id: c }, author, note.id, richTextFromPlainText('コメント第2版'))
  await prisma.searchOutbox.updateMany({ data: { availableAt: new Date(Date.now() - 1) } })
  expect(await drainOutbox(engine)).toMatchObject({ failed: 6 })
  expect(await prisma.searchOutbox.count()).toBe(6)

  meili.faults.unavailable = false
  await prisma.searchOutbox.updateMany({ data: { availableAt: new Date(Date.now() - 1) } })
  // a (3 rows coalesced), c and its comment upserted; b hidden removed.
  expect(await drainOutbox(engine)).toMatchObject({ claimed: 6, upserted: 3, removed: 1, failed: 0 })
  expect(await prisma.searchOutbox.count()).toBe(0)
  const indexed = meili.indexes.get('qso_documents')!.documents as Map<string, { title: string; body: string }>
  expect([...indexed.keys()].sort()).toEqual([`case:${a}`, `case:${c}`, `comment:${note.id}`].sort())
  expect(indexed.get(`case:${a}`)?.title).toBe('事例A 第3版')
  expect(indexed.get(`comment:${note.id}`)?.body).toBe('コメント第2版')

  // Never the same version twice, and only versions that were current when sent.
  const sent = new Map<string, number>()
  for (const request of meili.requests) {
    if (request.method !== 'POST' || !/\/indexes\/qso_documents\/documents$/.test(request.path)) continue
    for (const document of request.body as { key: string; version: string }[]) sent.set(`${document.key}@${document.version}`, (sent.get(`${document.key}@${document.version}`) ?? 0) + 1)
  }
  expect([...sent.values()].every((count) => count === 1)).toBe(true)
  // a first + a 3rd, b first, c, comment: the intermediate 第2版 was never sent.
  expect(sent.size).toBe(5)
})
