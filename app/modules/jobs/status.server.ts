import { prisma } from '#app/lib/db.server.ts'
import { redactText } from '#app/lib/log.server.ts'

/** A job waiting longer than this past its time, with nobody working on it, means no worker is taking jobs. */
export const OVERDUE_AFTER_MS = 5 * 60 * 1000

export type ProblemJob = {
  id: string
  task: string
  /** failed: out of attempts, waits for an admin; retrying: failed at least once, runs again at runAt. */
  state: 'failed' | 'retrying'
  attempts: number
  maxAttempts: number
  runAt: Date
  createdAt: Date
  lastError: string
}

type JobRow = { id: bigint; task_identifier: string; attempts: number; max_attempts: number; run_at: Date; created_at: Date; last_error: string }

/** Jobs that have failed at least once, newest first (the payload is not read: it holds addresses and links). */
export async function listProblemJobs(limit = 100): Promise<ProblemJob[]> {
  const rows = await prisma.$queryRaw<JobRow[]>`
    SELECT id, task_identifier, attempts, max_attempts, run_at, created_at, last_error
    FROM graphile_worker.jobs WHERE last_error IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT ${limit}`
  return rows.map((row) => ({
    id: row.id.toString(),
    task: row.task_identifier,
    state: row.attempts >= row.max_attempts ? 'failed' : 'retrying',
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    createdAt: row.created_at,
    // Errors come from elsewhere (an SMTP reply quotes the recipient): addresses are masked, the rest shortened.
    lastError: redactText(row.last_error.split('\n')[0] ?? '').slice(0, 300),
  }))
}

export type JobHealth = { failed: number; retrying: number; overdue: number }

export async function jobHealth(now = new Date()): Promise<JobHealth> {
  const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_MS)
  const [row] = await prisma.$queryRaw<Array<{ failed: bigint; retrying: bigint; overdue: bigint }>>`
    SELECT
      count(*) FILTER (WHERE attempts >= max_attempts) AS failed,
      count(*) FILTER (WHERE attempts < max_attempts AND last_error IS NOT NULL) AS retrying,
      count(*) FILTER (WHERE attempts < max_attempts AND locked_at IS NULL AND run_at < ${overdueBefore}) AS overdue
    FROM graphile_worker.jobs`
  return { failed: Number(row?.failed ?? 0), retrying: Number(row?.retrying ?? 0), overdue: Number(row?.overdue ?? 0) }
}

/** Runs a failed (or retrying) job again now, with its attempts counted afresh. False when it no longer exists. */
export async function retryJobNow(id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false
  const rows = await prisma.$queryRaw<Array<{ id: bigint }>>`
    SELECT id FROM graphile_worker.reschedule_jobs(ARRAY[${BigInt(id)}]::bigint[], run_at => now(), attempts => 0)`
  return rows.length === 1
}

/** Gives up on a failed job for good (an admin decided it is not worth sending any more). */
export async function discardJob(id: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(id)) return false
  const rows = await prisma.$queryRaw<Array<{ id: bigint }>>`
    SELECT id FROM graphile_worker.complete_jobs(ARRAY[${BigInt(id)}]::bigint[])`
  return rows.length === 1
}
