/**
 * Incident cases (issue 3) in the shared index: published and not hidden only. The document never names the
 * author or the hospital (anonymous or not: search results show neither), so publishing a case 「会員」 leaks
 * nothing through the index. Hiding or unpublishing a case also removes its comments (see `dependents`).
 */
import { inBatches } from '#app/lib/batches.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { CASE_PLACES, IMPACT_LEVELS, JQ_CATEGORIES, type ImpactLevelCode } from '#app/modules/cases/labels.ts'
import { visibleToMembers } from '#app/modules/cases/cases.server.ts'
import { type SearchChange } from '../outbox.server.ts'
import { monthNumber } from '#app/modules/cases/retrieval-filters.ts'
import { type SearchDocument } from '../types.ts'
import { finishDocument, joinText, plainText } from './document.ts'
import { type DocumentSource } from './registry.server.ts'

const select = {
  id: true,
  title: true,
  summary: true,
  impactLevel: true,
  jqCategory: true,
  place: true,
  occurredYear: true,
  chronology: true,
  discovery: true,
  analysis: true,
  countermeasuresText: true,
  lessons: true,
  tags: true,
  publishedAt: true,
  createdAt: true,
  occurredMonth: true,
  professions: { orderBy: { position: 'asc' }, select: { profession: true, experience: true } },
  factors: { orderBy: { position: 'asc' }, select: { description: true, framework: true, element: true } },
  countermeasures: { orderBy: { position: 'asc' }, select: { text: true, strength: true } },
} satisfies Prisma.CaseSelect

type Row = Prisma.CaseGetPayload<{ select: typeof select }>

/** Facet label of an impact level, as the case pages show it (レベル3a). */
export const impactLevelLabel = (level: ImpactLevelCode) => (level === 'OTHER' ? IMPACT_LEVELS.OTHER : `レベル${IMPACT_LEVELS[level]}`)

export function caseDocument(row: Row): SearchDocument {
  return finishDocument({
    type: 'case',
    id: row.id,
    title: row.title,
    body: joinText([
      row.summary,
      plainText(row.chronology),
      plainText(row.discovery),
      plainText(row.analysis),
      ...row.factors.map((factor) => factor.description),
      plainText(row.countermeasuresText),
      ...row.countermeasures.map((countermeasure) => countermeasure.text),
      plainText(row.lessons),
      CASE_PLACES[row.place],
    ]),
    url: `/cases/${row.id}`,
    tags: row.tags,
    jqCategory: JQ_CATEGORIES[row.jqCategory],
    impactLevel: impactLevelLabel(row.impactLevel),
    year: row.occurredYear,
    ...caseRetrievalAttributes(row),
    publishedAt: (row.publishedAt ?? row.createdAt).getTime(),
  })
}

const distinct = (values: string[]) => [...new Set(values)]

/** The case-only filter fields (codes, see SearchDocument). */
export function caseRetrievalAttributes(row: Pick<Row, 'professions' | 'factors' | 'countermeasures' | 'occurredYear' | 'occurredMonth'>) {
  return {
    professions: distinct(row.professions.map((person) => person.profession)),
    experience: distinct(row.professions.map((person) => person.experience)),
    staff: distinct(row.professions.map((person) => `${person.profession}:${person.experience}`)),
    factors: distinct(row.factors.map((factor) => `${factor.framework}:${factor.element}`)),
    strengths: distinct(row.countermeasures.map((countermeasure) => countermeasure.strength)),
    occurred: monthNumber(row.occurredYear, row.occurredMonth),
  }
}

export const caseSource: DocumentSource = {
  type: 'case',
  async load(ids) {
    if (!ids.length) return []
    const rows = await prisma.case.findMany({ where: { id: { in: ids }, ...visibleToMembers }, select })
    return rows.map(caseDocument)
  },
  async *loadAll(batchSize) {
    const batches = inBatches(batchSize, (after, take) =>
      prisma.case.findMany({ where: { ...visibleToMembers, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take, select }),
    )
    for await (const rows of batches) yield rows.map(caseDocument)
  },
  /** Every comment on these cases follows the case's visibility (hidden, back to draft, deleted, shown again). */
  async dependents(ids): Promise<SearchChange[]> {
    if (!ids.length) return []
    const comments = await prisma.comment.findMany({ where: { caseId: { in: ids } }, select: { id: true } })
    return comments.map((comment) => ({ type: 'comment', id: comment.id }))
  },
}
