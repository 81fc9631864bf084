import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { JobName, JobPayloads } from './names.ts'

type Db = Prisma.TransactionClient | typeof prisma

export type EnqueueOptions = {
  /** Pass the transaction: the job then exists only if the change that asked for it commits. */
  db?: Db
  /** A job with the same key that has not started yet is replaced (graphile-worker's job_key), not doubled. */
  jobKey?: string
  maxAttempts?: number
  runAt?: Date
  /** Jobs in one named queue run one at a time, in order, across all instances. */
  queueName?: string
}

/** The default: with graphile-worker's backoff (exp(attempt) seconds) ten attempts span about 6 hours. */
export const DEFAULT_MAX_ATTEMPTS = 10

/**
 * Adds a job to the PostgreSQL queue (graphile-worker's add_job, so it runs inside the caller's transaction).
 * The app's worker, on whichever instance picks it first, runs it once; failures retry with backoff.
 */
export async function enqueueJob<Name extends JobName>(name: Name, payload: JobPayloads[Name], options: EnqueueOptions = {}): Promise<void> {
  const db = options.db ?? prisma
  await db.$executeRaw`SELECT graphile_worker.add_job(
    identifier => ${name},
    payload => ${JSON.stringify(payload)}::json,
    queue_name => ${options.queueName ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}::int,
    job_key => ${options.jobKey ?? null}::text
  )`
}
