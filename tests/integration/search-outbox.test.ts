import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'

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
})
