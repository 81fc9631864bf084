/** One request's page: the thread, messages with attachments, internal notes, status changes and assignment. */
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { ConsultationStatus } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import type { FileFieldRules, SpooledFile } from '#app/modules/uploads/multipart.server.ts'
import { transactionWithFiles } from '#app/modules/uploads/stored-file-changes.server.ts'
import { storeUpload, validateUploads } from '#app/modules/uploads/uploads.server.ts'
import { notFound, type ConsultationAccess } from './access.server.ts'
import { ATTACHMENT_RULES, MAX_ATTACHMENTS } from './attachments.ts'
import { consultationPath, mailReply, newRequestRecipients } from './notifications.server.ts'
import { recordJqObligationAnswer } from './jq-obligation.server.ts'
import { requestFieldsSelect, toColumns } from './requests.server.ts'
import { missingDetails, type ConsultationDraft, type ConsultationField } from './schemas.ts'
import { availableTransitions, checkTransition, type Transition } from './workflow.ts'


/** A refusal the user can act on (a request that changed meanwhile, a step out of order): shown as a 409. */
export class ConsultationConflict extends Error {}

const desk = { role: { in: ['CONSULTANT', 'ADMIN'] }, status: 'ACTIVE' } satisfies Prisma.UserWhereInput

export async function getThread(user: SessionUser, access: ConsultationAccess, request: Request) {
  const consultation = await prisma.consultation.findUniqueOrThrow({
    where: { id: access.id },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      firstResponseAt: true,
      answeredAt: true,
      closedAt: true,
      createdAt: true,
      ...requestFieldsSelect,
      requester: { select: { id: true, name: true } },
      hospitalId: true,
      hospital: { select: { name: true, jqReportObliged: true } },
      assignments: { orderBy: { createdAt: 'asc' }, select: { consultant: { select: { id: true, name: true } } } },
      messages: {
        // Internal notes never leave the database for the requester.
        where: access.isDesk ? {} : { internal: false },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          body: true,
          internal: true,
          createdAt: true,
          author: { select: { id: true, name: true, role: true } },
          attachments: { select: { id: true, file: { select: { fileName: true, mimeType: true, size: true } } } },
        },
      },
    },
  })
  const consultants = access.isDesk
    ? await prisma.user.findMany({ where: desk, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true } })
    : []
  const actor = { isRequester: access.isRequester, isDesk: access.isDesk }
  await recordAudit({ action: 'consultation.viewed', actorId: user.id, target: { type: 'consultation', id: access.id }, request })
  return {
    consultation,
    consultants,
    transitions: availableTransitions(consultation.status, actor, consultation.assignments.length),
  }
}

/** The message form, read as a stream: five attachments of 10 MB at most, each cut off at its cap while read. */
export const CONSULTATION_UPLOAD_FORM: { files: Record<string, FileFieldRules>; maxBytes: number } = {
  files: { attachments: { ...ATTACHMENT_RULES, maxFiles: MAX_ATTACHMENTS } },
  maxBytes: MAX_ATTACHMENTS * ATTACHMENT_RULES.maxBytes + 1024 * 1024,
}

type MessageInput = { body: string; internal: boolean; markAnswered: boolean; files: ReadonlyArray<File | SpooledFile> }

export type MessageResult = { ok: true } | { ok: false; field: 'body' | 'attachments'; message: string }

/**
 * Posts a message. A desk reply to the requester is the first response if none came before, takes on a request
 * still 受付 (assigning the author), and may mark it answered; a requester's follow-up after the answer puts it
 * back to 対応中. Internal notes change nothing and notify nobody.
 */
export async function postMessage(user: SessionUser, access: ConsultationAccess, input: MessageInput, request: Request): Promise<MessageResult> {
  if (input.internal && !access.isDesk) throw new Response('この操作を行う権限がありません。', { status: 403 })
  if (input.markAnswered && !access.isDesk) throw new Response('この操作を行う権限がありません。', { status: 403 })
  // An internal note never answers the requester, even with the box ticked.
  if (input.internal) input = { ...input, markAnswered: false }
  const files = input.files.filter((file) => file.size > 0 || file.name)
  if (files.length > MAX_ATTACHMENTS) return { ok: false, field: 'attachments', message: `添付できるファイルは${MAX_ATTACHMENTS}件までです。` }
  const { uploads, errors } = await validateUploads(files, ATTACHMENT_RULES)
  if (errors[0]) return { ok: false, field: 'attachments', message: errors[0] }

  const fromDesk = access.isDesk && !access.isRequester
  // A message whose transaction fails takes its stored attachments with it (stored-file-changes.server.ts).
  const notifyIds = await transactionWithFiles(prisma, async (tx, changes) => {
    const current = await tx.consultation.findUniqueOrThrow({
      where: { id: access.id },
      select: { status: true, firstResponseAt: true, answeredAt: true, requesterId: true, assignments: { select: { consultantId: true } } },
    })
    if (current.status === 'CLOSED') throw new ConsultationConflict('完了した相談にはメッセージを送れません。続けて相談する場合は「再開する」を押してください。')
    if (current.status === 'DRAFT') throw notFound()
    const now = new Date()
    const message = await tx.consultationMessage.create({
      data: { consultationId: access.id, authorId: user.id, body: input.body, internal: input.internal },
      select: { id: true },
    })
    for (const upload of uploads) {
      const file = await storeUpload(upload, user.id, tx, changes)
      await tx.consultationAttachment.create({ data: { messageId: message.id, fileId: file.id } })
    }
    await recordAudit(
      {
        action: input.internal ? 'consultation.note-posted' : 'consultation.message-posted',
        actorId: user.id,
        target: { type: 'consultation', id: access.id },
        request,
        details: { messageId: message.id, attachments: uploads.length },
      },
      tx,
    )
    if (input.internal) return []

    let status: ConsultationStatus = current.status
    const data: Prisma.ConsultationUpdateInput = {}
    if (fromDesk) {
      if (!current.firstResponseAt) data.firstResponseAt = now
      if (status === 'SUBMITTED') {
        await tx.consultationAssignment.upsert({
          where: { consultationId_consultantId: { consultationId: access.id, consultantId: user.id } },
          update: {},
          create: { consultationId: access.id, consultantId: user.id, assignedById: user.id },
        })
        await recordAudit({ action: 'consultation.assigned', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { consultantId: user.id } }, tx)
        status = 'IN_PROGRESS'
      }
      if (input.markAnswered && status === 'IN_PROGRESS') {
        status = 'ANSWERED'
        if (!current.answeredAt) data.answeredAt = now
      }
    } else if (current.status === 'ANSWERED') {
      status = current.assignments.length ? 'IN_PROGRESS' : 'SUBMITTED'
    }
    if (status !== current.status) {
      data.status = status
      await recordAudit(
        { action: 'consultation.status-changed', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { from: current.status, to: status } },
        tx,
      )
    }
    await tx.consultation.update({ where: { id: access.id }, data: { ...data, updatedAt: now } })

    let recipients: string[]
    if (fromDesk) recipients = [current.requesterId]
    else if (current.assignments.length) recipients = current.assignments.map((assignment) => assignment.consultantId)
    else recipients = (await newRequestRecipients()).map((recipient) => recipient.id)
    recipients = recipients.filter((id) => id !== user.id)
    await notify({ userIds: recipients, kind: 'consultation.reply', title: '危機管理相談に新しいメッセージがあります', url: consultationPath(access.id) }, tx)
    return recipients
  })
  if (notifyIds.length) {
    const recipients = await prisma.user.findMany({ where: { id: { in: notifyIds }, status: 'ACTIVE' }, select: { email: true } })
    await mailReply(access.id, recipients)
  }
  return { ok: true }
}

/**
 * The requester fills in what a fast-path (緊急) request left out, from the thread. Only fields that are still
 * empty are written, so a second tab or a stale page never overwrites an answer already given; the hospital's
 * 報告義務対象医療機関 answer goes to the hospital (first answer only). Returns the fields written.
 */
export async function completeDetails(user: SessionUser, access: ConsultationAccess, values: ConsultationDraft, request: Request): Promise<ConsultationField[]> {
  if (!access.isRequester) throw new Response('この操作を行う権限がありません。', { status: 403 })
  return prisma.$transaction(async (tx) => {
    const current = await tx.consultation.findUniqueOrThrow({ where: { id: access.id }, select: { status: true, ...requestFieldsSelect, assignments: { select: { consultantId: true } } } })
    if (current.status === 'CLOSED') throw new ConsultationConflict('完了した相談は追記できません。続けて相談する場合は「再開する」を押してください。')
    if (current.status === 'DRAFT') throw notFound()
    const stillMissing = new Set(missingDetails(current).map(({ field }) => field))
    // Optional fields (autopsy, media …) may be added once too, as long as they are empty.
    const columns = toColumns({ ...values, urgency: undefined })
    const written = (Object.keys(columns) as (keyof typeof columns)[]).filter((field) => {
      const given = columns[field]
      const stored = current[field]
      return field !== 'urgency' && given !== null && given !== '' && (stored === null || stored === '' || stillMissing.has(field))
    })
    await recordJqObligationAnswer(user, values.hospitalJqObliged, request, tx)
    if (!written.length) return []
    const data = Object.fromEntries(written.map((field) => [field, columns[field]])) as Prisma.ConsultationUpdateInput
    await tx.consultation.update({ where: { id: access.id }, data: { ...data, updatedAt: new Date() } })
    // Field names only: the audit log never holds consultation content.
    await recordAudit({ action: 'consultation.details-completed', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { fields: written } }, tx)
    const assignees = current.assignments.map((assignment) => assignment.consultantId).filter((id) => id !== user.id)
    await notify({ userIds: assignees, kind: 'consultation.reply', title: '危機管理相談に未入力だった項目が追記されました', url: consultationPath(access.id) }, tx)
    return written
  })
}

/** Applies a workflow step after the pure check; refused steps become a ConsultationConflict (409). */
export async function changeStatus(user: SessionUser, access: ConsultationAccess, transition: Transition, request: Request): Promise<ConsultationStatus> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.consultation.findUniqueOrThrow({
      where: { id: access.id },
      select: { status: true, answeredAt: true, _count: { select: { assignments: true } } },
    })
    const actor = { isRequester: access.isRequester, isDesk: access.isDesk }
    // Accepting assigns the one who accepts when nobody is assigned yet.
    const selfAssign = transition === 'accept' && current._count.assignments === 0 && access.isDesk
    const check = checkTransition(current.status, transition, actor, current._count.assignments + (selfAssign ? 1 : 0))
    if (!check.ok) {
      if (check.reason === 'not-allowed') throw new Response(check.message, { status: 403 })
      throw new ConsultationConflict(check.message)
    }
    if (selfAssign) {
      await tx.consultationAssignment.create({ data: { consultationId: access.id, consultantId: user.id, assignedById: user.id } })
      await recordAudit({ action: 'consultation.assigned', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { consultantId: user.id } }, tx)
    }
    const now = new Date()
    // Only from the state read above: a concurrent change makes this match nothing, and the user is told.
    const updated = await tx.consultation.updateMany({
      where: { id: access.id, status: current.status },
      data: {
        status: check.to,
        ...(check.to === 'ANSWERED' && !current.answeredAt ? { answeredAt: now } : {}),
        ...(check.to === 'CLOSED' ? { closedAt: now } : {}),
        ...(transition === 'reopen' ? { closedAt: null } : {}),
      },
    })
    if (updated.count !== 1) throw new ConsultationConflict('相談の状態が他の操作で変わりました。ページを再読み込みしてください。')
    await recordAudit(
      { action: 'consultation.status-changed', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { from: current.status, to: check.to } },
      tx,
    )
    return check.to
  })
}

/** Assigns a consultant (or admin); a request still 受付 is thereby accepted (対応中). Desk only. */
export async function assignConsultant(user: SessionUser, access: ConsultationAccess, consultantId: string, request: Request) {
  if (!access.isDesk) throw new Response('この操作を行う権限がありません。', { status: 403 })
  await prisma.$transaction(async (tx) => {
    const consultant = await tx.user.findFirst({ where: { id: consultantId, ...desk }, select: { id: true } })
    if (!consultant) throw new ConsultationConflict('担当にできるのは、有効なコンサルタントまたは管理者だけです。')
    const current = await tx.consultation.findUniqueOrThrow({ where: { id: access.id }, select: { status: true } })
    if (current.status === 'CLOSED') throw new ConsultationConflict('完了した相談の担当は変更できません。')
    const existing = await tx.consultationAssignment.findUnique({ where: { consultationId_consultantId: { consultationId: access.id, consultantId } } })
    if (existing) return
    await tx.consultationAssignment.create({ data: { consultationId: access.id, consultantId, assignedById: user.id } })
    await recordAudit({ action: 'consultation.assigned', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { consultantId } }, tx)
    if (current.status === 'SUBMITTED') {
      await tx.consultation.update({ where: { id: access.id }, data: { status: 'IN_PROGRESS' } })
      await recordAudit(
        { action: 'consultation.status-changed', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { from: 'SUBMITTED', to: 'IN_PROGRESS' } },
        tx,
      )
    }
    if (consultantId !== user.id) {
      await notify({ userIds: [consultantId], kind: 'consultation.assigned', title: '危機管理相談の担当になりました', url: consultationPath(access.id) }, tx)
    }
  })
}

export async function unassignConsultant(user: SessionUser, access: ConsultationAccess, consultantId: string, request: Request) {
  if (!access.isDesk) throw new Response('この操作を行う権限がありません。', { status: 403 })
  await prisma.$transaction(async (tx) => {
    const current = await tx.consultation.findUniqueOrThrow({ where: { id: access.id }, select: { status: true, _count: { select: { assignments: true } } } })
    const deleted = await tx.consultationAssignment.deleteMany({ where: { consultationId: access.id, consultantId } })
    if (deleted.count === 0) return
    if (current._count.assignments <= 1 && (current.status === 'IN_PROGRESS' || current.status === 'ANSWERED')) {
      throw new ConsultationConflict('対応中の相談には担当者が1名以上必要です。先に別の担当者を割り当ててください。')
    }
    await recordAudit({ action: 'consultation.unassigned', actorId: user.id, target: { type: 'consultation', id: access.id }, request, details: { consultantId } }, tx)
  })
}

/** The attachment if the user may see the message it belongs to (internal notes: desk only). */
export async function findAttachmentForDownload(access: ConsultationAccess, attachmentId: string) {
  const attachment = await prisma.consultationAttachment.findFirst({
    where: { id: attachmentId, message: { consultationId: access.id, ...(access.isDesk ? {} : { internal: false }) } },
    select: { id: true, fileId: true },
  })
  if (!attachment) throw notFound()
  return attachment
}
