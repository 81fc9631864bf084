/**
 * Best practices: the list's filters and sorts (by adoptions, by comments) and a practice page's adoption table,
 * with many practices and adoption records. Called from bench/run.ts after the members section (reuses them).
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'

type Figures = { median: number; p95: number; runs: number }
type Tools = {
  prisma: PrismaClient
  measure: (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>
  show: (label: string, figures: Figures) => void
}

export async function benchPractices({ prisma, measure, show }: Tools) {
  const { listPractices } = await import('#app/modules/practices/practices.server.ts')
  const { adoptionSummary, saveAdoption } = await import('#app/modules/practices/adoptions.server.ts')
  const users: SessionUser[] = await prisma.user.findMany({
    where: { hospitalId: { not: null } },
    select: { id: true, email: true, name: true, role: true, status: true, hospitalId: true },
    take: 300,
    orderBy: { email: 'asc' },
  })
  const hospitals = [...new Set(users.map((user) => user.hospitalId!))]
  const practiceCount = 2000
  const themes = ['MEDICATION', 'CARE', 'REPORTING_CULTURE', 'EDUCATION', 'PATIENT_ENGAGEMENT', 'OTHER'] as const
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '取り組みの内容' }] }] }
  await prisma.practice.createMany({
    data: Array.from({ length: practiceCount }, (_, i) => ({
      title: `ベンチ取り組み ${i}`,
      problem: '課題',
      whatWasDone: doc,
      steps: doc,
      theme: themes[i % themes.length]!,
      tags: [`タグ${i % 40}`, `タグ${(i * 7) % 40}`],
      status: 'PUBLISHED' as const,
      publishedAt: new Date(Date.now() - i * 3_600_000),
      authorId: users[i % users.length]!.id,
      commentCount: i % 13,
    })),
  })
  const practices = await prisma.practice.findMany({ select: { id: true }, orderBy: { publishedAt: 'desc' } })
  await prisma.practiceResult.createMany({
    data: practices.filter((_, i) => i % 2 === 0).map((practice) => ({ practiceId: practice.id, metric: '転倒率', before: '3.1', after: '2.2', unit: '‰' })),
  })
  // Popular practices are adopted widely; most by a few hospitals.
  const adoptions = practices.flatMap((practice, i) =>
    hospitals.slice(0, i < 20 ? hospitals.length : i % 12).map((hospitalId, j) => ({
      practiceId: practice.id,
      hospitalId,
      status: (['CONSIDERING', 'TRIAL', 'ADOPTED', 'DISCONTINUED'] as const)[j % 4]!,
    })),
  )
  await prisma.adoption.createMany({ data: adoptions })
  await prisma.$executeRaw`UPDATE "Practice" p SET "adoptionCount" = (SELECT COUNT(*) FROM "Adoption" a WHERE a."practiceId" = p.id AND a.status <> 'DISCONTINUED')`
  console.log(`\n== Practices: ${practiceCount} practices, ${adoptions.length} adoption records in ${hospitals.length} hospitals`)

  const viewer = users[0]!
  const filters = { sort: 'newest' as const, page: 1 }
  show('list: newest, first page', await measure(100, () => listPractices(filters, viewer)))
  show('list: most adopted, first page', await measure(100, () => listPractices({ ...filters, sort: 'adopted' }, viewer)))
  show('list: most discussed, page 10', await measure(100, () => listPractices({ ...filters, sort: 'discussed', page: 10 }, viewer)))
  show('list: theme + tag + measured results', await measure(100, () => listPractices({ ...filters, theme: 'CARE', tag: 'タグ7', measured: '1' }, viewer)))
  show(`practice page: adoption table (${hospitals.length} hospitals)`, await measure(100, () => adoptionSummary(practices[0]!.id, viewer)))
  const request = new Request('http://localhost/bench')
  const practice = await prisma.practice.findUniqueOrThrow({ where: { id: practices[30]!.id }, select: { id: true, authorId: true, title: true, status: true, hiddenAt: true } })
  show(
    'record / update an adoption (count refreshed)',
    await measure(100, (i) => saveAdoption(practice, users[i % users.length]!, { status: i % 2 ? 'TRIAL' : 'ADOPTED', resultBefore: '', resultAfter: '', note: '' }, request)),
  )
}
