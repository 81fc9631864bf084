import type { MetricKind } from './metrics.ts'

/**
 * Funnel plots (Spiegelhalter 2005): each hospital's value against its volume (the metric's denominator), with
 * control limits around the pooled target that narrow as volume grows. Normal approximations: binomial
 * p0 ± z·√(p0(1−p0)/n) for proportions, Poisson θ ± z·√(θ/n) for rates. 95% and 99.8% limits (z = 1.96, 3.09).
 */
export const Z95 = 1.959964
export const Z998 = 3.090232

export type FunnelLimits = { lower95: number; upper95: number; lower998: number; upper998: number }

export function funnelLimits(kind: MetricKind, target: number, volume: number): FunnelLimits {
  const sd = kind === 'proportion' ? Math.sqrt((target * (1 - target)) / volume) : Math.sqrt(target / volume)
  const clampHigh = (value: number) => (kind === 'proportion' ? Math.min(1, value) : value)
  return {
    lower95: Math.max(0, target - Z95 * sd),
    upper95: clampHigh(target + Z95 * sd),
    lower998: Math.max(0, target - Z998 * sd),
    upper998: clampHigh(target + Z998 * sd),
  }
}

export type FunnelCurvePoint = FunnelLimits & { volume: number }

/** Limits sampled along the volume axis (log-spaced), for drawing the funnel; multiplied by `scale`. */
export function funnelCurve(kind: MetricKind, target: number, minVolume: number, maxVolume: number, scale = 1, steps = 40): FunnelCurvePoint[] {
  if (!(minVolume > 0) || !(maxVolume >= minVolume)) return []
  const low = Math.log(minVolume)
  const high = Math.log(maxVolume)
  return Array.from({ length: steps + 1 }, (_, i) => {
    const volume = Math.exp(low + ((high - low) * i) / steps)
    const limits = funnelLimits(kind, target, volume)
    return {
      volume,
      lower95: limits.lower95 * scale,
      upper95: limits.upper95 * scale,
      lower998: limits.lower998 * scale,
      upper998: limits.upper998 * scale,
    }
  })
}

export type FunnelZone = 'within' | 'above95' | 'below95' | 'above998' | 'below998'

export function funnelZone(kind: MetricKind, target: number, volume: number, value: number): FunnelZone {
  const limits = funnelLimits(kind, target, volume)
  if (value > limits.upper998) return 'above998'
  if (value < limits.lower998) return 'below998'
  if (value > limits.upper95) return 'above95'
  if (value < limits.lower95) return 'below95'
  return 'within'
}
