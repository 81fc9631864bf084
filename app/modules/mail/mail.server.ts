import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv } from '#app/lib/env.server.ts'
import { log } from '#app/lib/log.server.ts'
import { enqueueJob, type EnqueueOptions } from '#app/modules/jobs/queue.server.ts'

export type Mail = { to: string; subject: string; text: string }

let transporter: Transporter | undefined

export function mailDirectory(): string {
  return getEnv().MAIL_DIR ?? path.join(process.cwd(), '.data', 'mail')
}

/**
 * Sends a mail: queues it as a job, so no request waits for SMTP and a mail server that is down is retried with
 * backoff instead of losing the mail. Pass the transaction (db) when the mail belongs to a change: it then goes
 * out only if the change commits.
 */
export async function sendMail(mail: Mail, options: Pick<EnqueueOptions, 'db'> = {}): Promise<void> {
  await enqueueJob('mail.send', { to: mail.to, subject: mail.subject, text: mail.text }, options)
}

/**
 * The job behind sendMail: through SMTP_URL, or, without it, into .data/mail/ (MAIL_DIR) so development and
 * tests can open it. Nothing of the mail is logged: addresses are personal data and bodies carry sign-in links.
 */
export async function deliverMail(mail: Mail): Promise<void> {
  const env = getEnv()
  if (env.SMTP_URL) {
    transporter ??= nodemailer.createTransport(env.SMTP_URL)
    await transporter.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text })
    return
  }
  const dir = mailDirectory()
  await mkdir(dir, { recursive: true })
  const sentAt = new Date()
  const file = path.join(dir, `${sentAt.toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.json`)
  await writeFile(file, JSON.stringify({ from: env.MAIL_FROM, ...mail, sentAt: sentAt.toISOString() }, null, 2), { mode: 0o600 })
  log.info({ component: 'mail', file: path.relative(process.cwd(), file) }, 'no SMTP_URL: mail saved to a file')
}

