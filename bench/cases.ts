/**
 * Cases section of `npm run bench`: what /cases, /cases/:id and /home cost on the server with 5,000 published
 * cases and 25,000 comments (list filters, "most discussed", a long thread, a re-scan). Modules are imported
 * inside the function because they read DATABASE_URL when first loaded, which bench/run.ts sets first.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'

type Figures = { median: number; p95: number; runs: number }
type Measure = (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>
type Show = (label: string, figures: Figures) => void

const CATEGORIES = ['MEDICATION', 'TRANSFUSION', 'TREATMENT', 'DEVICE', 'DRAIN_TUBE', 'TEST', 'CARE', 'OTHER'] as const
const LEVELS = ['LEVEL_0', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3A', 'LEVEL_3B', 'LEVEL_4A', 'LEVEL_4B', 'LEVEL_5', 'OTHER'] as const
const PLACES = ['WARD', 'OUTPATIENT', 'OPERATING_ROOM', 'ICU_HCU', 'EMERGENCY', 'LABORATORY', 'PHARMACY', 'OTHER'] as const
const TAGS = ['転倒', '誤薬', 'インスリン', '患者誤認', '抗凝固薬', 'ドレーン', '輸血', '夜間', '申し送り', 'アラーム']

export async function benchCases(prisma: PrismaClient, measure: Measure, show: Show) {
  const { listCases, findCaseForViewer, presentCase, loadCasesHome } = await import('#app/modules/cases/cases.server.ts')
  const { CaseFiltersSchema } = await import('#app/modules/cases/schemas.ts')
  const { listComments } = await import('#app/modules/discussion/discussion.server.ts')
  const { rescanPublishedContent } = await import('#app/modules/deidentify/rescan.server.ts')

  const caseCount = 5000
  const commentsPerCase = 5
  console.log(`\n== Cases: ${caseCount} published cases, ${caseCount * commentsPerCase} comments`)
  const authors = await prisma.user.findMany({ select: { id: true, role: true }, take: 200 })
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
  const section = paragraph('入院3日目 10:00 配薬時に患者確認を省略した。ネームバンドの照合を行わず、同室患者の薬を準備した。'.repeat(4))
  const started = performance.now()
  for (let batch = 0; batch < caseCount; batch += 500) {
    await prisma.case.createMany({
      data: Array.from({ length: 500 }, (_, j) => {
        const i = batch + j
        return {
          title: `ベンチ事例 ${i}: 配薬時の患者誤認`,
          summary: '配薬時に同姓の患者の薬を準備したが、投与前に気づいた。',
          impactLevel: LEVELS[i % LEVELS.length] ?? 'LEVEL_0',
          jqCategory: CATEGORIES[i % CATEGORIES.length] ?? 'OTHER',
          place: PLACES[(i * 3) % PLACES.length] ?? 'WARD',
          occurredYear: 2018 + (i % 8),
          occurredMonth: 1 + (i % 12),
          status: 'PUBLISHED' as const,
          publishedAt: new Date(Date.UTC(2019, 0, 1) + i * 3_600_000),
          authorId: authors[i % authors.length]?.id ?? '',
          anonymous: i % 3 === 0,
          tags: [TAGS[i % TAGS.length] ?? '', TAGS[(i * 7) % TAGS.length] ?? ''],
          chronology: section,
          discovery: section,
          analysis: section,
          countermeasuresText: section,
          lessons: section,
          commentCount: (i * 13) % 40,
        }
      }),
    })
  }
  const caseIds = (await prisma.case.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id)
  for (let batch = 0; batch < caseIds.length; batch += 1000) {
    await prisma.comment.createMany({
      data: caseIds.slice(batch, batch + 1000).flatMap((caseId, j) =>
        Array.from({ length: commentsPerCase }, (_, k) => ({
          caseId,
          authorId: authors[(j + k) % authors.length]?.id ?? '',
          body: paragraph('当院でも同様の事例があり、バーコード認証の導入で減少しました。'),
        })),
      ),
    })
  }
  // Issue 17: who was involved, the factors and the countermeasures (the retrieval filters read these).
  const professions = ['NURSE', 'PHYSICIAN', 'PHARMACIST', 'CLINICAL_ENGINEER', 'LABORATORY_TECHNOLOGIST'] as const
  const bands = ['UNDER_1', 'Y1_UNDER_3', 'Y3_UNDER_5', 'Y5_UNDER_10', 'Y10_PLUS'] as const
  const factors = [['P_MSHELL', 'P'], ['P_MSHELL', 'm'], ['SHELL', 'S'], ['SHELL', 'L'], ['FOUR_M', 'MAN']] as const
  const strengths = ['STRONG', 'MODERATE', 'WEAK'] as const
  for (let batch = 0; batch < caseIds.length; batch += 1000) {
    const slice = caseIds.slice(batch, batch + 1000)
    await prisma.caseProfession.createMany({
      data: slice.flatMap((caseId, j) => [
        { caseId, profession: professions[(batch + j) % professions.length] ?? 'NURSE', experience: bands[(batch + j) % bands.length] ?? 'UNDER_1', position: 0 },
        { caseId, profession: 'NURSE' as const, experience: bands[(batch + j * 3) % bands.length] ?? 'UNDER_1', position: 1 },
      ]),
    })
    await prisma.contributingFactor.createMany({
      data: slice.map((caseId, j) => {
        const [framework, element] = factors[(batch + j) % factors.length] ?? ['SHELL', 'S']
        return { caseId, framework, element, description: '多忙で照合を省略した', position: 0 }
      }),
    })
    await prisma.countermeasure.createMany({
      data: slice.map((caseId, j) => ({ caseId, text: '配薬時のバーコード認証', strength: strengths[(batch + j) % strengths.length] ?? 'WEAK', responsibleRole: '看護部', effectMeasure: '実施率', position: 0 })),
    })
  }
  console.log(`(data written in ${((performance.now() - started) / 1000).toFixed(1)} s)`)
  const viewer = { id: authors[0]?.id ?? '', role: 'MEMBER' as const }
  const filters = (query: Record<string, string>) => CaseFiltersSchema.parse(query)
  show('/cases: first page, newest', await measure(50, () => listCases(filters({}), viewer)))
  show('/cases: page 100, newest', await measure(50, () => listCases(filters({ page: '100' }), viewer)))
  show('/cases: category + level + year', await measure(50, () => listCases(filters({ category: 'CARE', level: 'LEVEL_3B', year: '2022' }), viewer)))
  show('/cases: tag', await measure(50, () => listCases(filters({ tag: '転倒' }), viewer)))
  // Issue 17, beside the category + level + year line above as the baseline of this run.
  show('/cases: profession + experience (one person)', await measure(50, () => listCases(filters({ profession: 'PHARMACIST', experience: 'Y3_UNDER_5' }), viewer)))
  show('/cases: factor + strength + month range', await measure(50, () => listCases(filters({ factor: 'SHELL:S', strength: 'STRONG', from: '2020-04', to: '2023-03' }), viewer)))
  const { loadCaseExport, caseExportCsv, caseExportXlsx } = await import('#app/modules/cases/export.server.ts')
  show('export: 1,000 cases as CSV', await measure(5, async () => caseExportCsv(await loadCaseExport(filters({}), viewer))))
  show('export: 1,000 cases as .xlsx', await measure(5, async () => caseExportXlsx(await loadCaseExport(filters({}), viewer))))
  show('/cases: most discussed', await measure(50, () => listCases(filters({ sort: 'discussed' }), viewer)))

  const longThread = caseIds[0] ?? ''
  await prisma.comment.createMany({
    data: Array.from({ length: 200 }, (_, k) => ({ caseId: longThread, authorId: authors[k % authors.length]?.id ?? '', body: paragraph(`コメント ${k}`) })),
  })
  show('/cases/:id: case + 205-comment thread', await measure(50, async () => {
    const row = await findCaseForViewer(longThread, viewer)
    presentCase(row, viewer)
    await listComments({ kind: 'case', id: longThread }, viewer, { maskAuthorId: row.anonymous ? row.authorId : null })
  }))
  show('/home: recent cases + followed with new comments', await measure(50, () => loadCasesHome(viewer)))
  show('admin re-scan: every published case, practice and comment', await measure(1, () => rescanPublishedContent()))

  // Issue 18: the re-scan runs as a job in the app server's process; a member's page must not wait for it. The
  // first page of /cases is measured while a re-scan runs in this process, beside the same page measured just
  // before with nothing else running (the baseline of this run).
  show('/cases: first page, nothing else running (baseline)', await measure(30, () => listCases(filters({}), viewer)))
  let scanning = true
  const scan = rescanPublishedContent().finally(() => {
    scanning = false
  })
  const during: number[] = []
  while (scanning || during.length < 10) {
    const started = performance.now()
    await listCases(filters({}), viewer)
    during.push(performance.now() - started)
  }
  await scan
  show('/cases: first page, while the re-scan runs', figuresOf(during))
}

function figuresOf(durations: number[]): Figures {
  const sorted = [...durations].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { median: at(0.5), p95: at(0.95), runs: sorted.length }
}
