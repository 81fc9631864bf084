import { describe, expect, test } from 'vitest'
import { emptyCounts, type Counts } from './fields.ts'
import { computeAll, computeMetric, formatMetric, METRIC_BY_KEY, reportsPerBedYear, reportsPerBedYearOverRange, sumCounts } from './metrics.ts'

const month = (overrides: Partial<Counts>): Counts => ({ ...emptyCounts(), ...overrides })

describe('metrics against hand-computed figures', () => {
  test('reports per bed-year for one month: 150 reports, 400 beds → 150 ÷ 400 × 12 = 4.5', () => {
    expect(reportsPerBedYear(150, 400)).toBe(4.5)
    expect(computeMetric(METRIC_BY_KEY.reportsPerBedYear, month({ reportsTotal: 150, beds: 400 })).value).toBeCloseTo(4.5, 10)
  })

  test('over a range: sum of reports ÷ average beds × 12 ÷ months, the same as from summed counts', () => {
    // 360 reports; average beds (400 + 400 + 440) ÷ 3 = 413.33; 360 ÷ 413.33 × 12 ÷ 3 = 3.48387…
    const months = [
      { reports: 100, beds: 400 },
      { reports: 140, beds: 400 },
      { reports: 120, beds: 440 },
    ]
    expect(reportsPerBedYearOverRange(months)).toBeCloseTo(3.483871, 6)
    const summed = sumCounts(months.map((m) => month({ reportsTotal: m.reports, beds: m.beds })))
    const metric = computeMetric(METRIC_BY_KEY.reportsPerBedYear, summed)
    expect(metric.value).toBeCloseTo(3.483871, 6)
    expect(metric.denominator).toBeCloseTo(1240 / 12, 10) // bed-years
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
    const all = computeAll(emptyCounts())
    for (const metric of Object.values(all)) expect(metric.value).toBeNull()
    expect(reportsPerBedYear(10, 0)).toBeNull()
    expect(reportsPerBedYearOverRange([])).toBeNull()
  })

  test('formatting: shares as percentages, rates with their digits', () => {
    expect(formatMetric(METRIC_BY_KEY.physicianShare, 0.0612)).toBe('6.1%')
    expect(formatMetric(METRIC_BY_KEY.reportsPerBedYear, 3.4838)).toBe('3.48')
    expect(formatMetric(METRIC_BY_KEY.fallsPer1000, null)).toBe('—')
  })
})
