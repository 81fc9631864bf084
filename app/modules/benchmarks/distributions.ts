/**
 * The discrete distributions behind exact funnel limits and probability control limits: Poisson (counts over
 * an exposure) and binomial (a count out of n reports). Only what those need: the CDF over a window and the
 * quantile, computed by summing probabilities upwards from well below the mean (terms further down are below
 * 1e-20 and do not change a 99.8 % limit).
 */

// Lanczos approximation of ln Γ(x) for x > 0 (g = 7, n = 9; Press et al., Numerical Recipes 3rd ed., §6.1, and
// Godfrey's coefficients) — relative error below 1e-15 over the range used here.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
]

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0] as number
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** A discrete distribution on 0, 1, 2, … as far as the limits need it. */
export type Discrete = {
  mean: number
  /** P(X ≤ k); 0 for k < 0. */
  cdf: (k: number) => number
  /** The smallest k with P(X ≤ k) ≥ p. */
  quantile: (p: number) => number
}

/**
 * Builds a CDF table from `start` (≈ mean − 12 sd, where the mass below is negligible) upwards with the pmf's
 * ratio recursion: one ln Γ per distribution, then one multiplication per term.
 */
function tabulated(mean: number, sd: number, max: number, logPmf: (k: number) => number, ratio: (k: number) => number): Discrete {
  const start = Math.max(0, Math.floor(mean - 12 * sd - 5))
  const cumulative: number[] = []
  let pmf = Math.exp(logPmf(start))
  let total = 0
  const extend = (upTo: number) => {
    while (start + cumulative.length <= upTo && start + cumulative.length <= max) {
      const k = start + cumulative.length
      if (cumulative.length > 0) pmf *= ratio(k - 1)
      total += pmf
      cumulative.push(Math.min(1, total))
    }
  }
  const cdf = (k: number): number => {
    if (k < start) return 0
    if (k >= max) return 1
    extend(k)
    return cumulative[k - start] ?? 1
  }
  const quantile = (p: number): number => {
    let k = start
    while (k < max && cdf(k) < p) k += 1
    return k
  }
  return { mean, cdf, quantile }
}

export function poisson(mean: number): Discrete {
  if (!(mean > 0)) return { mean: 0, cdf: (k) => (k < 0 ? 0 : 1), quantile: () => 0 }
  const sd = Math.sqrt(mean)
  return tabulated(
    mean,
    sd,
    Number.MAX_SAFE_INTEGER,
    (k) => k * Math.log(mean) - mean - logGamma(k + 1),
    (k) => mean / (k + 1),
  )
}

export function binomial(n: number, p: number): Discrete {
  const trials = Math.round(n)
  if (!(p > 0) || trials <= 0) return { mean: 0, cdf: (k) => (k < 0 ? 0 : 1), quantile: () => 0 }
  if (p >= 1) return { mean: trials, cdf: (k) => (k < trials ? 0 : 1), quantile: () => trials }
  const mean = trials * p
  const sd = Math.sqrt(mean * (1 - p))
  return tabulated(
    mean,
    sd,
    trials,
    (k) => logGamma(trials + 1) - logGamma(k + 1) - logGamma(trials - k + 1) + k * Math.log(p) + (trials - k) * Math.log(1 - p),
    (k) => ((trials - k) / (k + 1)) * (p / (1 - p)),
  )
}

/**
 * The upper p-quantile of χ² with k degrees of freedom by the Wilson–Hilferty cube-root approximation
 * (Wilson & Hilferty 1931; at p = 0.95 it is 0.5 % low at k = 3, 0.1 % at k = 9 and 0.03 % at k = 19 — the
 * funnel needs ≥ 5 hospitals, k ≥ 4), given the standard normal
 * quantile z of p.
 */
export function chiSquareQuantile(k: number, z: number): number {
  if (k <= 0) return 0
  const a = 2 / (9 * k)
  return k * (1 - a + z * Math.sqrt(a)) ** 3
}

/** Standard normal quantiles used in this area. */
export const Z = {
  /** two-sided 95 % (p = 0.975) */
  p975: 1.959963985,
  /** two-sided 99.8 % (p = 0.999) */
  p999: 3.090232306,
  /** one-sided 95 % (p = 0.95), for the χ² test of overdispersion */
  p95: 1.644853627,
} as const
