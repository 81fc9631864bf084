import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canEditPractice, canViewCase, canViewPractice, hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { describeBlocking, type TextField } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { contentHiddenMail } from '#app/modules/mail/templates.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { transactionWithFiles, type StoredFileChanges } from '#app/modules/uploads/stored-file-changes.server.ts'
import { storeUpload, type ValidUpload } from '#app/modules/uploads/uploads.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import type { FileFieldRules } from '#app/modules/uploads/multipart.server.ts'
import { MAX_PRACTICE_ATTACHMENTS, PRACTICE_ATTACHMENT_RULES, type PracticeFilters, type PracticeInput } from './schemas.ts'

type Viewer = Pick<SessionUser, 'id' | 'role'>
type Tx = Prisma.TransactionClient

export const PRACTICES_PAGE_SIZE = 20

/**
 * How the practice form is read (streamed, app/modules/uploads/multipart.server.ts): each attachment stops being
 * written at 10 MB, and the whole body at ten attachments plus the text (the same cap as server/body-limits.ts).
 */
export const PRACTICE_UPLOAD_FORM: { files: Record<string, FileFieldRules>; maxBytes: number } = {
  files: { attachments: { ...PRACTICE_ATTACHMENT_RULES, maxFiles: MAX_PRACTICE_ATTACHMENTS } },
  maxBytes: (MAX_PRACTICE_ATTACHMENTS + 1) * PRACTICE_ATTACHMENT_RULES.maxBytes,
}

const practiceDetail = {
  results: { orderBy: { position: 'asc' } },
  attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, file: { select: { fileName: true, mimeType: true, size: true } } } },
  relatedCases: { select: { case: { select: { id: true, number: true, title: true, status: true, hiddenAt: true, authorId: true } } } },
  author: { select: { id: true, name: true } },
  hiddenBy: { select: { name: true } },
} satisfies Prisma.PracticeInclude

export type PracticeRow = Prisma.PracticeGetPayload<{ include: typeof practiceDetail }>

/** The practice as the viewer may see it, or a 404 (drafts of others, hidden ones for members, unknown ids). */
export async function findPracticeForViewer(id: string, viewer: Viewer): Promise<PracticeRow> {
  const row = await prisma.practice.findUnique({ where: { id }, include: practiceDetail })
  if (!row || !canViewPractice(viewer, row)) throw new Response('プラクティスが見つかりません。', { status: 404 })
  return row
}

/** The same, for changing it: only the author passes. */
export async function findPracticeForEditing(id: string, viewer: Viewer): Promise<PracticeRow> {
  const row = await findPracticeForViewer(id, viewer)
  if (!canEditPractice(viewer, row)) throw new Response('このプラクティスを編集できるのは投稿者だけです。', { status: 403 })
  return row
}

/** What a practice page may send to the browser (no moderator names for members, no seed keys). */
export function presentPractice(row: PracticeRow, viewer: Viewer) {
  const { hiddenBy, hiddenById, seedKey, relatedCases, whatWasDone, steps, ...rest } = row
  void hiddenById
  void seedKey
  return {
    ...rest,
    whatWasDone: whatWasDone as unknown as RichTextDoc,
    steps: steps as unknown as RichTextDoc,
    // Related cases the viewer may not open (a draft, a hidden case) are left out rather than shown as dead links.
    relatedCases: visibleRelatedCases({ relatedCases }, viewer),
    hiddenByName: hasPermission(viewer, 'practice:moderate') ? (hiddenBy?.name ?? null) : null,
    isAuthor: row.authorId === viewer.id,
  }
}

type PracticeTexts = Pick<PracticeInput, 'title' | 'problem' | 'whatWasDone' | 'steps' | 'resources' | 'pitfalls' | 'tags'> & {
  results: ReadonlyArray<Pick<PracticeInput['results'][number], 'metric' | 'before' | 'after' | 'unit' | 'period'>>
}

/** The columns practiceTextFields reads: the one field list for every reader of a practice's text (re-scan, search). */
export const practiceTextSelect = {
  title: true,
  problem: true,
  whatWasDone: true,
  steps: true,
  resources: true,
  pitfalls: true,
  tags: true,
  results: { orderBy: { position: 'asc' }, select: { metric: true, before: true, after: true, unit: true, period: true } },
} satisfies Prisma.PracticeSelect

/** Every text a member typed into a practice, labelled for the de-identification guard's messages. */
export function practiceTextFields(input: PracticeTexts): TextField[] {
  return [
    { field: 'title', label: '題名', text: input.title },
    { field: 'problem', label: '解決したい課題', text: input.problem },
    { field: 'whatWasDone', label: '取り組みの内容', text: richTextToPlainText(input.whatWasDone) },
    { field: 'steps', label: '導入の手順', text: richTextToPlainText(input.steps) },
    { field: 'resources', label: '必要な人員・費用', text: input.resources },
    { field: 'pitfalls', label: 'つまずきやすい点', text: input.pitfalls },
    { field: 'tags', label: 'タグ', text: input.tags.join(' ') },
    ...input.results.map((row, index) => ({
      field: `results[${index}].metric`,
      label: `結果${index + 1}`,
      text: [row.metric, row.before, row.after, row.unit, row.period].join(' '),
    })),
  ]
}

export type FormProblems = { formErrors: string[]; fieldErrors: Record<string, string[]> }

/** Problems that keep a practice from being published; the draft itself can always be saved. */
export async function publishProblems(input: PracticeInput): Promise<FormProblems | null> {
  const fieldErrors: Record<string, string[]> = {}
  if (!richTextToPlainText(input.whatWasDone).trim()) fieldErrors.whatWasDone = ['公開するには取り組みの内容を入力してください']
  const blocking = await serverBlockingFindings(practiceTextFields(input))
  const messages = describeBlocking(blocking)
  blocking.forEach((item, index) => {
    fieldErrors[item.field] = [...(fieldErrors[item.field] ?? []), messages[index] ?? '']
  })
  if (!Object.keys(fieldErrors).length) return null
  const formErrors = blocking.length
    ? [`個人や施設を特定できる情報が${blocking.length}件残っているため公開できません。下書きとしては保存できます。`, ...messages]
    : ['公開に必要な項目が足りません。']
  return { formErrors, fieldErrors }
}

const json = (doc: RichTextDoc) => doc as unknown as Prisma.InputJsonObject

function practiceData(input: PracticeInput) {
  return {
    title: input.title,
    problem: input.problem,
    whatWasDone: json(input.whatWasDone),
    steps: json(input.steps),
    resources: input.resources,
    pitfalls: input.pitfalls,
    theme: input.theme,
    tags: input.tags,
  }
}

export type SavePracticeResult = { ok: true; id: string; status: 'DRAFT' | 'PUBLISHED' } | ({ ok: false } & FormProblems)

/**
 * Related cases the author may link: ones they can see (published cases, or their own), named by id or by case
 * number ("#12"). Unknown or invisible ones are refused by what was typed; the links are stored by id.
 */
async function resolveRelatedCases(refs: string[], author: Viewer): Promise<{ ok: true; ids: string[] } | ({ ok: false } & FormProblems)> {
  if (!refs.length) return { ok: true, ids: [] }
  const numbers = refs.filter((ref) => ref.startsWith('#')).map((ref) => Number(ref.slice(1)))
  const ids = refs.filter((ref) => !ref.startsWith('#'))
  const found = await prisma.case.findMany({
    where: { OR: [{ id: { in: ids } }, { number: { in: numbers } }] },
    select: { id: true, number: true, status: true, hiddenAt: true, authorId: true },
  })
  const visible = found.filter((item) => canViewCase(author, item))
  const byRef = new Map(visible.flatMap((item) => [[item.id, item.id] as const, [`#${item.number}`, item.id] as const]))
  const missing = refs.filter((ref) => !byRef.has(ref))
  if (missing.length) {
    const shown = missing.map((ref) => (ref.startsWith('#') ? `No.${ref.slice(1)}` : ref))
    return { ok: false, formErrors: [], fieldErrors: { relatedCases: [`関連事例「${shown.join('」「')}」が見つかりません。事例番号を確認してください`] } }
  }
  return { ok: true, ids: [...new Set(refs.map((ref) => byRef.get(ref) as string))] }
}

/** The linked cases the viewer may see, with number and title (the edit form's picker, the detail page). */
export function visibleRelatedCases(row: Pick<PracticeRow, 'relatedCases'>, viewer: Viewer) {
  return row.relatedCases
    .map((link) => link.case)
    .filter((item) => canViewCase(viewer, item))
    .map(({ id, number, title }) => ({ id, number, title }))
}

/**
 * Creates or updates a practice as its author, with new attachments (already validated) and removed ones.
 * Publishing runs the de-identification guard first and is refused (with the places to fix) while identifiers
 * remain. The search outbox is written in the same transaction.
 */
export async function savePractice(
  input: PracticeInput,
  author: SessionUser,
  options: { id?: string; uploads?: ValidUpload[]; seedKey?: string; db?: Tx } = {},
): Promise<SavePracticeResult> {
  const publish = input.intent === 'publish'
  if (publish) {
    const problems = await publishProblems(input)
    if (problems) return { ok: false, ...problems }
  }
  const related = await resolveRelatedCases(input.relatedCases, author)
  if (!related.ok) return related
  // Removed attachments leave the file storage only after the commit; files stored for a rolled-back save are removed.
  const run = async (tx: Tx, files: StoredFileChanges) => {
    const status = publish ? 'PUBLISHED' : 'DRAFT'
    const results = input.results.map((row, position) => ({ ...row, position }))
    const relatedCases = related.ids.map((caseId) => ({ caseId }))
    let id = options.id
    if (id) {
      const existing = await tx.practice.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } })
      await tx.practiceResult.deleteMany({ where: { practiceId: id } })
      await tx.practiceCase.deleteMany({ where: { practiceId: id } })
      if (input.removeAttachment.length) {
        // Only this practice's own attachments; the link goes with the stored file (cascade from StoredFile).
        const removed = await tx.practiceAttachment.findMany({ where: { practiceId: id, id: { in: input.removeAttachment } }, select: { fileId: true } })
        await files.removeFiles(tx, removed.map((row) => row.fileId))
      }
      await tx.practice.update({
        where: { id },
        data: {
          ...practiceData(input),
          status,
          publishedAt: publish ? (existing.publishedAt ?? new Date()) : existing.publishedAt,
          results: { create: results },
          relatedCases: { create: relatedCases },
        },
      })
    } else {
      const hospital = author.hospitalId ? await tx.hospital.findUnique({ where: { id: author.hospitalId }, select: { name: true } }) : null
      const created = await tx.practice.create({
        data: {
          ...practiceData(input),
          status,
          publishedAt: publish ? new Date() : null,
          authorId: author.id,
          hospitalId: hospital ? author.hospitalId : null,
          hospitalName: hospital?.name ?? null,
          seedKey: options.seedKey ?? null,
          results: { create: results },
          relatedCases: { create: relatedCases },
          // Authors follow their own practice, so they hear about comments.
          follows: { create: { userId: author.id } },
        },
      })
      id = created.id
    }
    for (const upload of options.uploads ?? []) {
      const file = await storeUpload(upload, author.id, tx, files)
      await tx.practiceAttachment.create({ data: { practiceId: id, fileId: file.id } })
    }
    await enqueueSearchChange(tx, { type: 'practice', id })
    return { ok: true as const, id, status: status as 'DRAFT' | 'PUBLISHED' }
  }
  return transactionWithFiles(prisma, run, { db: options.db, timeout: 30_000 })
}

/** Removes the author's own draft (published practices are hidden by moderators, not deleted). */
export async function deletePracticeDraft(id: string, author: Viewer): Promise<boolean> {
  return transactionWithFiles(prisma, async (tx, files) => {
    const attached = await tx.practiceAttachment.findMany({ where: { practiceId: id, practice: { authorId: author.id, status: 'DRAFT' } }, select: { fileId: true } })
    const result = await tx.practice.deleteMany({ where: { id, authorId: author.id, status: 'DRAFT' } })
    if (!result.count) return false
    // The attachments' bytes leave the storage once this commits.
    await files.removeFiles(tx, attached.map((row) => row.fileId))
    await enqueueSearchChange(tx, { type: 'practice', id })
    return true
  })
}

const listSelect = {
  id: true,
  title: true,
  problem: true,
  theme: true,
  tags: true,
  status: true,
  hospitalName: true,
  publishedAt: true,
  updatedAt: true,
  hiddenAt: true,
  commentCount: true,
  adoptionCount: true,
  author: { select: { id: true, name: true } },
  results: { orderBy: { position: 'asc' }, take: 2, select: { metric: true, before: true, after: true, unit: true, period: true } },
} satisfies Prisma.PracticeSelect

export type PracticeListItem = Prisma.PracticeGetPayload<{ select: typeof listSelect }>

/** Published, not hidden: what every member may see in lists. */
export const practicesVisibleToMembers = { status: 'PUBLISHED', hiddenAt: null } satisfies Prisma.PracticeWhereInput

export function practiceListWhere(filters: PracticeFilters, viewer: Viewer): Prisma.PracticeWhereInput {
  const scope: Prisma.PracticeWhereInput =
    filters.view === 'hidden' && hasPermission(viewer, 'practice:moderate')
      ? { status: 'PUBLISHED', hiddenAt: { not: null } }
      : filters.view === 'mine'
      ? { authorId: viewer.id }
      : filters.view === 'bookmarked'
        ? { bookmarks: { some: { userId: viewer.id } }, OR: [practicesVisibleToMembers, { authorId: viewer.id }] }
        : practicesVisibleToMembers
  return {
    ...scope,
    ...(filters.theme ? { theme: filters.theme } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    ...(filters.measured ? { results: { some: {} } } : {}),
  }
}

export async function listPractices(filters: PracticeFilters, viewer: Viewer) {
  const where = practiceListWhere(filters, viewer)
  const newest: Prisma.PracticeOrderByWithRelationInput[] = [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { updatedAt: 'desc' }, { id: 'desc' }]
  const orderBy: Prisma.PracticeOrderByWithRelationInput[] =
    filters.sort === 'adopted' ? [{ adoptionCount: 'desc' }, ...newest] : filters.sort === 'discussed' ? [{ commentCount: 'desc' }, ...newest] : newest
  const total = await prisma.practice.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / PRACTICES_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const items = await prisma.practice.findMany({ where, orderBy, skip: (page - 1) * PRACTICES_PAGE_SIZE, take: PRACTICES_PAGE_SIZE, select: listSelect })
  return { items, total, page, pageCount }
}

/** Tags in use among visible practices, for the filter select. */
export async function practiceTags(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tag: string }[]>`
    SELECT tag, COUNT(*) AS count FROM "Practice", unnest(tags) AS tag
    WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL
    GROUP BY tag ORDER BY count DESC, tag ASC LIMIT 50`
  return rows.map((row) => row.tag)
}

/** Moderation: hide (with a reason, told to the author in-app and by mail) or show again. Audited. */
export async function setPracticeHidden(id: string, hide: { reason: string } | null, moderator: SessionUser, request: Request) {
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.practice.update({
      where: { id },
      data: hide ? { hiddenAt: new Date(), hiddenReason: hide.reason, hiddenById: moderator.id } : { hiddenAt: null, hiddenReason: null, hiddenById: null },
      select: { id: true, authorId: true, author: { select: { email: true, status: true } } },
    })
    await recordAudit(
      { action: hide ? 'practice.hidden' : 'practice.unhidden', actorId: moderator.id, target: { type: 'practice', id }, request, details: hide ? { reason: hide.reason } : undefined },
      tx,
    )
    await enqueueSearchChange(tx, { type: 'practice', id })
    if (hide && updated.authorId !== moderator.id) {
      await notify({ userIds: [updated.authorId], kind: 'practice.hidden', title: 'あなたのプラクティスが非表示になりました', url: `/practices/${id}` }, tx)
    }
    return updated
  })
  if (hide && row.authorId !== moderator.id && row.author.status === 'ACTIVE') {
    await sendMail({ to: row.author.email, ...contentHiddenMail({ what: 'プラクティス', reason: hide.reason, link: `${getEnv().APP_ORIGIN}/practices/${id}` }) })
  }
}

/** The form's starting values for editing an existing practice. */
export function practiceFormDefaults(row: PracticeRow) {
  return {
    title: row.title,
    problem: row.problem,
    resources: row.resources,
    pitfalls: row.pitfalls,
    theme: row.theme,
    tags: row.tags.join(', '),
    // Numbers, as a member would type them without JavaScript; the picker shows the same cases by title.
    relatedCases: row.relatedCases.map((link) => `#${link.case.number}`).join(', '),
    results: row.results.map((item) => ({ metric: item.metric, before: item.before, after: item.after, unit: item.unit, period: item.period })),
  }
}

/** An attachment of a practice the viewer may see, or a 404. */
export async function findAttachmentForViewer(practiceId: string, attachmentId: string, viewer: Viewer) {
  await findPracticeForViewer(practiceId, viewer)
  const attachment = await prisma.practiceAttachment.findFirst({ where: { id: attachmentId, practiceId }, select: { fileId: true } })
  if (!attachment) throw new Response('添付ファイルが見つかりません。', { status: 404 })
  return attachment
}
