import { describe, expect, test } from 'vitest'
import { chiSquareQuantile, poisson, Z } from './distributions.ts'
import { exactLimit, funnelCurve, funnelLimits, funnelZone, overdispersion, winsorise } from './funnel.ts'

// Worked examples computed independently with scipy.stats (tests/worked-examples/benchmark-statistics.py) from the
// definitions in Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185–1202
// (Appendix A.1: r_p the p-quantile, α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)), limit (r_p − α)/n), and
// Spiegelhalter DJ, "Handling over-dispersion of performance indicators", Qual Saf Health Care 2005;14:347–351.

describe('exact limits with interpolation', () => {
  test('Poisson: falls 2.5 per 1,000 patient-days, 1,800 patient-days (a 60-bed hospital, one month; μ = 4.5)', () => {
    // p = 0.999: r = 12, α = 0.121854 → (12 − 0.121854)/1800 = 6.59897‰; p = 0.975: r = 9, α = 0.341352 → 4.81036‰
    // p = 0.025: r = 1, α = 0.722127 → 0.154374‰; p = 0.001: r = 0 → (0 − 0.90998)/1800 < 0 → 0
    expect(exactLimit('rate', 0.0025, 1800, 0.999) * 1000).toBeCloseTo(6.598970, 5)
    expect(exactLimit('rate', 0.0025, 1800, 0.975) * 1000).toBeCloseTo(4.810360, 5)
    expect(exactLimit('rate', 0.0025, 1800, 0.025) * 1000).toBeCloseTo(0.154374, 5)
    expect(exactLimit('rate', 0.0025, 1800, 0.001)).toBe(0)
  })

  test('binomial: target 10 %, 100 reports', () => {
    // p = 0.001: r = 2, α = 0.582113 → 0.014179; 0.025: r = 5, α = 0.961940 → 0.040381
    // 0.975: r = 16, α = 0.228139 → 0.157719; 0.999: r = 20, α = 0.164328 → 0.198357
    const limits = funnelLimits('proportion', 0.1, 100)
    expect(limits.lower998).toBeCloseTo(0.014179, 5)
    expect(limits.lower95).toBeCloseTo(0.040381, 5)
    expect(limits.upper95).toBeCloseTo(0.157719, 5)
    expect(limits.upper998).toBeCloseTo(0.198357, 5)
  })

  test('large counts: Poisson μ = 2,000 (θ = 0.25, n = 8,000) — 99.8 % limits [0.232841, 0.267390]', () => {
    expect(exactLimit('rate', 0.25, 8000, 0.001)).toBeCloseTo(0.232841, 5)
    expect(exactLimit('rate', 0.25, 8000, 0.999)).toBeCloseTo(0.267390, 5)
  })

  test('a zero count at μ = 4.5 is below the 95 % limit (P = e^−4.5 = 0.011 < 0.025) but not the 99.8 % one', () => {
    expect(funnelZone('rate', 0.0025, 1800, 0)).toBe('below95')
    expect(poisson(4.5).cdf(0)).toBeCloseTo(Math.exp(-4.5), 12)
    expect(funnelZone('rate', 0.0025, 1800, 0.0025)).toBe('within')
  })

  test('limits narrow as volume grows and never go below 0', () => {
    const curve = funnelCurve('proportion', 0.03, 10, 10_000)
    expect(curve).toHaveLength(41)
    expect(curve[0]?.lower998).toBe(0)
    const widths = curve.map((point) => point.upper95 - point.lower95)
    expect(widths[0]).toBeGreaterThan(widths[40] ?? Infinity)
  })
})

describe('over-dispersion', () => {
  // Ten hospitals (rates): y = counts, n = exposure; θ = Σy/Σn = 461/11,300 = 0.0407965
  const y = [30, 45, 12, 80, 55, 20, 66, 38, 90, 25]
  const n = [1000, 1200, 600, 1500, 1400, 900, 1300, 1100, 1600, 700]
  const points = y.map((count, i) => ({ numerator: count, volume: n[i] as number }))
  const target = 461 / 11_300

  test('10 % winsorising replaces the lowest and highest ⌊0.1 I⌋ values', () => {
    expect(winsorise([5, 1, 9, 3, 7, 2, 8, 4, 6, 10])).toEqual([5, 2, 9, 3, 7, 2, 8, 4, 6, 9])
  })

  test('φ̂ from winsorised z-scores, the χ² test and the DerSimonian–Laird τ²', () => {
    // z-scores −1.6903 … 3.0604; winsorised at −2.5221 and 2.4039; φ̂ = 3.220047; I·φ̂ = 32.2005 > χ²₉(0.95) = 16.919
    // τ² = (32.2005 − 9)/(Σw − Σw²/Σw) = 9.38853e−5 with w = n/θ
    const result = overdispersion('rate', target, points)
    expect(result.phi).toBeCloseTo(3.220047, 5)
    expect(result.statistic).toBeCloseTo(32.200471, 4)
    expect(result.critical).toBeCloseTo(16.919, 1) // Wilson–Hilferty approximation of the exact 16.918978
    expect(result.overdispersed).toBe(true)
    expect(result.tau2).toBeCloseTo(9.388533e-5, 9)
    // Widened 99.8 % limits at n = 1,000: θ ± 3.0902 √(θ/1000 + τ²) = [0.0049335, 0.0766594]
    const limits = funnelLimits('rate', target, 1000, result.tau2)
    expect(limits.lower998).toBeCloseTo(0.0049335, 6)
    expect(limits.upper998).toBeCloseTo(0.0766594, 6)
  })

  test('data in control: no widening', () => {
    const calm = n.map((volume) => ({ numerator: Math.round(volume * target), volume }))
    const result = overdispersion('rate', target, calm)
    expect(result.overdispersed).toBe(false)
    expect(result.tau2).toBe(0)
  })

  test('χ² upper 95 % points by Wilson–Hilferty within 0.4 % of the exact values (k ≥ 4)', () => {
    for (const [k, exact] of [
      [4, 9.487729],
      [9, 16.918978],
      [19, 30.143527],
      [39, 54.572228],
    ] as const) {
      expect(Math.abs(chiSquareQuantile(k, Z.p95) - exact) / exact).toBeLessThan(0.004)
    }
  })
})
