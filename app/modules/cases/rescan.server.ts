import { prisma } from '#app/lib/db.server.ts'
import type { Finding } from '#app/modules/deidentify/detect.ts'
import { blockingFindings } from '#app/modules/deidentify/publish-guard.ts'
import { CASE_SECTIONS } from './labels.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'

export type FlaggedItem = {
  kind: 'case' | 'comment'
  id: string
  caseId: string
  title: string
  findings: Array<{ label: string; type: string; text: string }>
}

const BATCH = 200

/**
 * Runs the de-identification guard over everything published (cases and their visible comments) and lists
 * what it flags now — the detector improves, and content published before an improvement is caught here.
 * Reads in batches so memory stays flat however many cases there are.
 */
export async function rescanPublishedContent(): Promise<{ scannedCases: number; scannedComments: number; flagged: FlaggedItem[] }> {
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
      if (found.length) flagged.push({ kind: 'case', id: item.id, caseId: item.id, title: item.title, findings: summarise(found) })
    }
  }
  let scannedComments = 0
  let commentCursor: string | undefined
  for (;;) {
    const comments = await prisma.comment.findMany({
      where: { deletedAt: null, caseId: { not: null }, case: { status: 'PUBLISHED' } },
      orderBy: { id: 'asc' },
      take: BATCH,
      ...(commentCursor ? { skip: 1, cursor: { id: commentCursor } } : {}),
      select: { id: true, caseId: true, body: true, case: { select: { title: true } } },
    })
    if (!comments.length) break
    commentCursor = comments.at(-1)?.id as string | undefined
    scannedComments += comments.length
    for (const comment of comments) {
      const found = blockingFindings([{ field: 'body', label: 'コメント', text: richTextToPlainText(comment.body as unknown as RichTextDoc) }])
      if (found.length && comment.caseId) {
        flagged.push({ kind: 'comment', id: comment.id, caseId: comment.caseId, title: comment.case?.title ?? '', findings: summarise(found) })
      }
    }
  }
  return { scannedCases, scannedComments, flagged }
}

export async function hiddenComments() {
  return prisma.comment.findMany({
    where: { hiddenAt: { not: null }, deletedAt: null },
    orderBy: { hiddenAt: 'desc' },
    take: 200,
    select: {
      id: true,
      caseId: true,
      hiddenAt: true,
      hiddenReason: true,
      author: { select: { name: true } },
      hiddenBy: { select: { name: true } },
      case: { select: { title: true } },
      // practices (issue 7): comments under a practice are moderated here too
      practiceId: true,
      practice: { select: { title: true } },
    },
  })
}
