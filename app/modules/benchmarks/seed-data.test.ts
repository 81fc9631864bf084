import { expect, test } from 'vitest'
import { BENCHMARK_DEMO_HOSPITALS, generateMonths, profileOf } from '#prisma/seed/benchmarks.ts'
import { CSV_COLUMNS, COUNT_FIELDS } from './fields.ts'
import { funnelZone, overdispersion } from './funnel.ts'
import { computeAll, METRICS, sumTallies, tally } from './metrics.ts'
import { bedBand } from './peers.ts'
import { periodsBetween } from './period.ts'
import { validateSubmission } from './validate.ts'

const periods = periodsBetween('2024-01', '2025-12')
const demo = BENCHMARK_DEMO_HOSPITALS.map((hospital, index) => ({ hospital, index, months: generateMonths(hospital, index, periods) }))

test('the demo data: 40 hospitals across all bed bands and three profiles, every month passes the submission rules (warnings included) and looks plausible', () => {
  expect(BENCHMARK_DEMO_HOSPITALS).toHaveLength(40)
  expect(new Set(BENCHMARK_DEMO_HOSPITALS.map((h) => h.name)).size).toBe(40)
  const bands = BENCHMARK_DEMO_HOSPITALS.map((h) => bedBand(h.beds))
  for (const band of ['small', 'medium', 'large']) expect(bands.filter((b) => b === band).length).toBeGreaterThanOrEqual(10)
  const profiles = BENCHMARK_DEMO_HOSPITALS.map((h, i) => profileOf(h, i))
  for (const profile of ['acute', 'psychiatric', 'rehabilitation']) expect(profiles.filter((p) => p === profile).length).toBeGreaterThanOrEqual(3)
  for (const { months } of demo) {
    for (const month of months) {
      const raw = Object.fromEntries([['period', month.period], ...COUNT_FIELDS.map((f) => [f.column, String(month.counts[f.key])])])
      expect(Object.keys(raw)).toHaveLength(CSV_COLUMNS.length)
      // Not confirmed: a month that needed the 療養上の世話 confirmation would fail here.
      expect(validateSubmission(raw, new Date('2026-06-01'))).toMatchObject({ ok: true, warnings: {} })
    }
    const metrics = computeAll(sumTallies(months.map((m) => tally(m.counts, m.period))))
    expect(metrics.reportsPerBedYear.value).toBeGreaterThan(1)
    expect(metrics.reportsPerBedYear.value).toBeLessThan(9)
    expect(metrics.fallsPer1000.value).toBeLessThan(7)
  }
})

test('after the over-dispersion adjustment at most 2 of the 40 demo hospitals fall outside the 99.8 % limits, for each metric (last 12 months)', () => {
  const lastYear = new Set(periods.slice(-12))
  const tallies = demo.map(({ months }) => sumTallies(months.filter((m) => lastYear.has(m.period)).map((m) => tally(m.counts, m.period))))
  const lines: string[] = []
  const counts: number[] = []
  for (const metric of METRICS) {
    const points = tallies.map((t) => ({ numerator: metric.numerator(t), volume: metric.denominator(t) })).filter((p) => p.volume > 0)
    const target = points.reduce((s, p) => s + p.numerator, 0) / points.reduce((s, p) => s + p.volume, 0)
    const dispersion = overdispersion(metric.kind, target, points)
    const outsideExact = points.filter((p) => ['above998', 'below998'].includes(funnelZone(metric.kind, target, p.volume, p.numerator / p.volume))).length
    const outside = points.filter((p) => ['above998', 'below998'].includes(funnelZone(metric.kind, target, p.volume, p.numerator / p.volume, dispersion.tau2))).length
    lines.push(`${metric.key.padEnd(22)} φ̂ ${dispersion.phi.toFixed(2).padStart(7)}  over-dispersed ${dispersion.overdispersed ? 'yes' : 'no '}  outside 99.8 %: ${String(outsideExact).padStart(2)} unadjusted → ${outside} of ${points.length}`)
    counts.push(outside)
  }
  console.log(`Demo data, funnel over 40 hospitals:\n${lines.join('\n')}`)
  for (const outside of counts) expect(outside).toBeLessThanOrEqual(2)
})
