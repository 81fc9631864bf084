// The admin re-scan (/admin/cases): the only part of de-identification that reads the database; detect.ts and
// publish-guard.ts stay pure.
import { prisma } from '#app/lib/db.server.ts'
import { CASE_SECTIONS } from '#app/modules/cases/labels.ts'
import { practiceTextFields } from '#app/modules/practices/practices.server.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import type { Finding } from './detect.ts'
import { blockingFindings } from './publish-guard.ts'

export type FlaggedItem = {
  kind: 'case' | 'practice' | 'comment'
  id: string
  /** The page where an admin sees (and can hide) it. */
  url: string
  /** The case's or practice's title (for a comment: its subject's). */
  title: string
  findings: Array<{ label: string; type: string; text: string }>
}

const BATCH = 200

/**
 * Runs the de-identification guard over everything published (cases, practices and their comments) and lists
 * what it flags now — the detector improves, and content published before an improvement is caught here.
 * Reads in batches so memory stays flat however many cases there are.
 */
export async function rescanPublishedContent(): Promise<{ scannedCases: number; scannedPractices: number; scannedComments: number; flagged: FlaggedItem[] }> {
  const flagged: FlaggedItem[] = []
  const summarise = (list: Array<{ label: string; finding: Finding }>) => list.map((item) => ({ label: item.label, type: item.finding.type, text: item.finding.text }))
  let scannedCases = 0
  let cursor: string | undefined
  for (;;) {
    const cases = await prisma.case.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
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
        factors: { select: { description: true } },
        countermeasures: { select: { text: true, responsibleRole: true, effectMeasure: true } },
      },
    })
    if (!cases.length) break
    cursor = cases.at(-1)?.id
    scannedCases += cases.length
    for (const item of cases) {
      const found = blockingFindings([
        { field: 'title', label: '題名', text: item.title },
        { field: 'summary', label: '概要', text: item.summary },
        { field: 'tags', label: 'タグ', text: item.tags.join(' ') },
        ...CASE_SECTIONS.map((section) => ({ field: section.name, label: section.label, text: richTextToPlainText(item[section.name] as unknown as RichTextDoc) })),
        ...item.factors.map((factor, index) => ({ field: `factor${index}`, label: `要因${index + 1}`, text: factor.description })),
        ...item.countermeasures.map((measure, index) => ({
          field: `countermeasure${index}`,
          label: `対策${index + 1}`,
          text: [measure.text, measure.responsibleRole, measure.effectMeasure].join('\n'),
        })),
      ])
      if (found.length) flagged.push({ kind: 'case', id: item.id, url: `/cases/${item.id}`, title: item.title, findings: summarise(found) })
    }
  }
  let scannedPractices = 0
  let practiceCursor: string | undefined
  for (;;) {
    const practices = await prisma.practice.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(practiceCursor ? { skip: 1, cursor: { id: practiceCursor } } : {}),
      select: {
        id: true,
        title: true,
        problem: true,
        whatWasDone: true,
        steps: true,
        resources: true,
        pitfalls: true,
        tags: true,
        results: { orderBy: { position: 'asc' }, select: { metric: true, before: true, after: true, unit: true, period: true } },
      },
    })
    if (!practices.length) break
    practiceCursor = practices.at(-1)?.id
    scannedPractices += practices.length
    for (const item of practices) {
      const found = blockingFindings(
        practiceTextFields({ ...item, whatWasDone: item.whatWasDone as unknown as RichTextDoc, steps: item.steps as unknown as RichTextDoc }),
      )
      if (found.length) flagged.push({ kind: 'practice', id: item.id, url: `/practices/${item.id}`, title: item.title, findings: summarise(found) })
    }
  }
  let scannedComments = 0
  let commentCursor: string | undefined
  for (;;) {
    const comments = await prisma.comment.findMany({
      where: { deletedAt: null, OR: [{ case: { status: 'PUBLISHED' } }, { practice: { status: 'PUBLISHED' } }] },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(commentCursor ? { skip: 1, cursor: { id: commentCursor } } : {}),
      select: { id: true, caseId: true, practiceId: true, body: true, case: { select: { title: true } }, practice: { select: { title: true } } },
    })
    if (!comments.length) break
    commentCursor = comments.at(-1)?.id as string | undefined
    scannedComments += comments.length
    for (const comment of comments) {
      const found = blockingFindings([{ field: 'body', label: 'コメント', text: richTextToPlainText(comment.body as unknown as RichTextDoc) }])
      const subject = comment.caseId ? `/cases/${comment.caseId}` : `/practices/${comment.practiceId}`
      if (found.length) {
        flagged.push({ kind: 'comment', id: comment.id, url: `${subject}#comment-${comment.id}`, title: comment.case?.title ?? comment.practice?.title ?? '', findings: summarise(found) })
      }
    }
  }
  return { scannedCases, scannedPractices, scannedComments, flagged }
}
