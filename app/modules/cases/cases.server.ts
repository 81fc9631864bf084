import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canEditCase, canSeeAnonymousAuthor, canViewCase, hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { contentHiddenMail } from '#app/modules/mail/templates.ts'
import { followedCasesWithNewComments } from '#app/modules/discussion/discussion.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { discussedMeetingWhere, meetingSelect } from '#app/modules/events/case-review.ts'
import { describeBlocking, type TextField } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import { ANONYMOUS_AUTHOR, CASE_SECTIONS, type FactorFrameworkCode } from './labels.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { occurredRange, type RetrievalFilters } from './retrieval-filters.ts'
import { missingForPublishing } from './publish-requirements.ts'
import { parseYearMonth, type CaseFilters, type CaseInput } from './schemas.ts'

type Viewer = Pick<SessionUser, 'id' | 'role'>

export const CASES_PAGE_SIZE = 20

const caseDetail = {
  professions: { orderBy: { position: 'asc' } },
  factors: { orderBy: { position: 'asc' } },
  countermeasures: { orderBy: { position: 'asc' } },
  author: { select: { id: true, name: true, hospital: { select: { name: true } } } },
  hiddenBy: { select: { name: true } },
  _count: { select: { reactions: true } },
} satisfies Prisma.CaseInclude

type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseDetail }>

/** The case as the viewer may see it, or a 404 (drafts of others, hidden cases for members, unknown ids). */
export async function findCaseForViewer(id: string, viewer: Viewer): Promise<CaseRow> {
  const row = await prisma.case.findUnique({ where: { id }, include: caseDetail })
  if (!row || !canViewCase(viewer, row)) throw new Response('事例が見つかりません。', { status: 404 })
  return row
}

/** The same, for changing it: only the author passes. */
export async function findCaseForEditing(id: string, viewer: Viewer): Promise<CaseRow> {
  const row = await findCaseForViewer(id, viewer)
  if (!canEditCase(viewer, row)) throw new Response('この事例を編集できるのは投稿者だけです。', { status: 403 })
  return row
}

/** Who wrote it, as this viewer may know: 「会員」 on anonymous cases unless they are the author or a moderator. */
export function authorShownTo(
  viewer: Viewer,
  item: { anonymous: boolean; authorId: string; hospitalName: string | null; author: { id: string; name: string } },
): { id: string | null; name: string; hospitalName: string | null; anonymous: boolean } {
  if (item.anonymous && !canSeeAnonymousAuthor(viewer, item)) return { id: null, name: ANONYMOUS_AUTHOR, hospitalName: null, anonymous: true }
  return { id: item.author.id, name: item.author.name, hospitalName: item.hospitalName, anonymous: item.anonymous }
}

/**
 * What a case page may send to the browser. The author's id, name and hospital are removed for viewers who may
 * not see them, so nothing leaks through the loader's JSON either.
 */
export function presentCase(row: CaseRow, viewer: Viewer) {
  const { author, authorId, hospitalId, hospitalName, hiddenBy, hiddenById, importKey, _count, ...rest } = row
  void authorId
  void hospitalId
  void hiddenById
  void importKey
  return {
    ...rest,
    sections: Object.fromEntries(CASE_SECTIONS.map((section) => [section.name, row[section.name] as RichTextDoc])) as Record<
      (typeof CASE_SECTIONS)[number]['name'],
      RichTextDoc
    >,
    author: authorShownTo(viewer, { anonymous: row.anonymous, authorId: row.authorId, hospitalName, author }),
    hiddenByName: hasPermission(viewer, 'case:moderate') ? (hiddenBy?.name ?? null) : null,
    reactionCount: _count.reactions,
    isAuthor: row.authorId === viewer.id,
  }
}

type CaseTexts = Pick<CaseInput, 'title' | 'summary' | 'tags' | (typeof CASE_SECTIONS)[number]['name']> & {
  factors: ReadonlyArray<Pick<CaseInput['factors'][number], 'description'>>
  countermeasures: ReadonlyArray<Pick<CaseInput['countermeasures'][number], 'text' | 'responsibleRole' | 'effectMeasure'>>
}

/** Every text a member typed into a case, labelled for the de-identification guard's messages. */
export function caseTextFields(input: CaseTexts): TextField[] {
  return [
    { field: 'title', label: '題名', text: input.title },
    { field: 'summary', label: '概要', text: input.summary },
    { field: 'tags', label: 'タグ', text: input.tags.join(' ') },
    ...CASE_SECTIONS.map((section) => ({ field: section.name, label: section.label, text: richTextToPlainText(input[section.name]) })),
    ...input.factors.map((factor, index) => ({ field: `factors[${index}].description`, label: `要因${index + 1}`, text: factor.description })),
    ...input.countermeasures.flatMap((item, index) => [
      { field: `countermeasures[${index}].text`, label: `対策${index + 1}`, text: item.text },
      { field: `countermeasures[${index}].responsibleRole`, label: `対策${index + 1}の担当`, text: item.responsibleRole },
      { field: `countermeasures[${index}].effectMeasure`, label: `対策${index + 1}の効果の測り方`, text: item.effectMeasure },
    ]),
  ]
}

const sectionLabel = (name: string) => CASE_SECTIONS.find((section) => section.name === name)?.label ?? name

export type SaveCaseResult =
  | { ok: true; id: string; status: 'DRAFT' | 'PUBLISHED' }
  | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]> }

/** Problems that keep a case from being published; the draft itself can always be saved. */
export async function publishProblems(
  input: CaseInput,
  // The bulk import (docs/cases-import.md) carries only the write-up, which goes into the chronology; its other
  // sections start empty by design, so it is held to the chronology alone.
  { wholeCase = true }: { wholeCase?: boolean } = {},
): Promise<{ formErrors: string[]; fieldErrors: Record<string, string[]> } | null> {
  const fieldErrors: Record<string, string[]> = {}
  const missing = missingForPublishing(input)
  for (const [field, message] of Object.entries(missing)) if (wholeCase || field === 'chronology') fieldErrors[field] = [message]
  const blocking = await serverBlockingFindings(caseTextFields(input))
  const messages = describeBlocking(blocking)
  blocking.forEach((item, index) => {
    fieldErrors[item.field] = [...(fieldErrors[item.field] ?? []), messages[index] ?? '']
  })
  if (!Object.keys(fieldErrors).length) return null
  const formErrors = blocking.length
    ? [`個人を特定できる情報が${blocking.length}件残っているため公開できません。下書きとしては保存できます。`, ...messages]
    : [`公開に必要な項目が足りません（${Object.keys(fieldErrors).map(sectionLabel).join('・')}）。下書きとしては保存できます。`]
  return { formErrors, fieldErrors }
}

const json = (doc: RichTextDoc) => doc as unknown as Prisma.InputJsonObject

function caseData(input: CaseInput) {
  const occurred = parseYearMonth(input.occurredOn)
  if (!occurred) throw new Error('occurredOn was validated by CaseSchema')
  return {
    title: input.title,
    summary: input.summary,
    impactLevel: input.impactLevel,
    jqCategory: input.jqCategory,
    place: input.place,
    occurredYear: occurred.year,
    occurredMonth: occurred.month,
    anonymous: input.anonymous,
    tags: input.tags,
    chronology: json(input.chronology),
    discovery: json(input.discovery),
    analysis: json(input.analysis),
    countermeasuresText: json(input.countermeasuresText),
    lessons: json(input.lessons),
  }
}

function childRows(input: CaseInput) {
  return {
    professions: input.professions.map((row, position) => ({ profession: row.profession, experience: row.experience, position })),
    factors: input.factors.map((row, position) => {
      const [framework, element] = row.factor.split(':') as [FactorFrameworkCode, string]
      return { framework, element, description: row.description, position }
    }),
    countermeasures: input.countermeasures.map((row, position) => ({
      text: row.text,
      strength: row.strength,
      dimension: row.dimension ?? null,
      responsibleRole: row.responsibleRole,
      dueMonth: row.dueMonth ?? null,
      effectMeasure: row.effectMeasure,
      position,
    })),
  }
}

/**
 * Creates or updates a case as its author. Publishing runs the de-identification guard first and is refused
 * (with the places to fix) while identifiers remain. The search outbox is written in the same transaction.
 */
export async function saveCase(
  input: CaseInput,
  author: SessionUser,
  options: { id?: string; importKey?: string; db?: Prisma.TransactionClient; publishChecked?: boolean } = {},
): Promise<SaveCaseResult> {
  const publish = input.intent === 'publish'
  // `publishChecked`: the caller ran publishProblems before opening its transaction (the check may take seconds,
  // longer than a transaction should stay open).
  if (publish && !options.publishChecked) {
    const problems = await publishProblems(input)
    if (problems) return { ok: false, ...problems }
  }
  const run = async (tx: Prisma.TransactionClient) => {
    const children = childRows(input)
    const status = publish ? 'PUBLISHED' : 'DRAFT'
    let id = options.id
    if (id) {
      const existing = await tx.case.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } })
      await tx.caseProfession.deleteMany({ where: { caseId: id } })
      await tx.contributingFactor.deleteMany({ where: { caseId: id } })
      await tx.countermeasure.deleteMany({ where: { caseId: id } })
      await tx.case.update({
        where: { id },
        data: {
          ...caseData(input),
          status,
          publishedAt: publish ? (existing.publishedAt ?? new Date()) : existing.publishedAt,
          professions: { create: children.professions },
          factors: { create: children.factors },
          countermeasures: { create: children.countermeasures },
        },
      })
    } else {
      const hospital = author.hospitalId ? await tx.hospital.findUnique({ where: { id: author.hospitalId }, select: { name: true } }) : null
      const created = await tx.case.create({
        data: {
          ...caseData(input),
          status,
          publishedAt: publish ? new Date() : null,
          authorId: author.id,
          hospitalId: hospital ? author.hospitalId : null,
          hospitalName: hospital?.name ?? null,
          importKey: options.importKey ?? null,
          professions: { create: children.professions },
          factors: { create: children.factors },
          countermeasures: { create: children.countermeasures },
          // Authors follow their own case, so they hear about comments.
          follows: { create: { userId: author.id } },
        },
      })
      id = created.id
    }
    await enqueueSearchChange(tx, { type: 'case', id })
    return { ok: true as const, id, status: status as 'DRAFT' | 'PUBLISHED' }
  }
  return options.db ? run(options.db) : prisma.$transaction(run)
}

/** Removes the author's own draft (published cases are hidden by moderators, not deleted). */
export async function deleteDraft(id: string, author: Viewer): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const result = await tx.case.deleteMany({ where: { id, authorId: author.id, status: 'DRAFT' } })
    if (result.count) await enqueueSearchChange(tx, { type: 'case', id })
    return result.count > 0
  })
}

const listSelect = {
  id: true,
  title: true,
  summary: true,
  impactLevel: true,
  jqCategory: true,
  place: true,
  occurredYear: true,
  occurredMonth: true,
  status: true,
  anonymous: true,
  authorId: true,
  hospitalName: true,
  tags: true,
  publishedAt: true,
  updatedAt: true,
  hiddenAt: true,
  reviewedAtMeeting: true,
  commentCount: true,
  author: { select: { id: true, name: true } },
  // events: the latest case-review meeting that discussed it (one batched query for the whole page, not per card)
  eventLinks: { where: { event: discussedMeetingWhere }, select: { event: { select: meetingSelect } }, orderBy: { event: { startsAt: 'desc' } }, take: 1 },
} satisfies Prisma.CaseSelect

type ListRow = Prisma.CaseGetPayload<{ select: typeof listSelect }>

export function presentListItem(row: ListRow, viewer: Viewer) {
  const { author, authorId, hospitalName, eventLinks, ...rest } = row
  return { ...rest, meeting: eventLinks[0]?.event ?? null, author: authorShownTo(viewer, { anonymous: row.anonymous, authorId, hospitalName, author }) }
}
export type CaseListItem = ReturnType<typeof presentListItem>

/** Published, not hidden: what every member may see in lists. */
export const visibleToMembers = { status: 'PUBLISHED', hiddenAt: null } satisfies Prisma.CaseWhereInput

export function caseListWhere(filters: CaseFilters, viewer: Viewer): Prisma.CaseWhereInput {
  const scope: Prisma.CaseWhereInput =
    filters.view === 'mine'
      ? { authorId: viewer.id }
      : filters.view === 'bookmarked'
        ? { bookmarks: { some: { userId: viewer.id } }, OR: [visibleToMembers, { authorId: viewer.id }] }
        : visibleToMembers
  const and: Prisma.CaseWhereInput[] = [...retrievalWhere(filters)]
  // 「検討会で扱った」: marked by hand on the case, or discussed at a case-review meeting with its summary posted.
  if (filters.reviewed) and.push({ OR: [{ reviewedAtMeeting: { not: null } }, { eventLinks: { some: { event: discussedMeetingWhere } } }] })
  return {
    ...scope,
    ...(filters.category ? { jqCategory: filters.category } : {}),
    ...(filters.level ? { impactLevel: filters.level } : {}),
    ...(filters.place ? { place: filters.place } : {}),
    ...(filters.year ? { occurredYear: filters.year } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    ...(and.length ? { AND: and } : {}),
  }
}

/** A month bound on (occurredYear, occurredMonth): the later years, or the same year from/until the month. */
function monthBound(bound: number, direction: 'from' | 'to'): Prisma.CaseWhereInput {
  const year = Math.floor(bound / 100)
  const month = bound % 100
  return direction === 'from'
    ? { OR: [{ occurredYear: { gt: year } }, { occurredYear: year, occurredMonth: { gte: month } }] }
    : { OR: [{ occurredYear: { lt: year } }, { occurredYear: year, occurredMonth: { lte: month } }] }
}

/** The issue-17 filters as conditions; the same meaning as the search engines' (search/engine-common.ts). */
export function retrievalWhere(filters: RetrievalFilters): Prisma.CaseWhereInput[] {
  const conditions: Prisma.CaseWhereInput[] = []
  // Profession and experience together describe one person on the case.
  if (filters.profession || filters.experience) {
    conditions.push({ professions: { some: { ...(filters.profession ? { profession: filters.profession } : {}), ...(filters.experience ? { experience: filters.experience } : {}) } } })
  }
  if (filters.factor) {
    const [framework, element] = filters.factor.split(':') as [FactorFrameworkCode, string]
    conditions.push({ factors: { some: { framework, element } } })
  }
  if (filters.strength) conditions.push({ countermeasures: { some: { strength: filters.strength } } })
  const range = occurredRange(filters)
  if (range.from !== undefined) conditions.push(monthBound(range.from, 'from'))
  if (range.to !== undefined) conditions.push(monthBound(range.to, 'to'))
  return conditions
}

/** The list's order (also the export's). */
export function caseListOrder(filters: Pick<CaseFilters, 'sort'>): Prisma.CaseOrderByWithRelationInput[] {
  return filters.sort === 'discussed'
    ? [{ commentCount: 'desc' }, { publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }]
    : [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { updatedAt: 'desc' }, { id: 'desc' }]
}

export async function listCases(filters: CaseFilters, viewer: Viewer) {
  const where = caseListWhere(filters, viewer)
  const orderBy = caseListOrder(filters)
  const total = await prisma.case.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / CASES_PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const rows = await prisma.case.findMany({ where, orderBy, skip: (page - 1) * CASES_PAGE_SIZE, take: CASES_PAGE_SIZE, select: listSelect })
  return { items: rows.map((row) => presentListItem(row, viewer)), total, page, pageCount }
}

/** Tags and years in use among visible cases, for the filter selects. */
export async function caseFilterOptions() {
  const [years, tagRows] = await Promise.all([
    prisma.case.findMany({ where: visibleToMembers, distinct: ['occurredYear'], select: { occurredYear: true }, orderBy: { occurredYear: 'desc' } }),
    prisma.$queryRaw<{ tag: string; count: bigint }[]>`
      SELECT tag, COUNT(*) AS count FROM "Case", unnest(tags) AS tag
      WHERE status = 'PUBLISHED' AND "hiddenAt" IS NULL
      GROUP BY tag ORDER BY count DESC, tag ASC LIMIT 50`,
  ])
  return { years: years.map((row) => row.occurredYear), tags: tagRows.map((row) => row.tag) }
}

/** 「検討会で扱った」: set or clear the meeting date (author or admin; the route checks who). */
export async function setReviewedAtMeeting(id: string, date: Date | null, actor: SessionUser, request: Request) {
  await prisma.$transaction(async (tx) => {
    await tx.case.update({ where: { id }, data: { reviewedAtMeeting: date } })
    await recordAudit(
      { action: 'case.reviewed-marked', actorId: actor.id, target: { type: 'case', id }, request, details: { meetingDate: date?.toISOString().slice(0, 10) ?? null } },
      tx,
    )
    await enqueueSearchChange(tx, { type: 'case', id })
  })
}

/** Moderation: hide (with a reason, told to the author in-app and by mail) or show again. Audited. */
export async function setCaseHidden(id: string, hide: { reason: string } | null, moderator: SessionUser, request: Request) {
  const row = await prisma.$transaction(async (tx) => {
    const updated = await tx.case.update({
      where: { id },
      data: hide ? { hiddenAt: new Date(), hiddenReason: hide.reason, hiddenById: moderator.id } : { hiddenAt: null, hiddenReason: null, hiddenById: null },
      select: { id: true, authorId: true, author: { select: { email: true, status: true } } },
    })
    await recordAudit(
      { action: hide ? 'case.hidden' : 'case.unhidden', actorId: moderator.id, target: { type: 'case', id }, request, details: hide ? { reason: hide.reason } : undefined },
      tx,
    )
    await enqueueSearchChange(tx, { type: 'case', id })
    if (hide && updated.authorId !== moderator.id) {
      await notify({ userIds: [updated.authorId], kind: 'case.hidden', title: 'あなたの事例が非表示になりました', url: `/cases/${id}` }, tx)
    }
    return updated
  })
  if (hide && row.authorId !== moderator.id && row.author.status === 'ACTIVE') {
    await sendMail({ to: row.author.email, ...contentHiddenMail({ what: '事例', reason: hide.reason, link: `${getEnv().APP_ORIGIN}/cases/${id}` }) })
  }
}

/** For /home: the latest visible cases. */
export async function recentCases(viewer: Viewer, take = 5) {
  const rows = await prisma.case.findMany({ where: visibleToMembers, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take, select: listSelect })
  return rows.map((row) => presentListItem(row, viewer))
}

/** For the admin page: hidden cases. */
export async function hiddenCases(viewer: Viewer) {
  const rows = await prisma.case.findMany({
    where: { hiddenAt: { not: null } },
    orderBy: { hiddenAt: 'desc' },
    select: { ...listSelect, hiddenReason: true, hiddenBy: { select: { name: true } } },
    take: 200,
  })
  return rows.map(({ hiddenReason, hiddenBy, ...row }) => ({ ...presentListItem(row, viewer), hiddenReason, hiddenByName: hiddenBy?.name ?? null }))
}

/** The form's starting values for editing an existing case. */
export function caseFormDefaults(row: CaseRow) {
  return {
    title: row.title,
    summary: row.summary,
    impactLevel: row.impactLevel,
    jqCategory: row.jqCategory,
    place: row.place,
    occurredOn: `${row.occurredYear}-${String(row.occurredMonth).padStart(2, '0')}`,
    anonymous: row.anonymous ? 'on' : undefined,
    tags: row.tags.join(', '),
    professions: row.professions.map((item) => ({ profession: item.profession, experience: item.experience })),
    factors: row.factors.map((item) => ({ factor: `${item.framework}:${item.element}`, description: item.description })),
    countermeasures: row.countermeasures.map((item) => ({
      text: item.text,
      strength: item.strength,
      dimension: item.dimension ?? undefined,
      responsibleRole: item.responsibleRole,
      dueMonth: item.dueMonth ?? undefined,
      effectMeasure: item.effectMeasure,
    })),
  }
}

/** What /home shows about cases: the latest ones, and followed ones with comments the member has not seen. */
export async function loadCasesHome(viewer: Viewer) {
  const [recent, followed] = await Promise.all([recentCases(viewer, 5), followedCasesWithNewComments(viewer.id, 5)])
  return { recent, followed }
}

export const CASE_PICKER_LIMIT = 10

/**
 * The related-case picker (practices, issue 17): cases the viewer may see (published and not hidden, or their own,
 * drafts included, as a practice's author may link them) whose title contains the words, or whose number was typed
 * (12, #12, No.12). Newest first.
 */
export async function findPickableCases(q: string, viewer: Viewer) {
  const text = q.normalize('NFKC').trim()
  if (!text) return []
  const number = /^(?:#|no\.?|事例)?\s*(\d{1,9})$/i.exec(text)
  const words = text.split(/\s+/).filter(Boolean).slice(0, 5)
  const match: Prisma.CaseWhereInput = number
    ? { OR: [{ number: Number(number[1]) }, { title: { contains: text, mode: 'insensitive' } }] }
    : { AND: words.map((word) => ({ title: { contains: word, mode: 'insensitive' as const } })) }
  const rows = await prisma.case.findMany({
    where: { AND: [{ OR: [visibleToMembers, { authorId: viewer.id }] }, match] },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'first' } }, { number: 'desc' }],
    take: CASE_PICKER_LIMIT,
    select: { id: true, number: true, title: true, status: true, occurredYear: true, occurredMonth: true },
  })
  return rows.map((row) => ({ id: row.id, number: row.number, title: row.title, draft: row.status === 'DRAFT', occurred: `${row.occurredYear}年${row.occurredMonth}月` }))
}
export type PickableCase = Awaited<ReturnType<typeof findPickableCases>>[number]
