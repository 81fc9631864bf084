import { describe, expect, test } from 'vitest'
// Sources: Montgomery DC, Introduction to Statistical Quality Control, 7th ed., §7.2 (p-chart) and §7.3 (u-chart,
// probability limits); NHS England "Making Data Count" (run rules, variation and assurance icons). Poisson
// quantiles checked with scipy.stats (tests/worked-examples/benchmark-statistics.py).
import { pChart, probabilityLimits, uChart, type SpcInput } from './spc.ts'

describe('u-chart (rates)', () => {
  // ū = 30 ÷ 300 = 0.1; σ = √(0.1 ÷ 100) = 0.031623; limits 0.1 ± 0.094868 = [0.005132, 0.194868]
  const months = [
    { period: '2025-01', numerator: 4, denominator: 100 },
    { period: '2025-02', numerator: 6, denominator: 100 },
    { period: '2025-03', numerator: 20, denominator: 100 },
  ]

  test('centre line and 3-sigma limits for each month', () => {
    const chart = uChart(months)
    expect(chart.centre).toBeCloseTo(0.1, 10)
    expect(chart.points[0]?.lower).toBeCloseTo(0.005132, 6)
    expect(chart.points[0]?.upper).toBeCloseTo(0.194868, 6)
    expect(chart.points.map((p) => p.signal)).toEqual([null, null, 'above'])
    expect(chart.signals).toBe(1)
  })

  test('scale multiplies values and limits (per 1,000 patient-days)', () => {
    const chart = uChart(months, 1000)
    expect(chart.centre).toBeCloseTo(100, 8)
    expect(chart.points[2]?.value).toBeCloseTo(200, 8)
    expect(chart.points[2]?.upper).toBeCloseTo(194.868, 3)
  })

  test('limits widen for a smaller denominator; the lower limit never goes below 0', () => {
    const chart = uChart([
      { period: '2025-01', numerator: 10, denominator: 100 },
      { period: '2025-02', numerator: 0, denominator: 4 },
    ])
    // ū = 10 ÷ 104; month 2: 3√(ū/4) > ū, so the lower limit is 0 and a zero count is not a signal
    expect(chart.points[1]?.lower).toBe(0)
    expect(chart.points[1]?.signal).toBeNull()
  })

  test('a month without a denominator has no point', () => {
    const chart = uChart([{ period: '2025-01', numerator: 0, denominator: 0 }])
    expect(chart.centre).toBeNull()
    expect(chart.points[0]?.value).toBeNull()
  })
})

describe('p-chart (proportions)', () => {
  test('p̄ = 45 ÷ 300 = 0.15; σ = √(0.15 × 0.85 ÷ 100) = 0.035707; limits [0.042879, 0.257121]', () => {
    const chart = pChart([
      { period: '2025-01', numerator: 5, denominator: 100 },
      { period: '2025-02', numerator: 10, denominator: 100 },
      { period: '2025-03', numerator: 30, denominator: 100 },
    ])
    expect(chart.centre).toBeCloseTo(0.15, 10)
    expect(chart.points[0]?.lower).toBeCloseTo(0.042879, 6)
    expect(chart.points[0]?.upper).toBeCloseTo(0.257121, 6)
    expect(chart.points.map((p) => p.signal)).toEqual([null, null, 'above'])
  })

  test('a month far below the centre is marked below', () => {
    const chart = pChart([
      { period: '2025-01', numerator: 50, denominator: 100 },
      { period: '2025-02', numerator: 50, denominator: 100 },
      { period: '2025-03', numerator: 5, denominator: 100 },
    ])
    expect(chart.points[2]?.signal).toBe('below')
    expect(chart.points.every((p) => (p.upper ?? 0) <= 1)).toBe(true)
  })
})

describe('probability limits for rare events', () => {
  test('Poisson μ = 0.31 (3b+ falls, 100-bed hospital): F(2) = 0.996058 < 0.99865 ≤ F(3) = 0.999699 → signal from 4', () => {
    expect(probabilityLimits('u', 0.31, 1)).toEqual({ lowerCount: 0, upperCount: 3 })
    // μ = 2.4: the 99.865 % quantile is 8 (P(X > 8) = 0.000862)
    expect(probabilityLimits('u', 2.4, 1)).toEqual({ lowerCount: 0, upperCount: 8 })
  })

  test('a year of 3b+ falls with two falls in one month is not a signal (3σ limits would call it one)', () => {
    const counts = [0, 0, 1, 0, 2, 0, 0, 0, 1, 0, 0, 0]
    const months: SpcInput[] = counts.map((count, i) => ({ period: `2025-${String(i + 1).padStart(2, '0')}`, numerator: count, denominator: 2550 }))
    const chart = uChart(months, 1000)
    // ū = 4 ÷ 30,600; expected a month 0.333 < 5 → probability limits: upper count 3 → 3/2550 × 1000 = 1.176‰
    expect(chart.probabilityLimits).toBe(true)
    expect(chart.points[4]?.method).toBe('probability')
    expect(chart.points[4]?.upper).toBeCloseTo((3 / 2550) * 1000, 10)
    expect(chart.signals).toBe(0)
    // With 3σ limits at μ = 0.31 a month the upper limit is 0.31 + 3√0.31 = 1.98 events, so 2 falls would signal.
    expect(0.31 + 3 * Math.sqrt(0.31)).toBeLessThan(2)
    // 5 falls in that month: ū = 7 ÷ 30,600, μ = 0.583; the 99.865 % quantile is 4 → a signal
    months[4] = { ...(months[4] as SpcInput), numerator: 5 }
    expect(uChart(months, 1000).points[4]?.signal).toBe('above')
  })
})

describe('run rules (Making Data Count)', () => {
  const series = (values: number[]): SpcInput[] => values.map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, numerator: value, denominator: 100 }))

  test('a shift: 7 points on one side of the centre line; 6 are not enough; a point on the line breaks it', () => {
    // centre = (7 × 30 + 7 × 10) ÷ 14 = 20; sigma limits 20 ± 3√(0.2 × 0.8/100) × 100 → no point outside
    const shift = pChart(series([30, 30, 30, 30, 30, 30, 30, 10, 10, 10, 10, 10, 10, 10]))
    expect(shift.points.slice(0, 7).every((p) => p.shift === 'above')).toBe(true)
    expect(shift.points.slice(7).every((p) => p.shift === 'below')).toBe(true)
    expect(shift.shifts).toBe(2)
    const six = pChart(series([26, 26, 26, 26, 26, 26, 14, 14, 14, 14, 14, 14]))
    expect(six.shifts).toBe(0)
    const broken = pChart(series([25, 25, 25, 20, 25, 25, 25, 15, 15, 15, 20, 15, 15, 15])) // centre exactly 20
    expect(broken.shifts).toBe(0)
  })

  test('a trend: 6 points each higher than the one before; 5 are not; an equal value breaks it', () => {
    const trend = pChart(series([20, 21, 22, 23, 24, 25, 22, 20, 18]))
    expect(trend.points.slice(0, 6).map((p) => p.trend)).toEqual(['up', 'up', 'up', 'up', 'up', 'up'])
    expect(trend.points[6]?.trend).toBeNull()
    expect(trend.trends).toBe(1)
    expect(pChart(series([20, 21, 22, 23, 24, 22, 20])).trends).toBe(0)
    expect(pChart(series([20, 21, 22, 22, 23, 24, 25])).trends).toBe(0)
    // Down: 25, 24, 23, 22, 21, 20 after a rise that ends at 25
    expect(pChart(series([23, 25, 24, 23, 22, 21, 20])).points.slice(1).every((p) => p.trend === 'down')).toBe(true)
  })
})

describe('variation and assurance icons', () => {
  const series = (values: number[]): SpcInput[] => values.map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, numerator: value, denominator: 100 }))

  test('variation: the latest point decides; polarity says improvement or concern', () => {
    const rising = series([20, 20, 20, 20, 20, 20, 20, 20, 20, 45])
    expect(pChart(rising, { polarity: 'higher-better' }).variation).toBe('improvement-high')
    expect(pChart(rising, { polarity: 'lower-better' }).variation).toBe('concern-high')
    expect(pChart(rising, { polarity: 'neutral' }).variation).toBe('neither-high')
    expect(pChart(series([20, 22, 19, 21, 20, 18, 21]), { polarity: 'higher-better' }).variation).toBe('common')
    expect(pChart([]).variation).toBe('none')
  })

  test('assurance: the target against the latest limits', () => {
    // centre 0.2, n = 100: limits 0.2 ± 3 × 0.04 = [0.08, 0.32]
    const steady = series([20, 20, 20, 20])
    expect(pChart(steady, { polarity: 'higher-better', target: 0.05 }).assurance).toBe('pass')
    expect(pChart(steady, { polarity: 'higher-better', target: 0.4 }).assurance).toBe('fail')
    expect(pChart(steady, { polarity: 'higher-better', target: 0.25 }).assurance).toBe('hit-and-miss')
    expect(pChart(steady, { polarity: 'lower-better', target: 0.4 }).assurance).toBe('pass')
    expect(pChart(steady, { polarity: 'higher-better', target: null }).assurance).toBe('none')
  })
})
