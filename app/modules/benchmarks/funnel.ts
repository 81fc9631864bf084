import { binomial, chiSquareQuantile, poisson, Z, type Discrete } from './distributions.ts'
import type { MetricKind } from './metrics.ts'

/**
 * Funnel plots: each hospital's value against its volume (the metric's denominator) with control limits around
 * the pooled target that narrow as volume grows.
 *
 * Sources: Spiegelhalter DJ, "Funnel plots for comparing institutional performance", Stat Med 2005;24:1185–1202
 * (exact limits with interpolation, §A.1.1–A.1.2), and Spiegelhalter DJ, "Handling over-dispersion of
 * performance indicators", Qual Saf Health Care 2005;14:347–351 (winsorised φ̂, χ² test, additive τ²).
 *
 * - Exact limits: for a target θ and volume n, r_p is the p-quantile of the count (Poisson(θn) for rates,
 *   Binomial(n, θ) for proportions); the limit is (r_p − α)/n with α = (F(r_p) − p)/(F(r_p) − F(r_p − 1)),
 *   which interpolates between the steps of the discrete distribution so the curve is smooth.
 * - Over-dispersion: z_i = (y_i − θ)/√(V(θ)/n_i), 10 % winsorised at each end; φ̂ = Σz²/I. When I·φ̂ exceeds the
 *   upper 95 % point of χ² on I − 1 degrees of freedom the data are over-dispersed and the limits are widened by
 *   the additive random-effects τ² (DerSimonian–Laird): θ ± z·√(V(θ)/n + τ²). Additive rather than multiplicative
 *   √φ̂: the paper finds both workable but the additive random-effects formulation better founded, and the
 *   multiplicative factor keeps narrowing with volume, so it still flags most large hospitals when the
 *   between-hospital variation is real.
 */
export const P_LIMITS = { lower998: 0.001, lower95: 0.025, upper95: 0.975, upper998: 0.999 } as const
export type FunnelLimits = { lower95: number; upper95: number; lower998: number; upper998: number }

/** The unit variance V(θ) of one observation: θ for Poisson rates, θ(1 − θ) for binomial proportions. */
export const unitVariance = (kind: MetricKind, target: number) => (kind === 'proportion' ? target * (1 - target) : target)

/** Spiegelhalter's interpolated exact limit at probability p. */
export function exactLimit(kind: MetricKind, target: number, volume: number, p: number): number {
  if (!(volume > 0)) return kind === 'proportion' ? (p < 0.5 ? 0 : 1) : p < 0.5 ? 0 : Infinity
  return limitFrom(countDistribution(kind, target, volume), kind, volume, p)
}

function countDistribution(kind: MetricKind, target: number, volume: number): Discrete {
  return kind === 'proportion' ? binomial(Math.max(1, Math.round(volume)), target) : poisson(target * volume)
}

/** The interpolated limit from an already tabulated distribution (the four limits of one volume share it). */
function limitFrom(distribution: Discrete, kind: MetricKind, volume: number, p: number): number {
  const n = kind === 'proportion' ? Math.max(1, Math.round(volume)) : volume
  const r = distribution.quantile(p)
  const atR = distribution.cdf(r)
  const belowR = distribution.cdf(r - 1)
  const alpha = atR > belowR ? (atR - p) / (atR - belowR) : 0
  const limit = Math.max(0, (r - alpha) / n)
  return kind === 'proportion' ? Math.min(1, limit) : limit
}

export type Overdispersion = {
  hospitals: number
  /** φ̂ from 10 % winsorised z-scores. */
  phi: number
  /** I·φ̂ and the χ²(I − 1) upper 95 % point it is tested against. */
  statistic: number
  critical: number
  overdispersed: boolean
  /** DerSimonian–Laird between-hospital variance (0 when not over-dispersed). */
  tau2: number
}

export type FunnelPointInput = { numerator: number; volume: number }

/** The 10 % winsorised values: the lowest and highest ⌊0.1·I⌋ are set to the next value inwards. */
export function winsorise(values: readonly number[], fraction = 0.1): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const k = Math.floor(fraction * sorted.length)
  const low = sorted[k] as number
  const high = sorted[sorted.length - 1 - k] as number
  return values.map((value) => Math.min(high, Math.max(low, value)))
}

export function overdispersion(kind: MetricKind, target: number, points: readonly FunnelPointInput[]): Overdispersion {
  const usable = points.filter((point) => point.volume > 0)
  const I = usable.length
  const variance = unitVariance(kind, target)
  if (I < 2 || !(variance > 0)) return { hospitals: I, phi: 1, statistic: 0, critical: 0, overdispersed: false, tau2: 0 }
  const z = usable.map((point) => (point.numerator / point.volume - target) / Math.sqrt(variance / point.volume))
  const phi = winsorise(z).reduce((sum, value) => sum + value * value, 0) / I
  const statistic = I * phi
  const critical = chiSquareQuantile(I - 1, Z.p95)
  const overdispersed = statistic > critical
  let tau2 = 0
  if (overdispersed) {
    // Weights w_i = 1/s_i² with s_i² = V(θ)/n_i.
    const weights = usable.map((point) => point.volume / variance)
    const sumW = weights.reduce((a, b) => a + b, 0)
    const sumW2 = weights.reduce((a, b) => a + b * b, 0)
    tau2 = Math.max(0, (statistic - (I - 1)) / (sumW - sumW2 / sumW))
  }
  return { hospitals: I, phi, statistic, critical, overdispersed, tau2 }
}

// A share cannot exceed 1. (Module level: the funnel calls funnelLimits once per hospital and curve point.)
const clampHigh = (kind: MetricKind, value: number) => (kind === 'proportion' ? Math.min(1, value) : value)

/** Limits at one volume: exact when the hospitals are not over-dispersed, otherwise widened by τ². */
export function funnelLimits(kind: MetricKind, target: number, volume: number, tau2 = 0): FunnelLimits {
  if (tau2 > 0) {
    const sd = Math.sqrt(unitVariance(kind, target) / volume + tau2)
    return {
      lower95: Math.max(0, target - Z.p975 * sd),
      upper95: clampHigh(kind, target + Z.p975 * sd),
      lower998: Math.max(0, target - Z.p999 * sd),
      upper998: clampHigh(kind, target + Z.p999 * sd),
    }
  }
  if (!(volume > 0)) {
    const high = kind === 'proportion' ? 1 : Infinity
    return { lower95: 0, upper95: high, lower998: 0, upper998: high }
  }
  const distribution = countDistribution(kind, target, volume)
  return {
    lower95: limitFrom(distribution, kind, volume, P_LIMITS.lower95),
    upper95: limitFrom(distribution, kind, volume, P_LIMITS.upper95),
    lower998: limitFrom(distribution, kind, volume, P_LIMITS.lower998),
    upper998: limitFrom(distribution, kind, volume, P_LIMITS.upper998),
  }
}

export type FunnelCurvePoint = FunnelLimits & { volume: number }

/** Limits sampled along the volume axis (log-spaced), for drawing the funnel; multiplied by `scale`. */
export function funnelCurve(kind: MetricKind, target: number, minVolume: number, maxVolume: number, scale = 1, steps = 40, tau2 = 0): FunnelCurvePoint[] {
  if (!(minVolume > 0) || !(maxVolume >= minVolume)) return []
  const low = Math.log(minVolume)
  const high = Math.log(maxVolume)
  return Array.from({ length: steps + 1 }, (_, i) => {
    const volume = Math.exp(low + ((high - low) * i) / (steps || 1))
    const limits = funnelLimits(kind, target, volume, tau2)
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

export function funnelZone(kind: MetricKind, target: number, volume: number, value: number, tau2 = 0): FunnelZone {
  const limits = funnelLimits(kind, target, volume, tau2)
  if (value > limits.upper998) return 'above998'
  if (value < limits.lower998) return 'below998'
  if (value > limits.upper95) return 'above95'
  if (value < limits.lower95) return 'below95'
  return 'within'
}

/**
 * Below an expected count of 5 the discrete limits are coarse and one event moves a point a long way; such
 * points are drawn grey with a note (Spiegelhalter 2005, Stat Med, §4: small expected counts).
 */
export const MIN_EXPECTED = 5
export const expectedCount = (target: number, volume: number) => target * volume
