import { describe, expect, test } from 'vitest'
import { pChart, uChart } from './spc.ts'

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
