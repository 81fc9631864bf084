import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'
import { enqueueJob } from '#app/modules/jobs/queue.server.ts'
import type { JobPayloads } from '#app/modules/jobs/names.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { passwordChangedMail, passwordResetMail } from '#app/modules/mail/templates.ts'
import { hashPassword, verifyPassword } from './password.server.ts'
import { invalidateUserSessions } from './session.server.ts'
import { generateRandomToken, hashToken } from './tokens.server.ts'

export const RESET_LIFETIME_MS = 60 * 60 * 1000
const MAX_RESET_MAILS_PER_HOUR = 3

/** A single-use link, valid for RESET_LIFETIME_MS, to set a new password; only the token's hash is stored. */
export async function issuePasswordResetLink(userId: string) {
  const token = generateRandomToken()
  const expiresAt = new Date(Date.now() + RESET_LIFETIME_MS)
  await prisma.passwordReset.create({ data: { userId, tokenHash: hashToken(token), expiresAt } })
  return { link: `${getEnv().APP_ORIGIN}/reset-password/${token}`, expiresAt }
}

/**
 * /forgot-password: queues one job, whatever the address. The request therefore does the same work, writes the
 * same row and takes the same time for a member's address and a stranger's, so the form cannot be used to find
 * out who has an account (issue 13, F6); the lookup, the token and the mail happen in the job.
 */
export async function requestPasswordReset(email: string, request: Request): Promise<void> {
  // One queue for these jobs: they run one at a time, so the hourly limit below cannot be raced past.
  await enqueueJob('auth.password-reset-request', { email, origin: getRequestMeta(request) }, { queueName: 'password-reset' })
}

/** The job behind requestPasswordReset: mails a reset link when the address belongs to an active member. */
export async function processPasswordResetRequest({ email, origin }: JobPayloads['auth.password-reset-request']): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, status: true } })
  if (!user || user.status !== 'ACTIVE') return
  const recent = await prisma.passwordReset.count({
    where: { userId: user.id, createdAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } },
  })
  if (recent >= MAX_RESET_MAILS_PER_HOUR) return

  const { link, expiresAt } = await issuePasswordResetLink(user.id)
  await recordAudit({ action: 'auth.password-reset-requested', actorId: user.id, target: { type: 'user', id: user.id }, origin })
  await sendMail({ to: email, ...passwordResetMail({ name: user.name, link, expiresAt: formatDateTime(expiresAt) }) })
}

export async function findUsableReset(token: string) {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { id: true, email: true, status: true } } },
  })
  if (!reset || reset.usedAt || reset.expiresAt <= new Date() || reset.user.status !== 'ACTIVE') return null
  return reset
}

/** Sets the new password, uses up the link (and any other open link) and signs the user out everywhere. */
export async function resetPassword(token: string, password: string, request: Request): Promise<boolean> {
  const reset = await findUsableReset(token)
  if (!reset) return false
  const passwordHash = await hashPassword(password)
  const done = await prisma.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } })
    if (!claimed.count) return false
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: new Date() } })
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } })
    await tx.session.deleteMany({ where: { userId: reset.userId } })
    await recordAudit({ action: 'auth.password-reset', actorId: reset.userId, target: { type: 'user', id: reset.userId }, request }, tx)
    return true
  })
  return done
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword'; message: string }

/** Changing the password ends every other session of the user; the current one stays signed in. */
export async function changePassword(input: {
  userId: string
  currentSessionId: string
  currentPassword: string
  newPassword: string
  request: Request
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true, email: true, name: true } })
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: '現在のパスワードが正しくありません' }
  }
  await prisma.user.update({ where: { id: input.userId }, data: { passwordHash: await hashPassword(input.newPassword) } })
  await invalidateUserSessions(input.userId, { except: input.currentSessionId })
  await recordAudit({ action: 'auth.password-changed', actorId: input.userId, target: { type: 'user', id: input.userId }, request: input.request })
  await sendMail({ to: user.email, ...passwordChangedMail({ name: user.name, when: formatDateTime(new Date()) }) })
  return { ok: true }
}
