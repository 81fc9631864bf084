// The admin re-scan as a background job: batch after batch (rescan.server.ts does the scanning), each batch's
// findings and position committed together, so progress shows on /admin/cases while it runs and a run cut off
// by a restart or a deploy carries on from its last finished batch.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { enqueueJob } from '#app/modules/jobs/queue.server.ts'
import { countPublishedContent, RESCAN_BATCH, RESCAN_KINDS, rescanBatch, type RescanKind } from './rescan.server.ts'

type Phase = RescanKind | 'done'
const nextPhase = (phase: RescanKind): Phase => RESCAN_KINDS[RESCAN_KINDS.indexOf(phase) + 1] ?? 'done'
const scannedColumn = { case: 'scannedCases', practice: 'scannedPractices', comment: 'scannedComments' } as const

const jobKey = (runId: string) => `deidentify.rescan:${runId}`

/** A run is "stalled" when nothing has moved for this long: its worker died without failing the job. */
export const RESCAN_STALLED_AFTER_MS = 60 * 1000

/** Starts a run, or returns the one already running (one at a time: each reads every published text). */
export async function startRescan(requestedById: string): Promise<{ runId: string; started: boolean }> {
  const running = await prisma.rescanRun.findFirst({ where: { status: 'RUNNING' }, select: { id: true } })
  if (running) return { runId: running.id, started: false }
  const totalItems = await countPublishedContent()
  const run = await prisma.$transaction(async (tx) => {
    const created = await tx.rescanRun.create({ data: { requestedById, totalItems }, select: { id: true } })
    await enqueueJob('deidentify.rescan', { scanId: created.id }, { db: tx, jobKey: jobKey(created.id) })
    return created
  })
  return { runId: run.id, started: true }
}

/**
 * The job: scans batch after batch until done. Each batch's position is claimed with a conditional update, so
 * if two workers ever run the same run (a resumed job while the old one still limps on) only one records each
 * batch. Stops between batches when the worker shuts down; the retry resumes where it stopped.
 */
export async function runRescanJob(runId: string, signal?: AbortSignal): Promise<void> {
  for (;;) {
    const run = await prisma.rescanRun.findUnique({ where: { id: runId }, select: { status: true, phase: true, cursor: true } })
    if (!run || run.status !== 'RUNNING') return
    const phase = run.phase as Phase
    if (phase === 'done') {
      await prisma.rescanRun.updateMany({ where: { id: runId, status: 'RUNNING' }, data: { status: 'DONE', finishedAt: new Date() } })
      return
    }
    const batch = await rescanBatch(phase, run.cursor ?? undefined)
    const finishedPhase = batch.scanned < RESCAN_BATCH
    const advanced = await prisma.$transaction(async (tx) => {
      const claimed = await tx.rescanRun.updateMany({
        where: { id: runId, status: 'RUNNING', phase, cursor: run.cursor },
        data: {
          phase: finishedPhase ? nextPhase(phase) : phase,
          cursor: finishedPhase ? null : (batch.lastId ?? run.cursor),
          [scannedColumn[phase]]: { increment: batch.scanned },
        },
      })
      if (claimed.count !== 1) return false
      if (batch.flagged.length) {
        await tx.rescanFinding.createMany({
          data: batch.flagged.map((item) => ({
            runId,
            kind: item.kind,
            itemId: item.id,
            url: item.url,
            title: item.title,
            findings: item.findings as Prisma.InputJsonArray,
          })),
          skipDuplicates: true,
        })
      }
      return true
    })
    if (!advanced) return
    if (signal?.aborted) throw new Error('The re-scan was interrupted by a shutdown; it resumes from its last batch.')
  }
}

/** Runs whose worker stopped without a trace (a killed process): queued again, to carry on from their position. */
export async function resumeStalledRescans(now = new Date()): Promise<number> {
  const stalled = await prisma.rescanRun.findMany({
    where: { status: 'RUNNING', updatedAt: { lt: new Date(now.getTime() - RESCAN_STALLED_AFTER_MS) } },
    select: { id: true },
  })
  for (const run of stalled) await enqueueJob('deidentify.rescan', { scanId: run.id }, { jobKey: jobKey(run.id) })
  return stalled.length
}

/** The latest run with its progress and findings, for /admin/cases. */
export async function latestRescan() {
  const run = await prisma.rescanRun.findFirst({
    orderBy: { startedAt: 'desc' },
    select: {
      id: true,
      status: true,
      totalItems: true,
      scannedCases: true,
      scannedPractices: true,
      scannedComments: true,
      startedAt: true,
      finishedAt: true,
      findings: { orderBy: [{ kind: 'asc' }, { itemId: 'asc' }], select: { kind: true, itemId: true, url: true, title: true, findings: true } },
    },
  })
  if (!run) return null
  const scanned = run.scannedCases + run.scannedPractices + run.scannedComments
  return {
    ...run,
    scanned,
    percent: run.status === 'DONE' ? 100 : Math.min(99, Math.floor((scanned / Math.max(1, run.totalItems)) * 100)),
    // Cases first, then practices, then comments, as the scan went.
    findings: run.findings
      .map((row) => ({ ...row, kind: row.kind as RescanKind, findings: row.findings as Array<{ label: string; type: string; text: string }> }))
      .sort((a, b) => RESCAN_KINDS.indexOf(a.kind) - RESCAN_KINDS.indexOf(b.kind)),
  }
}
