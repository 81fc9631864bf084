import { Logger, run, runOnce, type LogFunctionFactory, type Runner } from 'graphile-worker'
import { getEnv } from '#app/lib/env.server.ts'
import { log, redactText } from '#app/lib/log.server.ts'
import { cronItems, taskList } from './tasks.server.ts'

// graphile-worker's own messages (a failed task's error among them) go to our JSON log with addresses masked.
const logFactory: LogFunctionFactory = (scope) => (level, message) => {
  const line = { component: 'jobs', task: scope.taskIdentifier, jobId: scope.jobId }
  const text = redactText(message)
  if (level === 'error') log.error(line, text)
  else if (level === 'warning') log.warn(line, text)
  else log.debug(line, text)
}
const logger = new Logger(logFactory)

export type JobRunner = { stop(): Promise<void> }

/**
 * The worker in each app instance: takes jobs as they are queued (LISTEN/NOTIFY, with polling as a fallback)
 * and queues the scheduled ones. stop() lets running jobs finish before it resolves.
 */
export async function startJobRunner(options: { concurrency?: number } = {}): Promise<JobRunner> {
  const concurrency = options.concurrency ?? 2
  const runner: Runner = await run({
    connectionString: getEnv().DATABASE_URL,
    concurrency,
    // One connection per running job, one to listen, one spare for the scheduler.
    maxPoolSize: concurrency + 2,
    pollInterval: 2000,
    noHandleSignals: true,
    logger,
    taskList,
    parsedCronItems: cronItems,
  })
  return { stop: () => runner.stop() }
}

/** Runs every job that is due now, then returns (tests, and scripts that must finish their work). */
export function runDueJobs(): Promise<void> {
  return runOnce({ connectionString: getEnv().DATABASE_URL, logger, taskList, maxPoolSize: 2 })
}
