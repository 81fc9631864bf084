/**
 * The outbox worker (karakeep): claims rows with FOR UPDATE SKIP LOCKED (several app servers may run it), reads
 * each document's CURRENT state through its source, deletes what is no longer visible, upserts what changed
 * (skipping documents whose indexed version is already this one), and deletes the rows. On failure the rows
 * stay, with attempts, lastError and an exponential backoff. Rows for the same document are coalesced.
 */
import { prisma } from '#app/lib/db.server.ts'
import { documentSources, splitKey } from './documents/registry.server.ts'
import { type SearchChange } from './outbox.server.ts'
import { type DocumentType, type SearchDocument, type SearchEngine } from './types.ts'

type ClaimedRow = { id: bigint; docType: string; docId: string; attempts: number }

export type DrainReport = { claimed: number; upserted: number; removed: number; unchanged: number; failed: number; error?: string }

// Short: a worker that crashes mid-batch delays those documents by this much, not minutes (issue 18 measured
// 5 min 18 s with a 5-minute lease). A batch that outlives it may be indexed twice, which upserts are made for.
const LEASE_MS = 15_000
const MAX_BACKOFF_MS = 10 * 60_000

/** 1 s, 2 s, 4 s … capped at 10 minutes. */
export const backoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1))

async function claim(limit: number): Promise<ClaimedRow[]> {
  // One statement, so the lock and the lease are taken atomically; a crashed worker's rows return after the lease.
  return prisma.$queryRaw<ClaimedRow[]>`
    UPDATE "SearchOutbox" SET "availableAt" = now() + make_interval(secs => ${LEASE_MS / 1000})
    WHERE id IN (
      SELECT id FROM "SearchOutbox" WHERE "availableAt" <= now() ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "docType", "docId", attempts`
}

async function fail(rows: ClaimedRow[], error: string) {
  for (const row of rows) {
    const attempts = row.attempts + 1
    await prisma.searchOutbox.update({
      where: { id: row.id },
      data: { attempts, lastError: error.slice(0, 1000), availableAt: new Date(Date.now() + backoffMs(attempts)) },
    })
  }
}

/** Index the current state of these documents (and their dependents). Returns what was done. */
export async function syncDocuments(engine: SearchEngine, changes: SearchChange[]) {
  const sources = await documentSources()
  const idsByType = new Map<DocumentType, Set<string>>()
  const add = (change: SearchChange) => {
    const set = idsByType.get(change.type) ?? new Set<string>()
    set.add(change.id)
    idsByType.set(change.type, set)
  }
  changes.forEach(add)
  for (const [type, ids] of [...idsByType]) {
    const dependents = await sources.get(type)?.dependents?.([...ids])
    dependents?.forEach(add)
  }
  const wanted: string[] = []
  const current: SearchDocument[] = []
  for (const [type, ids] of idsByType) {
    const source = sources.get(type)
    if (!source) throw new Error(`No document source for type "${type}"`)
    wanted.push(...[...ids].map((id) => `${type}:${id}`))
    current.push(...(await source.load([...ids])))
  }
  const present = new Set(current.map((document) => document.key))
  const toRemove = wanted.filter((key) => !present.has(key))
  const indexed = await engine.versions(current.map((document) => document.key))
  const toUpsert = current.filter((document) => indexed.get(document.key) !== document.version)
  // Deletes before adds (karakeep); removing a key that is not indexed is harmless.
  if (toRemove.length) await engine.remove(toRemove)
  if (toUpsert.length) await engine.upsert(toUpsert)
  return { upserted: toUpsert.length, removed: toRemove.length, unchanged: current.length - toUpsert.length }
}

/** One batch. */
export async function drainOnce(engine: SearchEngine, batchSize = 200): Promise<DrainReport> {
  const rows = await claim(batchSize)
  const report: DrainReport = { claimed: rows.length, upserted: 0, removed: 0, unchanged: 0, failed: 0 }
  if (rows.length === 0) return report
  const sources = await documentSources()
  const unknown = rows.filter((row) => !sources.has(row.docType as DocumentType))
  if (unknown.length) {
    // Kept (with backoff) rather than dropped: the type's source may arrive with the next release.
    await fail(unknown, `No document source for type "${unknown[0]?.docType}"`)
    report.failed += unknown.length
  }
  const known = rows.filter((row) => sources.has(row.docType as DocumentType))
  if (known.length === 0) return report
  const seen = new Set<string>()
  const changes: SearchChange[] = []
  for (const row of known) {
    const key = `${row.docType}:${row.docId}`
    if (seen.has(key)) continue
    seen.add(key)
    const [type, id] = splitKey(key)
    changes.push({ type: type as SearchChange['type'], id })
  }
  try {
    const done = await syncDocuments(engine, changes)
    await prisma.searchOutbox.deleteMany({ where: { id: { in: known.map((row) => row.id) } } })
    return { ...report, ...done }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await fail(known, message)
    return { ...report, failed: report.failed + known.length, error: message }
  }
}

/** Batches until the outbox has nothing ready, or a batch fails (the next run retries after the backoff). */
export async function drainOutbox(engine: SearchEngine, batchSize = 200): Promise<DrainReport> {
  const total: DrainReport = { claimed: 0, upserted: 0, removed: 0, unchanged: 0, failed: 0 }
  for (;;) {
    const report = await drainOnce(engine, batchSize)
    total.claimed += report.claimed
    total.upserted += report.upserted
    total.removed += report.removed
    total.unchanged += report.unchanged
    total.failed += report.failed
    if (report.error) total.error = report.error
    if (report.claimed < batchSize || report.failed > 0) return total
  }
}

export async function pendingOutboxRows(): Promise<number> {
  return prisma.searchOutbox.count()
}
