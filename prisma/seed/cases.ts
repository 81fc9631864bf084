/**
 * Demo cases (prisma/seed/cases-data.ts, all fictional) for development databases. Idempotent: each case has a
 * stable importKey ("seed:<key>"); a case already there is left as it is, so re-seeding never duplicates and
 * never overwrites what someone changed while trying the app.
 */
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import type { CasePlaceCode, CountermeasureStrengthCode, ExperienceBandCode, FactorFrameworkCode, ImpactLevelCode, JqCategoryCode } from '#app/modules/cases/labels.ts'
import { blockingFindings, describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import type { ProfessionCode } from '#app/modules/members/labels.ts'
import { richTextFromPlainText } from '#app/modules/rich-text/rich-text.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { DEMO_CASES, type DemoCase } from './cases-data.ts'

const impactLevels: Record<DemoCase['impactLevel'], ImpactLevelCode> = {
  '0': 'LEVEL_0', '1': 'LEVEL_1', '2': 'LEVEL_2', '3a': 'LEVEL_3A', '3b': 'LEVEL_3B', '4a': 'LEVEL_4A', '4b': 'LEVEL_4B', '5': 'LEVEL_5', other: 'OTHER',
}
const experience: Record<DemoCase['professions'][number]['experience'], ExperienceBandCode> = {
  under_1: 'UNDER_1', '1_3': 'Y1_UNDER_3', '3_5': 'Y3_UNDER_5', '5_10': 'Y5_UNDER_10', over_10: 'Y10_PLUS',
}
const frameworks: Record<DemoCase['factors'][number]['framework'], FactorFrameworkCode> = { SHELL: 'SHELL', 'P-mSHELL': 'P_MSHELL', '4M': 'FOUR_M' }
const fourM: Record<string, string> = { Man: 'MAN', Machine: 'MACHINE', Media: 'MEDIA', Management: 'MANAGEMENT' }
const strengths: Record<DemoCase['countermeasures'][number]['strength'], CountermeasureStrengthCode> = { strong: 'STRONG', medium: 'MODERATE', weak: 'WEAK' }

const doc = (text: string) => richTextFromPlainText(text) as unknown as Prisma.InputJsonObject
const DAY = 24 * 60 * 60 * 1000

/** Published a few weeks after it happened, comments over the following days: a plausible timeline. */
function publishedAt(occurredOn: string, index: number): Date {
  const [year = 2024, month = 1] = occurredOn.split('-').map(Number)
  return new Date(Date.UTC(year, month, 5 + (index % 20), 1 + (index % 9)))
}

export async function seedCases(prisma: PrismaClient) {
  const users = new Map((await prisma.user.findMany({ select: { id: true, email: true, hospitalId: true, hospital: { select: { name: true } } } })).map((u) => [u.email, u]))
  let created = 0
  for (const [index, demo] of DEMO_CASES.entries()) {
    const importKey = `seed:${demo.key}`
    const existing = await prisma.case.findUnique({ where: { importKey }, select: { id: true, impactLevel: true } })
    if (existing) {
      // Demo cases re-levelled after they were first seeded (issue 16: 05 → 4b, 14 → 3b) are corrected in place.
      if (existing.impactLevel !== impactLevels[demo.impactLevel]) await prisma.case.update({ where: { id: existing.id }, data: { impactLevel: impactLevels[demo.impactLevel] } })
      continue
    }
    const author = users.get(demo.authorEmail)
    if (!author) throw new Error(`Demo case ${demo.key}: no demo user ${demo.authorEmail} (seed the members first)`)
    const blocking = blockingFindings([
      { field: 'title', label: '題名', text: demo.title },
      { field: 'summary', label: '概要', text: demo.summary },
      ...(['chronology', 'discovery', 'analysis', 'countermeasuresText', 'lessons'] as const).map((name) => ({ field: name, label: name, text: demo[name] })),
    ])
    // Demo text should pass the same guard as members' posts; say so loudly rather than hide it.
    if (blocking.length) console.warn(`Demo case ${demo.key}: ${describeBlocking(blocking).join(' / ')}`)
    const [year = 2024, month = 1] = demo.occurredOn.split('-').map(Number)
    const published = demo.status === 'published'
    const at = publishedAt(demo.occurredOn, index)
    await prisma.$transaction(async (tx) => {
      const row = await tx.case.create({
        data: {
          importKey,
          title: demo.title,
          summary: demo.summary,
          impactLevel: impactLevels[demo.impactLevel],
          jqCategory: demo.jqCategory.toUpperCase() as JqCategoryCode,
          place: demo.place.toUpperCase() as CasePlaceCode,
          occurredYear: year,
          occurredMonth: month,
          status: published ? 'PUBLISHED' : 'DRAFT',
          publishedAt: published ? at : null,
          anonymous: demo.anonymous,
          authorId: author.id,
          hospitalId: author.hospitalId,
          hospitalName: author.hospital?.name ?? null,
          chronology: doc(demo.chronology),
          discovery: doc(demo.discovery),
          analysis: doc(demo.analysis),
          countermeasuresText: doc(demo.countermeasuresText),
          lessons: doc(demo.lessons),
          tags: [...new Set(demo.tags)].slice(0, 10),
          createdAt: at,
          professions: {
            create: demo.professions.map((p, position) => ({
              profession: (p.profession === 'other' ? 'OTHER' : p.profession.toUpperCase()) as ProfessionCode,
              experience: experience[p.experience],
              position,
            })),
          },
          factors: {
            create: demo.factors.map((f, position) => ({
              framework: frameworks[f.framework],
              element: f.framework === '4M' ? (fourM[f.element] ?? f.element.toUpperCase()) : f.element,
              description: f.description,
              position,
            })),
          },
          countermeasures: {
            create: demo.countermeasures.map((c, position) => ({
              text: c.text,
              strength: strengths[c.strength],
              responsibleRole: c.responsibleRole,
              dueMonth: c.dueMonth,
              effectMeasure: c.effectMeasure,
              position,
            })),
          },
          follows: { create: { userId: author.id, lastSeenAt: at } },
        },
      })
      const changes: { type: 'case' | 'comment'; id: string }[] = [{ type: 'case', id: row.id }]
      const followers = new Set([author.id])
      let when = at.getTime()
      let count = 0
      for (const comment of published ? demo.comments : []) {
        const commenter = users.get(comment.authorEmail)
        if (!commenter) continue
        when += DAY + (count % 5) * 3_600_000
        const top = await tx.comment.create({ data: { caseId: row.id, authorId: commenter.id, body: doc(comment.body), createdAt: new Date(when) } })
        changes.push({ type: 'comment', id: top.id })
        followers.add(commenter.id)
        count += 1
        for (const reply of comment.replies ?? []) {
          const replier = users.get(reply.authorEmail)
          if (!replier) continue
          when += 5 * 3_600_000
          const answer = await tx.comment.create({ data: { caseId: row.id, parentId: top.id, authorId: replier.id, body: doc(reply.body), createdAt: new Date(when) } })
          changes.push({ type: 'comment', id: answer.id })
          followers.add(replier.id)
          count += 1
        }
      }
      followers.delete(author.id)
      if (followers.size) await tx.follow.createMany({ data: [...followers].map((userId) => ({ caseId: row.id, userId, lastSeenAt: new Date(when) })) })
      if (count) await tx.case.update({ where: { id: row.id }, data: { commentCount: count, lastCommentAt: new Date(when) } })
      await enqueueSearchChange(tx, changes)
    })
    created += 1
  }
  console.log(`Demo data: ${created} new cases (${DEMO_CASES.length} in the demo set).`)
}
