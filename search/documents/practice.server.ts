/**
 * Best practices (issue 7) in the shared index: published and not hidden only, never the author or hospital.
 * Facets: the theme when it is one of the eight JQ categories, the year it was published, its tags. Hiding or
 * unpublishing a practice also removes its comments (see `dependents`).
 */
import { inBatches } from '#app/lib/batches.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { PRACTICE_THEMES } from '#app/modules/practices/labels.ts'
import { practicesVisibleToMembers, practiceTextSelect } from '#app/modules/practices/practices.server.ts'
import { type SearchChange } from '../outbox.server.ts'
import { NO_CASE_ATTRIBUTES, type SearchDocument } from '../types.ts'
import { finishDocument, joinText, plainText, tokyoYear } from './document.ts'
import { type DocumentSource } from './registry.server.ts'

const select = {
  id: true,
  ...practiceTextSelect,
  theme: true,
  publishedAt: true,
  createdAt: true,
} satisfies Prisma.PracticeSelect

type Row = Prisma.PracticeGetPayload<{ select: typeof select }>

export function practiceDocument(row: Row): SearchDocument {
  const published = row.publishedAt ?? row.createdAt
  return finishDocument({
    type: 'practice',
    id: row.id,
    title: row.title,
    body: joinText([
      row.problem,
      plainText(row.whatWasDone),
      ...row.results.map((result) => `${result.metric} ${result.before}${result.unit} → ${result.after}${result.unit} ${result.period}`),
      plainText(row.steps),
      row.resources,
      row.pitfalls,
      PRACTICE_THEMES[row.theme],
    ]),
    url: `/practices/${row.id}`,
    tags: row.tags,
    jqCategory: row.theme in JQ_CATEGORIES ? PRACTICE_THEMES[row.theme] : null,
    impactLevel: null,
    year: tokyoYear(published),
    ...NO_CASE_ATTRIBUTES,
    publishedAt: published.getTime(),
  })
}

export const practiceSource: DocumentSource = {
  type: 'practice',
  async load(ids) {
    if (!ids.length) return []
    const rows = await prisma.practice.findMany({ where: { id: { in: ids }, ...practicesVisibleToMembers }, select })
    return rows.map(practiceDocument)
  },
  async *loadAll(batchSize) {
    const batches = inBatches(batchSize, (after, take) =>
      prisma.practice.findMany({ where: { ...practicesVisibleToMembers, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take, select }),
    )
    for await (const rows of batches) yield rows.map(practiceDocument)
  },
  async dependents(ids): Promise<SearchChange[]> {
    if (!ids.length) return []
    const comments = await prisma.comment.findMany({ where: { practiceId: { in: ids } }, select: { id: true } })
    return comments.map((comment) => ({ type: 'comment', id: comment.id }))
  },
}
