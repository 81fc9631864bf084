import type { Prisma } from '#app/generated/prisma/client.ts'

export type SearchDocType = 'case' | 'comment' | 'practice'
export type SearchChange = { type: SearchDocType; id: string }

/**
 * Records that a searchable document changed (created, edited, published, hidden or deleted). Call it with the
 * transaction that makes the change, so the index can never miss a committed edit nor see a rolled-back one; the
 * sync worker loads the document's current state and indexes or removes it.
 */
export async function enqueueSearchChange(tx: Prisma.TransactionClient, changes: SearchChange | readonly SearchChange[]): Promise<void> {
  const list = Array.isArray(changes) ? changes : [changes as SearchChange]
  if (!list.length) return
  await tx.searchOutbox.createMany({ data: list.map((change) => ({ docType: change.type, docId: change.id })) })
}
