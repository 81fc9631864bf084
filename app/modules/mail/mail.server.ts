import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { getEnv } from '#app/lib/env.server.ts'

export type Mail = { to: string; subject: string; text: string }

let transporter: Transporter | undefined

export function mailDirectory(): string {
  return getEnv().MAIL_DIR ?? path.join(process.cwd(), '.data', 'mail')
}

/**
 * Sends through SMTP_URL, or, without it, writes the mail to .data/mail/ (MAIL_DIR) so development and tests
 * can open it. Only the recipient and subject are logged: bodies carry sign-in links.
 */
export async function sendMail(mail: Mail): Promise<void> {
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
  console.info(`[mail] to ${mail.to}: "${mail.subject}" (no SMTP_URL; saved to ${path.relative(process.cwd(), file)})`)
}

