import { describe, expect, test } from 'vitest'
import { funnelCurve, funnelLimits, funnelZone } from './funnel.ts'

describe('funnel limits', () => {
  test('proportion: target 10%, 100 reports → sd 0.03; 95% [0.04120, 0.15880]; 99.8% [0.00729, 0.19271]', () => {
    const limits = funnelLimits('proportion', 0.1, 100)
    expect(limits.lower95).toBeCloseTo(0.041201, 5)
    expect(limits.upper95).toBeCloseTo(0.158799, 5)
    expect(limits.lower998).toBeCloseTo(0.007293, 5)
    expect(limits.upper998).toBeCloseTo(0.192707, 5)
  })

  test('rate: 2.5 falls per 1,000 patient-days, 10,000 patient-days → sd 0.5‰; 95% [1.52, 3.48]', () => {
    const curve = funnelCurve('rate', 0.0025, 10_000, 10_000, 1000, 1)
    expect(curve[0]?.lower95).toBeCloseTo(1.52, 2)
    expect(curve[0]?.upper95).toBeCloseTo(3.48, 2)
    expect(curve[0]?.upper998).toBeCloseTo(2.5 + 3.090232 * 0.5, 4)
  })

  test('limits narrow as volume grows and never go below 0', () => {
    const curve = funnelCurve('proportion', 0.03, 10, 10_000)
    expect(curve).toHaveLength(41)
    expect(curve[0]?.lower998).toBe(0)
    const widths = curve.map((point) => point.upper95 - point.lower95)
    expect(widths[0]).toBeGreaterThan(widths[40] ?? Infinity)
  })

  test('zones', () => {
    expect(funnelZone('proportion', 0.1, 100, 0.1)).toBe('within')
    expect(funnelZone('proportion', 0.1, 100, 0.17)).toBe('above95')
    expect(funnelZone('proportion', 0.1, 100, 0.2)).toBe('above998')
    expect(funnelZone('proportion', 0.1, 100, 0.03)).toBe('below95')
    expect(funnelZone('proportion', 0.1, 100, 0.005)).toBe('below998')
  })
})
