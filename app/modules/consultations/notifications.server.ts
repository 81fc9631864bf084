/**
 * Telling the other side: mail (a link only, never case details) and an in-app notification. Mail goes out
 * after the change is committed; a mail server that is down is logged and does not undo the change.
 */
import { getEnv } from '#app/lib/env.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { describeError, log } from '#app/lib/log.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { consultationReplyMail, newConsultationMail } from '#app/modules/mail/templates.ts'
import { URGENCY_LABELS, URGENCY_TARGET_LABELS, type UrgencyCode } from './labels.ts'

export function consultationPath(id: string): string {
  return `/consultations/${id}`
}

function consultationLink(id: string): string {
  return `${getEnv().APP_ORIGIN}${consultationPath(id)}`
}

async function sendAll(recipients: readonly { email: string }[], mail: { subject: string; text: string }) {
  const results = await Promise.allSettled(recipients.map((recipient) => sendMail({ to: recipient.email, ...mail })))
  for (const result of results) {
    if (result.status === 'rejected') log.error({ component: 'consultations', error: describeError(result.reason) }, 'could not queue a notification mail')
  }
}

/** The consultants to mail about a new request: those on call, or every active consultant when nobody is. */
export async function newRequestRecipients() {
  const onCall = await prisma.user.findMany({
    where: { status: 'ACTIVE', role: { in: ['CONSULTANT', 'ADMIN'] }, consultationOnCall: { isNot: null } },
    select: { id: true, email: true },
  })
  if (onCall.length) return onCall
  return prisma.user.findMany({ where: { status: 'ACTIVE', role: 'CONSULTANT' }, select: { id: true, email: true } })
}

export async function mailNewRequest(consultation: { id: string; urgency: UrgencyCode }, recipients: readonly { email: string }[]) {
  await sendAll(
    recipients,
    newConsultationMail({
      urgency: URGENCY_LABELS[consultation.urgency],
      target: URGENCY_TARGET_LABELS[consultation.urgency],
      link: consultationLink(consultation.id),
    }),
  )
}

export async function mailReply(consultationId: string, recipients: readonly { email: string }[]) {
  await sendAll(recipients, consultationReplyMail({ link: consultationLink(consultationId) }))
}
