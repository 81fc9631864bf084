import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { COUNT_FIELDS, COUNT_KEYS, pickCounts, type CountKey, type Counts } from './fields.ts'
import type { ValidSubmission } from './validate.ts'

/**
 * Saving a hospital's month: insert or correct, and keep every change (who, when, old → new) as a revision.
 * Authorisation is the caller's (requireBenchmarkScope); this module trusts the hospital id it is given.
 */
export type Change = { field: CountKey; from: number | null; to: number }
export type SaveSource = 'form' | 'csv'
export type SaveOutcome = { period: string; status: 'created' | 'corrected' | 'unchanged'; changes: Change[] }

type Db = Prisma.TransactionClient

type Existing = ({ id: string } & Counts) | null

/**
 * Serialises writes to one hospital's figures: two members saving the same new month at once would otherwise
 * both see "no row yet" and the second insert would fail on the unique key; with the lock the second one sees
 * the first one's row and records a correction. Other hospitals are not blocked.
 */
async function lockHospitalFigures(tx: Db, hospitalId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Hospital" WHERE id = ${hospitalId} FOR UPDATE`
}

export async function saveSubmission(
  input: { hospitalId: string; actorId: string; source: SaveSource; submission: ValidSubmission; existing?: Existing },
  db: Db = prisma,
): Promise<SaveOutcome> {
  const { hospitalId, actorId, source, submission } = input
  const existing =
    input.existing !== undefined ? input.existing : await db.benchmarkSubmission.findUnique({ where: { hospitalId_period: { hospitalId, period: submission.period } } })
  const next = submission.counts
  if (!existing) {
    const created = await db.benchmarkSubmission.create({ data: { hospitalId, period: submission.period, ...next } })
    const changes = COUNT_KEYS.map((field): Change => ({ field, from: null, to: next[field] }))
    await db.benchmarkRevision.create({ data: { submissionId: created.id, changedById: actorId, source, changes } })
    return { period: submission.period, status: 'created', changes }
  }
  const changes = COUNT_KEYS.filter((field) => existing[field] !== next[field]).map((field): Change => ({ field, from: existing[field], to: next[field] }))
  if (!changes.length) return { period: submission.period, status: 'unchanged', changes }
  await db.benchmarkSubmission.update({ where: { id: existing.id }, data: next })
  await db.benchmarkRevision.create({ data: { submissionId: existing.id, changedById: actorId, source, changes } })
  return { period: submission.period, status: 'corrected', changes }
}

/** One month from the form, audited. */
export async function submitMonth(input: { hospitalId: string; actorId: string; submission: ValidSubmission; request: Request }): Promise<SaveOutcome> {
  return prisma.$transaction(async (tx) => {
    await lockHospitalFigures(tx, input.hospitalId)
    const outcome = await saveSubmission({ ...input, source: 'form' }, tx)
    if (outcome.status !== 'unchanged') {
      await recordAudit(
        {
          action: outcome.status === 'created' ? 'benchmark.submitted' : 'benchmark.corrected',
          actorId: input.actorId,
          target: { type: 'hospital', id: input.hospitalId },
          request: input.request,
          details: { period: outcome.period, fields: outcome.changes.length },
        },
        tx,
      )
    }
    return outcome
  })
}

/** A whole CSV in one transaction: each month in the file replaces that month; all or nothing. */
export async function importMonths(input: { hospitalId: string; actorId: string; submissions: ValidSubmission[]; request: Request }): Promise<SaveOutcome[]> {
  return prisma.$transaction(
    async (tx) => {
      await lockHospitalFigures(tx, input.hospitalId)
      // The months already stored, read once rather than one query per row.
      const periods = input.submissions.map((submission) => submission.period)
      const stored = await tx.benchmarkSubmission.findMany({ where: { hospitalId: input.hospitalId, period: { in: periods } } })
      const byPeriod = new Map(stored.map((row) => [row.period, row]))
      const outcomes: SaveOutcome[] = []
      for (const submission of input.submissions) {
        const existing = byPeriod.get(submission.period) ?? null
        outcomes.push(await saveSubmission({ hospitalId: input.hospitalId, actorId: input.actorId, source: 'csv', submission, existing }, tx))
      }
      const count = (status: SaveOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length
      await recordAudit(
        {
          action: 'benchmark.imported',
          actorId: input.actorId,
          target: { type: 'hospital', id: input.hospitalId },
          request: input.request,
          details: { months: outcomes.length, created: count('created'), corrected: count('corrected'), unchanged: count('unchanged') },
        },
        tx,
      )
      return outcomes
    },
    { timeout: 30_000 },
  )
}

export async function getMonth(hospitalId: string, period: string): Promise<Counts | null> {
  const row = await prisma.benchmarkSubmission.findUnique({ where: { hospitalId_period: { hospitalId, period } } })
  return row ? pickCounts(row) : null
}

export async function listMonths(hospitalId: string): Promise<{ period: string; counts: Counts; updatedAt: Date }[]> {
  const rows = await prisma.benchmarkSubmission.findMany({ where: { hospitalId }, orderBy: { period: 'asc' } })
  return rows.map((row) => ({ period: row.period, counts: pickCounts(row), updatedAt: row.updatedAt }))
}

/** Periods the hospital already has among the given ones (the import preview says which will be replaced). */
export async function existingPeriods(hospitalId: string, periods: string[]): Promise<string[]> {
  if (!periods.length) return []
  const rows = await prisma.benchmarkSubmission.findMany({ where: { hospitalId, period: { in: periods } }, select: { period: true } })
  return rows.map((row) => row.period)
}

export type RevisionView = { id: string; at: Date; by: string | null; source: SaveSource; changes: (Change & { label: string })[] }

/** The history shown on the submit page, newest first. */
export async function monthHistory(hospitalId: string, period: string): Promise<RevisionView[]> {
  const revisions = await prisma.benchmarkRevision.findMany({
    where: { submission: { hospitalId, period } },
    orderBy: { createdAt: 'desc' },
    include: { changedBy: { select: { name: true } } },
  })
  const labels = Object.fromEntries(COUNT_FIELDS.map((field) => [field.key, field.label]))
  return revisions.map((revision) => ({
    id: revision.id.toString(),
    at: revision.createdAt,
    by: revision.changedBy?.name ?? null,
    source: revision.source === 'csv' ? 'csv' : 'form',
    changes: (revision.changes as Change[]).map((change) => ({ ...change, label: labels[change.field] ?? change.field })),
  }))
}
