/**
 * Benchmarks section of `npm run bench`: the /benchmarks dashboard's server time (everything its loader does
 * after authorisation) for 500 hospitals × 60 months, plus CSV import. Modules are imported inside the function
 * because they read DATABASE_URL when first loaded, which bench/run.ts sets first.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'

type Figures = { median: number; p95: number; runs: number }
type Measure = (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>
type Show = (label: string, figures: Figures) => void

export async function benchBenchmarks(prisma: PrismaClient, measure: Measure, show: Show) {
  const { generateMonths } = await import('#prisma/seed/benchmarks.ts')
  const { loadDashboard, resolveRange, peerSums } = await import('#app/modules/benchmarks/dashboard.server.ts')
  const { closeDueMonths } = await import('#app/modules/benchmarks/closes.server.ts')
  const { addMonths, previousPeriod } = await import('#app/modules/benchmarks/period.ts')
  const { parseBenchmarkCsv, serialiseBenchmarkCsv } = await import('#app/modules/benchmarks/csv.ts')
  const { importMonths } = await import('#app/modules/benchmarks/submissions.server.ts')
  const { COUNT_KEYS } = await import('#app/modules/benchmarks/fields.ts')

  const hospitalCount = 500
  const monthCount = 60
  console.log(`\n== Benchmarks: ${hospitalCount} hospitals × ${monthCount} months`)
  const last = previousPeriod()
  const periods = Array.from({ length: monthCount }, (_, i) => addMonths(last, -(monthCount - 1) + i))
  await prisma.hospital.createMany({
    data: Array.from({ length: hospitalCount }, (_, i) => ({ name: `ベンチマーク病院${i}`, prefecture: '愛知県', beds: 60 + ((i * 37) % 900), type: 'GENERAL' as const })),
  })
  const hospitals = await prisma.hospital.findMany({ where: { name: { startsWith: 'ベンチマーク病院' } }, select: { id: true, name: true, beds: true } })
  const started = performance.now()
  // Plain multi-row INSERTs: the values are numbers and ids this script generated, and Prisma's createMany is
  // several times slower at this size.
  const columns = ['id', 'hospitalId', 'period', ...COUNT_KEYS, 'updatedAt']
  for (let start = 0; start < hospitals.length; start += 50) {
    const values = hospitals.slice(start, start + 50).flatMap((hospital, offset) =>
      generateMonths(hospital, start + offset, periods).map(
        ({ period, counts }) => `('${hospital.id}-${period}', '${hospital.id}', '${period}', ${COUNT_KEYS.map((key) => counts[key]).join(', ')}, now())`,
      ),
    )
    await prisma.$executeRawUnsafe(`INSERT INTO "BenchmarkSubmission" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(',\n')}`)
  }
  console.log(`  (inserted ${await prisma.benchmarkSubmission.count()} months in ${((performance.now() - started) / 1000).toFixed(1)} s)`)
  const closing = performance.now()
  const closed = await closeDueMonths()
  console.log(`  (closed ${closed.length} months in ${((performance.now() - closing) / 1000).toFixed(1)} s)`)
  await prisma.$executeRawUnsafe('ANALYZE "BenchmarkSubmission"')
  await prisma.$executeRawUnsafe('ANALYZE "BenchmarkPeerClose"')
  // Before issue 15 (docs/decisions/0010): the dashboard ran a live GROUP BY over the submissions, measured then at
  // median ≈ 75 ms for 12 months and ≈ 120–170 ms for 60 months on this machine.
  console.log('  baseline (0010, live GROUP BY, before the monthly close): median ≈ 75 ms (12 months), ≈ 120–170 ms (60 months); goal ≤ 50 ms')

  const pick = (i: number) => hospitals[(i * 7) % hospitals.length] as { id: string }
  // What the /benchmarks loader does after authorisation: the due-close check, the range, the dashboard.
  const dashboard = async (hospitalId: string, from: string | null, to: string | null, metric: 'reportsPerBedYear' | 'fallsPer1000' | 'physicianShare') => {
    await closeDueMonths()
    const range = await resolveRange(hospitalId, from, to)
    return loadDashboard({ hospitalId, range, metric })
  }
  show('dashboard, default range (last 12 months)', await measure(40, (i) => dashboard(pick(i).id, null, null, 'reportsPerBedYear')))
  show('dashboard, 60 months (the longest range)', await measure(40, (i) => dashboard(pick(i).id, periods[0] ?? null, last, 'fallsPer1000')))
  show('dashboard, 24 months, a proportion metric', await measure(40, (i) => dashboard(pick(i).id, periods[36] ?? null, last, 'physicianShare')))

  const wide = { from: periods[0] ?? last, to: last, months: monthCount }
  show('  of which: peer sums (GROUP BY hospital over closed months, 60)', await measure(40, (i) => peerSums(wide, pick(i).id)))
  show('  of which: the due-close check', await measure(40, () => closeDueMonths()))
  show('  for comparison: the 0010 live GROUP BY over submissions, 60', await measure(20, () => prisma.benchmarkSubmission.groupBy({ by: ['hospitalId'], where: { period: { gte: wide.from, lte: wide.to } }, _sum: { reportsTotal: true, beds: true, patientDays: true, falls: true } })))

  const own = pick(1).id
  const rows = await prisma.benchmarkSubmission.findMany({ where: { hospitalId: own }, orderBy: { period: 'asc' } })
  const csv = serialiseBenchmarkCsv(rows.map((row) => ({ period: row.period, counts: row })))
  show('CSV import: parse and validate 60 months', await measure(40, async () => parseBenchmarkCsv(csv)))
  const parsed = parseBenchmarkCsv(csv).rows.flatMap((row) => (row.value ? [row.value] : []))
  const user = await prisma.user.findFirstOrThrow({ select: { id: true } })
  const request = new Request('http://localhost/benchmarks/import', { method: 'POST' })
  show('CSV import: save 60 months (one transaction, unchanged)', await measure(10, () => importMonths({ hospitalId: own, actorId: user.id, submissions: parsed, request })))
}
