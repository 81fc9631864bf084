/**
 * Benchmarks section of `npm run bench`: the /benchmarks dashboard's server time (everything its loader does
 * after authorisation) for 500 hospitals × 60 months, plus CSV import. Modules are imported inside the function
 * because they read DATABASE_URL when first loaded, which bench/run.ts sets first.
 */
import os from 'node:os'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { PeerReader } from '#app/modules/benchmarks/dashboard.server.ts'

type Figures = { median: number; p95: number; runs: number }
type Measure = (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>
type Show = (label: string, figures: Figures) => void

/** Runs the tasks in turn, `runs` times each, and gives each task's figures (the same quantiles as bench/run.ts). */
async function interleaved<K extends string>(runs: number, tasks: Record<K, (i: number) => Promise<unknown>>): Promise<Record<K, Figures>> {
  const entries = Object.entries(tasks) as [K, (i: number) => Promise<unknown>][]
  const times = new Map<K, number[]>(entries.map(([key]) => [key, []]))
  for (let i = 0; i < runs; i++) {
    for (const [key, task] of entries) {
      const started = performance.now()
      await task(i)
      times.get(key)?.push(performance.now() - started)
    }
  }
  const figures = (list: number[]): Figures => {
    list.sort((a, b) => a - b)
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? 0
    return { median: at(0.5), p95: at(0.95), runs }
  }
  return Object.fromEntries(entries.map(([key]) => [key, figures(times.get(key) ?? [])])) as Record<K, Figures>
}

export async function benchBenchmarks(prisma: PrismaClient, measure: Measure, show: Show) {
  const { generateMonths } = await import('#prisma/seed/benchmarks.ts')
  const { loadDashboard, resolveRange, peerSums, peerSumsByMonth } = await import('#app/modules/benchmarks/dashboard.server.ts')
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
  await prisma.$executeRawUnsafe('ANALYZE "BenchmarkPeerCumulative"')

  const pick = (i: number) => hospitals[(i * 7) % hospitals.length] as { id: string }
  // What the /benchmarks loader does after authorisation: the due-close check, the range, the dashboard.
  type Metric = 'reportsPerBedYear' | 'fallsPer1000' | 'physicianShare'
  const dashboard = async (hospitalId: string, from: string | null, to: string | null, metric: Metric, readPeers: PeerReader) => {
    const [, range] = await Promise.all([closeDueMonths(), resolveRange(hospitalId, from, to)])
    return loadDashboard({ hospitalId, range, metric }, readPeers)
  }
  // The baseline runs in the same process against the same database: the same loader with the peer read of decision
  // 0035 (a GROUP BY over the frozen months plus every hospital's beds). Runs alternate between the two, so a burst
  // of load from the other engineers on this machine falls on both.
  console.log(`  load average before: ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')} (1 / 5 / 15 min, ${os.cpus().length} cores)`)
  const cases: [string, string | null, Metric][] = [
    ['default range (last 12 months)', null, 'reportsPerBedYear'],
    ['60 months (the longest range)', periods[0] ?? null, 'fallsPer1000'],
    ['24 months, a proportion metric', periods[36] ?? null, 'physicianShare'],
  ]
  for (const [label, from, metric] of cases) {
    const to = from ? last : null
    const figures = await interleaved(60, {
      totals: (i) => dashboard(pick(i).id, from, to, metric, peerSums),
      byMonth: (i) => dashboard(pick(i).id, from, to, metric, peerSumsByMonth),
    })
    show(`dashboard, ${label}`, figures.totals)
    show('  baseline: same loader, peers summed per request (0035)', figures.byMonth)
  }

  const wide = { from: periods[0] ?? last, to: last, months: monthCount }
  const reads = await interleaved(60, {
    totals: (i) => peerSums(wide, pick(i).id),
    byMonth: (i) => peerSumsByMonth(wide, pick(i).id),
    roundTrip: () => prisma.$queryRaw`SELECT 1`,
  })
  show('  of which: peer sums from the running totals, 60 months', reads.totals)
  show('  baseline: peer sums by GROUP BY over the frozen months', reads.byMonth)
  show('  floor: one round trip (SELECT 1)', reads.roundTrip)
  show('  of which: the due-close check', await measure(40, () => closeDueMonths()))
  console.log(`  load average after:  ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')}`)

  const own = pick(1).id
  const rows = await prisma.benchmarkSubmission.findMany({ where: { hospitalId: own }, orderBy: { period: 'asc' } })
  const csv = serialiseBenchmarkCsv(rows.map((row) => ({ period: row.period, counts: row })))
  show('CSV import: parse and validate 60 months', await measure(40, async () => parseBenchmarkCsv(csv)))
  const parsed = parseBenchmarkCsv(csv).rows.flatMap((row) => (row.value ? [row.value] : []))
  const user = await prisma.user.findFirstOrThrow({ select: { id: true } })
  const request = new Request('http://localhost/benchmarks/import', { method: 'POST' })
  show('CSV import: save 60 months (one transaction, unchanged)', await measure(10, () => importMonths({ hospitalId: own, actorId: user.id, submissions: parsed, request })))
}
