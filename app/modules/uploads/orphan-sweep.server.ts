import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { prisma } from '#app/lib/db.server.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import type { FileStorage } from './file-storage.server.ts'
import { SPOOL_ROOT } from './multipart.server.ts'
import { getFileStorage } from './storage.server.ts'

/**
 * How old an unreferenced object must be before the sweep deletes it. An upload is put into the storage a moment
 * before its row commits (storeUpload inside the save's transaction, 30 s at most); a day leaves a wide margin for
 * that and for clocks that disagree between app servers and the object store.
 */
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000

const BATCH = 500

export type SweepResult = { objectsChecked: number; orphansDeleted: number; spoolFoldersRemoved: number }

/**
 * Deletes stored objects that no StoredFile row references and that are older than the grace period: objects of
 * saves that rolled back when even the rollback's delete failed, deletes after a commit that failed (storage
 * down), files left by a process that crashed between the two. Also removes temporary upload folders a crashed
 * request left behind. Runs as the daily job `uploads.sweep-orphans`; safe to run on any instance, any number of
 * times (what it deletes is unreferenced by definition, and deleting twice is no error).
 */
export async function sweepOrphanFiles(options: { now?: Date; graceMs?: number; storage?: FileStorage } = {}): Promise<SweepResult> {
  const cutoff = (options.now ?? new Date()).getTime() - (options.graceMs ?? ORPHAN_GRACE_MS)
  const storage = options.storage ?? getFileStorage()
  const result: SweepResult = { objectsChecked: 0, orphansDeleted: 0, spoolFoldersRemoved: 0 }
  let batch: string[] = []
  const flush = async () => {
    const referenced = new Set(
      (await prisma.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((row) => row.storageKey),
    )
    for (const key of batch) {
      if (referenced.has(key)) continue
      await storage.delete(key)
      result.orphansDeleted += 1
    }
    batch = []
  }
  for await (const object of storage.list()) {
    result.objectsChecked += 1
    if (object.lastModified.getTime() >= cutoff) continue
    batch.push(object.key)
    if (batch.length >= BATCH) await flush()
  }
  if (batch.length) await flush()
  result.spoolFoldersRemoved = await removeOldSpoolFolders(cutoff)
  log.info({ component: 'uploads', ...result }, 'orphan sweep finished')
  return result
}

/** Temporary folders of requests that never cleaned up (the process died while reading an upload). */
async function removeOldSpoolFolders(cutoff: number): Promise<number> {
  const entries = await readdir(SPOOL_ROOT).catch(() => [] as string[])
  let removed = 0
  for (const name of entries) {
    const folder = path.join(SPOOL_ROOT, name)
    try {
      if ((await stat(folder)).mtimeMs >= cutoff) continue
      await rm(folder, { recursive: true, force: true })
      removed += 1
    } catch (error) {
      log.warn({ component: 'uploads', error: describeError(error) }, 'could not remove a temporary upload folder')
    }
  }
  return removed
}
