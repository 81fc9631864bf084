/** Requests: the requester's list, drafts saved server-side, and submitting. */
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { notFound } from './access.server.ts'
import { recordJqObligationAnswer } from './jq-obligation.server.ts'
import { URGENCY_LABELS } from './labels.ts'
import { sortOwnRequests } from './list-order.ts'
import { consultationPath, mailNewRequest, newRequestRecipients } from './notifications.server.ts'
import type { ConsultationDraft } from './schemas.ts'

/** Form values → columns: empty answers are stored as empty text / null, never as "undefined". */
export function toColumns(values: ConsultationDraft) {
  return {
    urgency: values.urgency ?? null,
    subject: values.subject ?? '',
    decisionPending: values.decisionPending ?? '',
    summary: values.summary ?? '',
    jqCategory: values.jqCategory ?? null,
    impactLevel: values.impactLevel ?? null,
    outcome: values.outcome ?? null,
    unanticipated: values.unanticipated ?? null,
    riskExplained: values.riskExplained ?? null,
    centreReport: values.centreReport ?? null,
    jqReport: values.jqReport ?? null,
    policeReport: values.policeReport ?? null,
    familyInformed: values.familyInformed ?? null,
    familyConcerns: values.familyConcerns ?? '',
    autopsy: values.autopsy ?? null,
    evidencePreserved: values.evidencePreserved ?? null,
    staffSupport: values.staffSupport ?? '',
    mediaAttention: values.mediaAttention ?? null,
    legalInvolvement: values.legalInvolvement ?? null,
    expertiseWanted: values.expertiseWanted ?? '',
    contactName: values.contactName ?? '',
    contactPhone: values.contactPhone ?? '',
    contactNote: values.contactNote ?? '',
  } satisfies Prisma.ConsultationUncheckedUpdateInput
}

export const requestFieldsSelect = {
  urgency: true,
  subject: true,
  decisionPending: true,
  summary: true,
  jqCategory: true,
  impactLevel: true,
  outcome: true,
  unanticipated: true,
  riskExplained: true,
  centreReport: true,
  jqReport: true,
  policeReport: true,
  familyInformed: true,
  familyConcerns: true,
  autopsy: true,
  evidencePreserved: true,
  staffSupport: true,
  mediaAttention: true,
  legalInvolvement: true,
  expertiseWanted: true,
  contactName: true,
  contactPhone: true,
  contactNote: true,
} satisfies Prisma.ConsultationSelect

/** The requester's own requests, drafts included, in the order of ./list-order.ts (open ones by urgency, then age). */
export async function listOwnConsultations(userId: string) {
  const rows = await prisma.consultation.findMany({
    where: { requesterId: userId },
    orderBy: [{ updatedAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      status: true,
      urgency: true,
      subject: true,
      decisionPending: true,
      submittedAt: true,
      firstResponseAt: true,
      updatedAt: true,
      createdAt: true,
      _count: { select: { messages: { where: { internal: false } } } },
    },
  })
  return sortOwnRequests(rows)
}

/** A draft of the user's own; anything else (someone else's, already sent, unknown) is a 404. */
export async function getOwnDraft(user: SessionUser, id: string) {
  const draft = await prisma.consultation.findFirst({
    where: { id, requesterId: user.id, status: 'DRAFT' },
    select: { id: true, updatedAt: true, ...requestFieldsSelect },
  })
  if (!draft) throw notFound()
  return draft
}

/**
 * Creates or updates the user's draft; returns its id. Autosaves of an existing draft are not audited one by one
 * (they come every few seconds and only the author can see a draft); creating it and sending it are.
 */
export async function saveDraft(
  user: SessionUser,
  draftId: string | undefined,
  values: ConsultationDraft,
  request: Request,
  { audit = true }: { audit?: boolean } = {},
): Promise<string> {
  return prisma.$transaction(async (tx) => {
    let id: string
    if (draftId) {
      const updated = await tx.consultation.updateMany({ where: { id: draftId, requesterId: user.id, status: 'DRAFT' }, data: toColumns(values) })
      if (updated.count !== 1) throw notFound()
      id = draftId
    } else {
      id = (await tx.consultation.create({ data: { requesterId: user.id, status: 'DRAFT', ...toColumns(values) }, select: { id: true } })).id
    }
    await recordJqObligationAnswer(user, values.hospitalJqObliged, request, tx)
    if (audit) await recordAudit({ action: 'consultation.draft-saved', actorId: user.id, target: { type: 'consultation', id }, request }, tx)
    return id
  })
}

export async function deleteDraft(user: SessionUser, draftId: string, request: Request): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.consultation.deleteMany({ where: { id: draftId, requesterId: user.id, status: 'DRAFT' } })
    if (deleted.count !== 1) throw notFound()
    await recordAudit({ action: 'consultation.draft-deleted', actorId: user.id, target: { type: 'consultation', id: draftId }, request }, tx)
  })
}

/**
 * Sends a complete request (from a draft or straight from the form) to the desk, then tells the on-call
 * consultants (all consultants when nobody is on call) by mail and in the app.
 */
export async function submitConsultation(
  user: SessionUser,
  draftId: string | undefined,
  values: ConsultationDraft & { urgency: NonNullable<ConsultationDraft['urgency']> },
  request: Request,
): Promise<string> {
  const recipients = await newRequestRecipients()
  const id = await prisma.$transaction(async (tx) => {
    const data = { ...toColumns(values), status: 'SUBMITTED' as const, submittedAt: new Date(), hospitalId: user.hospitalId }
    let id: string
    if (draftId) {
      const updated = await tx.consultation.updateMany({ where: { id: draftId, requesterId: user.id, status: 'DRAFT' }, data })
      if (updated.count !== 1) throw notFound()
      id = draftId
    } else {
      id = (await tx.consultation.create({ data: { requesterId: user.id, ...data }, select: { id: true } })).id
    }
    await recordJqObligationAnswer(user, values.hospitalJqObliged, request, tx)
    await recordAudit(
      { action: 'consultation.submitted', actorId: user.id, target: { type: 'consultation', id }, request, details: { urgency: values.urgency } },
      tx,
    )
    await notify(
      {
        userIds: recipients.map((recipient) => recipient.id).filter((recipientId) => recipientId !== user.id),
        kind: 'consultation.new',
        title: `危機管理相談が届きました（${URGENCY_LABELS[values.urgency]}）`,
        url: consultationPath(id),
      },
      tx,
    )
    return id
  })
  await mailNewRequest({ id, urgency: values.urgency }, recipients.filter((recipient) => recipient.id !== user.id))
  return id
}
