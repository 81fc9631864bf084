/**
 * Discussion comments (cases and practices) in the shared index: not deleted, not hidden, and only while their
 * subject is visible to members (published, not hidden) — checked here at load time, so a comment disappears
 * as soon as its subject does, whichever outbox row triggers the reload. Never the commenter's name. Facets are
 * the subject's (a comment is found under the case's JQ category, impact level, year and tags); the link goes
 * to the subject with the comment's anchor.
 */
import { inBatches } from '#app/lib/batches.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { visibleToMembers } from '#app/modules/cases/cases.server.ts'
import { PRACTICE_THEMES } from '#app/modules/practices/labels.ts'
import { practicesVisibleToMembers } from '#app/modules/practices/practices.server.ts'
import { NO_CASE_ATTRIBUTES, type SearchDocument } from '../types.ts'
import { impactLevelLabel } from './case.server.ts'
import { finishDocument, plainText, tokyoYear } from './document.ts'
import { type DocumentSource } from './registry.server.ts'

const visible = {
  deletedAt: null,
  hiddenAt: null,
  OR: [{ case: visibleToMembers }, { practice: practicesVisibleToMembers }],
} satisfies Prisma.CommentWhereInput

const select = {
  id: true,
  body: true,
  createdAt: true,
  case: { select: { id: true, title: true, jqCategory: true, impactLevel: true, occurredYear: true, tags: true } },
  practice: { select: { id: true, title: true, theme: true, tags: true, publishedAt: true, createdAt: true } },
} satisfies Prisma.CommentSelect

type Row = Prisma.CommentGetPayload<{ select: typeof select }>

export function commentDocument(row: Row): SearchDocument | null {
  const common = { type: 'comment' as const, id: row.id, body: plainText(row.body), publishedAt: row.createdAt.getTime() }
  if (row.case) {
    const subject = row.case
    return finishDocument({
      ...common,
      title: `「${subject.title}」へのコメント`,
      url: `/cases/${subject.id}#comment-${row.id}`,
      tags: subject.tags,
      jqCategory: JQ_CATEGORIES[subject.jqCategory],
      impactLevel: impactLevelLabel(subject.impactLevel),
      year: subject.occurredYear,
      ...NO_CASE_ATTRIBUTES,
    })
  }
  if (row.practice) {
    const subject = row.practice
    return finishDocument({
      ...common,
      title: `「${subject.title}」へのコメント`,
      url: `/practices/${subject.id}#comment-${row.id}`,
      tags: subject.tags,
      jqCategory: subject.theme in JQ_CATEGORIES ? PRACTICE_THEMES[subject.theme] : null,
      impactLevel: null,
      year: tokyoYear(subject.publishedAt ?? subject.createdAt),
      ...NO_CASE_ATTRIBUTES,
    })
  }
  return null
}

const toDocuments = (rows: Row[]) => rows.flatMap((row) => commentDocument(row) ?? [])

export const commentSource: DocumentSource = {
  type: 'comment',
  async load(ids) {
    if (!ids.length) return []
    return toDocuments(await prisma.comment.findMany({ where: { id: { in: ids }, ...visible }, select }))
  },
  async *loadAll(batchSize) {
    const batches = inBatches(batchSize, (after, take) =>
      prisma.comment.findMany({ where: { ...visible, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take, select }),
    )
    for await (const rows of batches) yield toDocuments(rows)
  },
}
