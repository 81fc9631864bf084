import { parseCronItems, type Task, type TaskList } from 'graphile-worker'
import { pruneExpiredAuthData } from '#app/modules/auth/housekeeping.server.ts'
import { processPasswordResetRequest } from '#app/modules/auth/passwords.server.ts'
import { resumeStalledRescans, runRescanJob } from '#app/modules/deidentify/rescan-job.server.ts'
import { notifyCommentFollowers } from '#app/modules/discussion/discussion.server.ts'
import { sendDayBeforeReminders } from '#app/modules/events/events.server.ts'
import { deliverMail } from '#app/modules/mail/mail.server.ts'
import { deleteOldReadNotifications } from '#app/modules/notifications/notifications.server.ts'
import { sweepOrphanFiles } from '#app/modules/uploads/orphan-sweep.server.ts'
import type { JobName, JobPayloads } from './names.ts'

// The payload was written by enqueueJob with the same name's type, so reading it back as that type is sound.
function task<Name extends JobName>(run: (payload: JobPayloads[Name]) => Promise<unknown>): Task {
  return async (payload) => {
    await run(payload as JobPayloads[Name])
  }
}

/** What each job name does. A job that throws is retried with graphile-worker's exponential backoff. */
export const taskList: Record<JobName, Task> = {
  'mail.send': task<'mail.send'>(deliverMail),
  'auth.password-reset-request': task<'auth.password-reset-request'>(processPasswordResetRequest),
  'discussion.comment-followers': task<'discussion.comment-followers'>(notifyCommentFollowers),
  // Stops between batches when the worker shuts down (graphile-worker's abort signal); the retry resumes.
  'deidentify.rescan': async (payload, helpers) => {
    await runRescanJob((payload as JobPayloads['deidentify.rescan']).scanId, helpers.abortSignal)
  },
  // The hourly run also queues again any re-scan whose worker was killed mid-way.
  'housekeeping.hourly': task<'housekeeping.hourly'>(() => Promise.all([pruneExpiredAuthData(), deleteOldReadNotifications(), resumeStalledRescans()])),
  'events.reminders': task<'events.reminders'>(() => sendDayBeforeReminders()),
  'uploads.sweep-orphans': task<'uploads.sweep-orphans'>(() => sweepOrphanFiles()),
} satisfies TaskList

/**
 * The schedule. graphile-worker records each item's last run in the database, so with several instances each
 * hour's run is queued once (not once per instance); backfill catches up an hour missed while every instance was down.
 */
export const cronItems = parseCronItems([
  { task: 'housekeeping.hourly', match: '7 * * * *', identifier: 'housekeeping.hourly', options: { backfillPeriod: 0 } },
  { task: 'events.reminders', match: '0 * * * *', identifier: 'events.reminders', options: { backfillPeriod: 60 * 60 * 1000 } },
  // Daily, at a quiet hour (UTC 18:23 = 03:23 in Japan): it lists the whole store.
  { task: 'uploads.sweep-orphans', match: '23 18 * * *', identifier: 'uploads.sweep-orphans', options: { backfillPeriod: 0 } },
])
