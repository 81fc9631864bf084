import type { Prisma } from '#app/generated/prisma/client.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { getFileStorage } from './storage.server.ts'

type Tx = Prisma.TransactionClient

/**
 * The stored objects a database transaction adds and removes, so the bytes follow the rows only once the outcome
 * is known (issue 18):
 * - removed attachments are deleted from the storage AFTER the transaction commits: deleting first, a rollback
 *   would leave rows whose bytes are gone;
 * - objects stored during a transaction that rolls back are deleted again (no committed row points at them).
 * A delete that fails afterwards (storage unreachable) is logged and left to the orphan sweep, which removes
 * objects no row references once they are older than its grace period (orphan-sweep.server.ts).
 */
export class StoredFileChanges {
  private readonly added: string[] = []
  private readonly removed: string[] = []

  /** An object put into the storage for a row this transaction creates. */
  stored(key: string): void {
    this.added.push(key)
  }

  /**
   * Deletes StoredFile rows in the transaction and remembers their objects for deletion after the commit. Rows
   * that reference the files (attachments) go with them by cascade.
   */
  async removeFiles(tx: Tx, fileIds: readonly string[]): Promise<void> {
    if (!fileIds.length) return
    const rows = await tx.storedFile.findMany({ where: { id: { in: [...fileIds] } }, select: { storageKey: true } })
    await tx.storedFile.deleteMany({ where: { id: { in: [...fileIds] } } })
    this.removed.push(...rows.map((row) => row.storageKey))
  }

  async afterCommit(): Promise<void> {
    await deleteObjects(this.removed, 'after commit')
  }

  async afterRollback(): Promise<void> {
    await deleteObjects(this.added, 'after rollback')
  }
}

async function deleteObjects(keys: readonly string[], when: string): Promise<void> {
  const storage = getFileStorage()
  for (const key of keys) {
    try {
      await storage.delete(key)
    } catch (error) {
      log.warn({ component: 'uploads', when, error: describeError(error) }, 'could not delete a stored object; the orphan sweep will')
    }
  }
}

/**
 * Runs `work` in a transaction (or inside the caller's, `db`), then applies the file changes for its outcome. With
 * an outer transaction the outcome is the caller's to know: new objects stay (the sweep removes them if it rolls
 * back) and removed ones are left to the sweep, so no bytes are ever deleted before their rows are.
 */
export async function transactionWithFiles<T>(
  client: { $transaction<R>(run: (tx: Tx) => Promise<R>, options?: { timeout?: number }): Promise<R> },
  work: (tx: Tx, changes: StoredFileChanges) => Promise<T>,
  options: { db?: Tx; timeout?: number } = {},
): Promise<T> {
  const changes = new StoredFileChanges()
  if (options.db) return work(options.db, changes)
  let result: T
  try {
    result = await client.$transaction((tx) => work(tx, changes), { timeout: options.timeout })
  } catch (error) {
    await changes.afterRollback()
    throw error
  }
  await changes.afterCommit()
  return result
}
