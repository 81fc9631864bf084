import { expect, test } from 'vitest'
import { BENCHMARK_DEMO_HOSPITALS, generateMonths } from '#prisma/seed/benchmarks.ts'
import { CSV_COLUMNS, COUNT_FIELDS } from './fields.ts'
import { computeAll, sumTallies, tally } from './metrics.ts'
import { bedBand } from './peers.ts'
import { periodsBetween } from './period.ts'
import { validateSubmission } from './validate.ts'

test('the demo data: 40 hospitals across all bed bands, every month passes the submission rules and looks plausible', () => {
  expect(BENCHMARK_DEMO_HOSPITALS).toHaveLength(40)
  expect(new Set(BENCHMARK_DEMO_HOSPITALS.map((h) => h.name)).size).toBe(40)
  const bands = BENCHMARK_DEMO_HOSPITALS.map((h) => bedBand(h.beds))
  for (const band of ['small', 'medium', 'large']) expect(bands.filter((b) => b === band).length).toBeGreaterThanOrEqual(10)
  const periods = periodsBetween('2024-01', '2025-12')
  for (const [index, hospital] of BENCHMARK_DEMO_HOSPITALS.entries()) {
    const months = generateMonths(hospital, index, periods)
    for (const month of months) {
      const raw = Object.fromEntries([['period', month.period], ...COUNT_FIELDS.map((f) => [f.column, String(month.counts[f.key])])])
      expect(Object.keys(raw)).toHaveLength(CSV_COLUMNS.length)
      expect(validateSubmission(raw, new Date('2026-06-01'))).toMatchObject({ ok: true })
    }
    const metrics = computeAll(sumTallies(months.map((m) => tally(m.counts, m.period))))
    expect(metrics.reportsPerBedYear.value).toBeGreaterThan(1)
    expect(metrics.reportsPerBedYear.value).toBeLessThan(9)
    expect(metrics.fallsPer1000.value).toBeLessThan(6)
  }
})
