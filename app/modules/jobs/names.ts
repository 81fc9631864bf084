import type { DiscussionSubject } from '#app/modules/discussion/subject.ts'
import type { Mail } from '#app/modules/mail/mail.server.ts'

/** Where a request came from, kept with a job that writes to the audit log on the request's behalf. */
export type RequestOrigin = { ipAddress: string; userAgent?: string }

/** Every background job and what it is given. Payloads are JSON in the jobs table: ids, never case text. */
export type JobPayloads = {
  /** One mail through SMTP (or MAIL_DIR); retried with backoff when the mail server is down. */
  'mail.send': Mail
  /** /forgot-password: the lookup, the token and the mail, so the request does the same work for every address. */
  'auth.password-reset-request': { email: string; origin: RequestOrigin }
  /** A new comment: the followers' in-app notifications and mails. */
  'discussion.comment-followers': { subject: DiscussionSubject; commentId: string; authorId: string }
  /** The admin re-scan of published content; resumes from its stored position after a restart. */
  'deidentify.rescan': { scanId: string }
  /** Hourly: expired sessions, old sign-in failures and read notifications. */
  'housekeeping.hourly': Record<string, never>
  /** Hourly: the day-before mails for tomorrow's events. */
  'events.reminders': Record<string, never>
  /** Daily: stored files no row references (older than a day) and temporary upload folders left by a crash. */
  'uploads.sweep-orphans': Record<string, never>
}

export type JobName = keyof JobPayloads

/** What each job is called on the admin page. */
export const JOB_LABELS: Record<JobName, string> = {
  'mail.send': 'メール送信',
  'auth.password-reset-request': 'パスワード再設定の受付',
  'discussion.comment-followers': 'コメントのフォロワーへの通知',
  'deidentify.rescan': '個人情報の再確認',
  'housekeeping.hourly': '定期的な整理（期限切れのセッション等）',
  'events.reminders': '行事の前日リマインド',
  'uploads.sweep-orphans': '参照されていない添付ファイルの削除',
}
