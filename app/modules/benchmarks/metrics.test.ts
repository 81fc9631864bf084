import { describe, expect, test } from 'vitest'
import { emptyCounts, type Counts } from './fields.ts'
import { computeAll, computeMetric, daysInMonth, formatMetric, METRIC_BY_KEY, reportsPerBedYear, sumTallies, tally } from './metrics.ts'

const month = (overrides: Partial<Counts>, period = '2025-04') => tally({ ...emptyCounts(), ...overrides }, period)

describe('metrics against hand-computed figures', () => {
  test('reports per bed-year for one month: exposure is bed-days ÷ 365 (domain.md), not beds ÷ 12', () => {
    // April: 150 reports, 400 beds × 30 days = 12,000 bed-days = 32.877 bed-years → 150 ÷ 32.877 = 4.5625
    expect(daysInMonth('2025-04')).toBe(30)
    expect(reportsPerBedYear(150, 400, 30)).toBeCloseTo(4.5625, 10)
    expect(computeMetric(METRIC_BY_KEY.reportsPerBedYear, month({ reportsTotal: 150, beds: 400 })).value).toBeCloseTo(4.5625, 10)
  })

  test('a February at the same daily rate reads the same as a January (beds ÷ 12 read it 7.9 % low)', () => {
    // 4 reports a day in both months, 400 beds
    const january = computeMetric(METRIC_BY_KEY.reportsPerBedYear, month({ reportsTotal: 31 * 4, beds: 400 }, '2025-01'))
    const february = computeMetric(METRIC_BY_KEY.reportsPerBedYear, month({ reportsTotal: 28 * 4, beds: 400 }, '2025-02'))
    expect(january.value).toBeCloseTo(february.value ?? 0, 10)
    expect(january.value).toBeCloseTo(3.65, 10) // 4 reports a day ÷ 400 beds × 365
    expect(daysInMonth('2024-02')).toBe(29)
  })

  test('over a range: Σreports ÷ (Σbed-days ÷ 365)', () => {
    // 100 + 140 + 120 = 360 reports; bed-days 400 × 31 + 400 × 28 + 440 × 31 = 37,240 → 102.027 bed-years → 3.52846
    const months = [
      month({ reportsTotal: 100, beds: 400 }, '2025-01'),
      month({ reportsTotal: 140, beds: 400 }, '2025-02'),
      month({ reportsTotal: 120, beds: 440 }, '2025-03'),
    ]
    const metric = computeMetric(METRIC_BY_KEY.reportsPerBedYear, sumTallies(months))
    expect(metric.denominator).toBeCloseTo(37_240 / 365, 10)
    expect(metric.value).toBeCloseTo(3.528464, 6)
  })

  test('shares and rates', () => {
    const counts = month({
      reportsTotal: 250,
      byPhysician: 15,
      level3b: 3,
      level4a: 1,
      level5: 1,
      level3a: 40,
      catMedication: 60,
      patientDays: 12_000,
      falls: 30,
      fallsInjury: 1,
    })
    const all = computeAll(counts)
    expect(all.physicianShare).toEqual({ value: 0.06, numerator: 15, denominator: 250 })
    expect(all.level3bPlusShare.value).toBeCloseTo(0.02, 10) // (3 + 1 + 0 + 1) ÷ 250; 3a is not counted
    expect(all.medicationShare.value).toBeCloseTo(0.24, 10)
    expect(all.fallsPer1000.value).toBeCloseTo(2.5, 10) // 30 ÷ 12,000 × 1,000
    expect(all.injuriousFallsPer1000.value).toBeCloseTo(0.083333, 6)
  })

  test('a zero denominator gives no value, never Infinity or NaN', () => {
    const all = computeAll(month({}))
    for (const metric of Object.values(all)) expect(metric.value).toBeNull()
    expect(reportsPerBedYear(10, 0, 30)).toBeNull()
  })

  test('formatting: shares as percentages, rates with their digits', () => {
    expect(formatMetric(METRIC_BY_KEY.physicianShare, 0.0612)).toBe('6.1%')
    expect(formatMetric(METRIC_BY_KEY.reportsPerBedYear, 3.4838)).toBe('3.48')
    expect(formatMetric(METRIC_BY_KEY.fallsPer1000, null)).toBe('—')
  })
})
