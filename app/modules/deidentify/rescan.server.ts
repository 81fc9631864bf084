// The admin re-scan (/admin/cases): the only part of de-identification that reads the database; detect.ts and
// publish-guard.ts stay pure.
import { inBatches } from '#app/lib/batches.ts'
import { prisma } from '#app/lib/db.server.ts'
import { caseTextFields } from '#app/modules/cases/cases.server.ts'
import { practiceTextFields } from '#app/modules/practices/practices.server.ts'
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

const BATCH = 200

const asDoc = (value: unknown) => value as RichTextDoc

/**
 * Runs the de-identification guard over everything published (cases, practices and their comments) and lists
 * what it flags now — the detector improves, and content published before an improvement is caught here.
 * Reads in batches so memory stays flat however many cases there are.
 */
export async function rescanPublishedContent(): Promise<{ scannedCases: number; scannedPractices: number; scannedComments: number; flagged: FlaggedItem[] }> {
  const flagged: FlaggedItem[] = []
  const flag = (item: Omit<FlaggedItem, 'findings'>, found: Array<{ label: string; finding: Finding }>) => {
    if (found.length) flagged.push({ ...item, findings: found.map(({ label, finding }) => ({ label, type: finding.type, text: finding.text })) })
  }
  const after = (id: string | undefined) => (id ? { id: { gt: id } } : {})

  let scannedCases = 0
  const cases = inBatches(BATCH, (last, take) =>
    prisma.case.findMany({
      where: { status: 'PUBLISHED', ...after(last) },
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
    }),
  )
  for await (const batch of cases) {
    scannedCases += batch.length
    for (const item of batch) {
      const { chronology, discovery, analysis, countermeasuresText, lessons } = item
      const texts = { ...item, chronology: asDoc(chronology), discovery: asDoc(discovery), analysis: asDoc(analysis), countermeasuresText: asDoc(countermeasuresText), lessons: asDoc(lessons) }
      flag({ kind: 'case', id: item.id, url: `/cases/${item.id}`, title: item.title }, await serverBlockingFindings(caseTextFields(texts)))
    }
  }

  let scannedPractices = 0
  const practices = inBatches(BATCH, (last, take) =>
    prisma.practice.findMany({
      where: { status: 'PUBLISHED', ...after(last) },
      orderBy: { id: 'asc' },
      take,
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
    }),
  )
  for await (const batch of practices) {
    scannedPractices += batch.length
    for (const item of batch) {
      const found = await serverBlockingFindings(practiceTextFields({ ...item, whatWasDone: asDoc(item.whatWasDone), steps: asDoc(item.steps) }))
      flag({ kind: 'practice', id: item.id, url: `/practices/${item.id}`, title: item.title }, found)
    }
  }

  let scannedComments = 0
  const comments = inBatches(BATCH, (last, take) =>
    prisma.comment.findMany({
      where: { deletedAt: null, OR: [{ case: { status: 'PUBLISHED' } }, { practice: { status: 'PUBLISHED' } }], ...after(last) },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, caseId: true, practiceId: true, body: true, case: { select: { title: true } }, practice: { select: { title: true } } },
    }),
  )
  for await (const batch of comments) {
    scannedComments += batch.length
    for (const comment of batch) {
      const subject = comment.caseId ? `/cases/${comment.caseId}` : `/practices/${comment.practiceId}`
      flag(
        { kind: 'comment', id: comment.id, url: `${subject}#comment-${comment.id}`, title: comment.case?.title ?? comment.practice?.title ?? '' },
        await serverBlockingFindings([{ field: 'body', label: 'コメント', text: richTextToPlainText(asDoc(comment.body)) }]),
      )
    }
  }
  return { scannedCases, scannedPractices, scannedComments, flagged }
}
