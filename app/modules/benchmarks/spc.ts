/**
 * Statistical process control for a hospital's own trend (NHS "Making Data Count"): a u-chart for rates
 * (counts per unit of exposure, Poisson) and a p-chart for proportions (binomial). The centre line is the
 * pooled value over the months shown; the limits are ±3 sigma for each month's own denominator, so they
 * widen in small months. Values and limits are multiplied by `scale` (1,000 for per-1,000 patient-days).
 */
export type SpcInput = { period: string; numerator: number; denominator: number }
export type SpcPoint = SpcInput & {
  value: number | null
  lower: number | null
  upper: number | null
  /** Outside the 3-sigma limits: a special-cause signal worth investigating. */
  signal: 'above' | 'below' | null
}
export type SpcChart = { kind: 'u' | 'p'; centre: number | null; points: SpcPoint[]; signals: number }

const SIGMA = 3

export function uChart(months: readonly SpcInput[], scale = 1): SpcChart {
  return chart('u', months, scale, (centre, n) => Math.sqrt(centre / n))
}

export function pChart(months: readonly SpcInput[]): SpcChart {
  return chart('p', months, 1, (centre, n) => Math.sqrt((centre * (1 - centre)) / n))
}

function chart(kind: 'u' | 'p', months: readonly SpcInput[], scale: number, sigma: (centre: number, n: number) => number): SpcChart {
  const totalNumerator = months.reduce((sum, month) => sum + month.numerator, 0)
  const totalDenominator = months.reduce((sum, month) => sum + month.denominator, 0)
  const centre = totalDenominator > 0 ? totalNumerator / totalDenominator : null
  let signals = 0
  const points = months.map((month): SpcPoint => {
    if (centre === null || month.denominator <= 0) return { ...month, value: null, lower: null, upper: null, signal: null }
    const value = month.numerator / month.denominator
    const spread = SIGMA * sigma(centre, month.denominator)
    const lower = Math.max(0, centre - spread)
    const upper = kind === 'p' ? Math.min(1, centre + spread) : centre + spread
    const signal = value > upper ? 'above' : value < lower ? 'below' : null
    if (signal) signals += 1
    return { ...month, value: value * scale, lower: lower * scale, upper: upper * scale, signal }
  })
  return { kind, centre: centre === null ? null : centre * scale, points, signals }
}
