// The admin re-scan (/admin/cases): the only part of de-identification that reads the database; detect.ts and
// publish-guard.ts stay pure.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { caseTextFields } from '#app/modules/cases/cases.server.ts'
import { practiceTextFields, practiceTextSelect } from '#app/modules/practices/practices.server.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import type { Finding } from './detect.ts'
import { serverBlockingFindings } from './server-check.server.ts'

export type FlaggedItem = {
  kind: 'case' | 'practice' | 'comment'
  id: string
  /** The page where an admin sees (and can hide) it. */
  url: string
  /** The case's or practice's title (for a comment: its subject's). */
  title: string
  findings: Array<{ label: string; type: string; text: string }>
}

export const RESCAN_BATCH = 200
export const RESCAN_KINDS = ['case', 'practice', 'comment'] as const
export type RescanKind = (typeof RESCAN_KINDS)[number]

/** One batch of one kind: how many were read, the last id (the next batch starts after it) and what was flagged. */
export type RescanBatch = { scanned: number; lastId: string | undefined; flagged: FlaggedItem[] }

const asDoc = (value: unknown) => value as RichTextDoc
const after = (id: string | undefined) => (id ? { id: { gt: id } } : {})

function flagged(item: Omit<FlaggedItem, 'findings'>, found: Array<{ label: string; finding: Finding }>): FlaggedItem[] {
  return found.length ? [{ ...item, findings: found.map(({ label, finding }) => ({ label, type: finding.type, text: finding.text })) }] : []
}

const published = {
  case: { status: 'PUBLISHED' },
  practice: { status: 'PUBLISHED' },
  comment: { deletedAt: null, OR: [{ case: { status: 'PUBLISHED' } }, { practice: { status: 'PUBLISHED' } }] },
} satisfies { case: Prisma.CaseWhereInput; practice: Prisma.PracticeWhereInput; comment: Prisma.CommentWhereInput }

/** How many published texts a full re-scan reads (for its progress bar). */
export async function countPublishedContent(): Promise<number> {
  const [cases, practices, comments] = await Promise.all([
    prisma.case.count({ where: published.case }),
    prisma.practice.count({ where: published.practice }),
    prisma.comment.count({ where: published.comment }),
  ])
  return cases + practices + comments
}

async function rescanCases(afterId: string | undefined, take: number): Promise<RescanBatch> {
  const batch = await prisma.case.findMany({
    where: { ...published.case, ...after(afterId) },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      title: true,
      summary: true,
      tags: true,
      chronology: true,
      discovery: true,
      analysis: true,
      countermeasuresText: true,
      lessons: true,
      factors: { orderBy: { position: 'asc' }, select: { description: true } },
      countermeasures: { orderBy: { position: 'asc' }, select: { text: true, responsibleRole: true, effectMeasure: true } },
    },
  })
  const found: FlaggedItem[] = []
  for (const item of batch) {
    const { chronology, discovery, analysis, countermeasuresText, lessons } = item
    const texts = { ...item, chronology: asDoc(chronology), discovery: asDoc(discovery), analysis: asDoc(analysis), countermeasuresText: asDoc(countermeasuresText), lessons: asDoc(lessons) }
    found.push(...flagged({ kind: 'case', id: item.id, url: `/cases/${item.id}`, title: item.title }, await serverBlockingFindings(caseTextFields(texts))))
  }
  return { scanned: batch.length, lastId: batch.at(-1)?.id, flagged: found }
}

async function rescanPractices(afterId: string | undefined, take: number): Promise<RescanBatch> {
  const batch = await prisma.practice.findMany({
    where: { ...published.practice, ...after(afterId) },
    orderBy: { id: 'asc' },
    take,
    select: { id: true, ...practiceTextSelect },
  })
  const found: FlaggedItem[] = []
  for (const item of batch) {
    const problems = await serverBlockingFindings(practiceTextFields({ ...item, whatWasDone: asDoc(item.whatWasDone), steps: asDoc(item.steps) }))
    found.push(...flagged({ kind: 'practice', id: item.id, url: `/practices/${item.id}`, title: item.title }, problems))
  }
  return { scanned: batch.length, lastId: batch.at(-1)?.id, flagged: found }
}

async function rescanComments(afterId: string | undefined, take: number): Promise<RescanBatch> {
  const batch = await prisma.comment.findMany({
    where: { ...published.comment, ...after(afterId) },
    orderBy: { id: 'asc' },
    take,
    select: { id: true, caseId: true, practiceId: true, body: true, case: { select: { title: true } }, practice: { select: { title: true } } },
  })
  const found: FlaggedItem[] = []
  for (const comment of batch) {
    const subject = comment.caseId ? `/cases/${comment.caseId}` : `/practices/${comment.practiceId}`
    const problems = await serverBlockingFindings([{ field: 'body', label: 'コメント', text: richTextToPlainText(asDoc(comment.body)) }])
    found.push(...flagged({ kind: 'comment', id: comment.id, url: `${subject}#comment-${comment.id}`, title: comment.case?.title ?? comment.practice?.title ?? '' }, problems))
  }
  return { scanned: batch.length, lastId: batch.at(-1)?.id, flagged: found }
}

/**
 * The batch-level entry point (the re-scan job calls it batch by batch and stores each result with its
 * position): the next `take` published items of one kind after `afterId`, run through the de-identification
 * guard — the detector improves, and content published before an improvement is caught here.
 */
export function rescanBatch(kind: RescanKind, afterId: string | undefined, take = RESCAN_BATCH): Promise<RescanBatch> {
  switch (kind) {
    case 'case':
      return rescanCases(afterId, take)
    case 'practice':
      return rescanPractices(afterId, take)
    case 'comment':
      return rescanComments(afterId, take)
  }
}

/** Everything in one go (benchmarks and scripts); the admin page runs it as a job instead (rescan-job.server.ts). */
export async function rescanPublishedContent(): Promise<{ scannedCases: number; scannedPractices: number; scannedComments: number; flagged: FlaggedItem[] }> {
  const scanned: Record<RescanKind, number> = { case: 0, practice: 0, comment: 0 }
  const all: FlaggedItem[] = []
  for (const kind of RESCAN_KINDS) {
    let cursor: string | undefined
    for (;;) {
      const batch = await rescanBatch(kind, cursor)
      scanned[kind] += batch.scanned
      all.push(...batch.flagged)
      if (batch.scanned < RESCAN_BATCH) break
      cursor = batch.lastId
    }
  }
  return { scannedCases: scanned.case, scannedPractices: scanned.practice, scannedComments: scanned.comment, flagged: all }
}
