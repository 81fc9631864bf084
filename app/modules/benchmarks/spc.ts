import { binomial, poisson } from './distributions.ts'

/**
 * Statistical process control for a hospital's own trend.
 *
 * Sources: Montgomery DC, Introduction to Statistical Quality Control (7th ed.), §7.2 (p-chart: p̄ ± 3√(p̄(1−p̄)/n))
 * and §7.3 (u-chart: ū ± 3√(ū/n), and probability limits for small counts); NHS England / NHS Improvement,
 * "Making Data Count" (2019, 2021 update): the run rules and the variation and assurance icons.
 *
 * - The centre line is the pooled value over the months shown; limits are computed for each month's own
 *   denominator, so they widen in small months.
 * - When a month's expected count (centre × denominator) is below 5 — rare events such as 3b+ falls — 3-sigma
 *   limits are far from the real tail probabilities (a 100-bed hospital with ≈ 0.31 injurious falls a month would
 *   "signal" at 2), so the month gets probability limits instead: the 0.135 % and 99.865 % quantiles of the
 *   Poisson (u) or binomial (p) count, the same tail areas as ±3σ of a normal distribution.
 * - Run rules (Making Data Count): a point outside the limits; a shift of 7 or more consecutive points on the
 *   same side of the centre line (a point on the line breaks the run); a trend of 6 or more consecutive points
 *   each higher (or each lower) than the one before (an equal value breaks the run).
 */
export type SpcInput = { period: string; numerator: number; denominator: number }
export type LimitMethod = 'sigma' | 'probability'
export type SpcPoint = SpcInput & {
  value: number | null
  lower: number | null
  upper: number | null
  method: LimitMethod | null
  /** Outside the limits. */
  signal: 'above' | 'below' | null
  /** Part of a shift of ≥ 7 on one side: which side. */
  shift: 'above' | 'below' | null
  /** Part of a trend of ≥ 6: which direction. */
  trend: 'up' | 'down' | null
}

export type Polarity = 'higher-better' | 'lower-better' | 'neutral'
/** Making Data Count variation icon, decided by the latest month. */
export type Variation = 'common' | 'improvement-high' | 'improvement-low' | 'concern-high' | 'concern-low' | 'neither-high' | 'neither-low' | 'none'
/** Making Data Count assurance icon: where the target lies against the latest month's limits. */
export type Assurance = 'pass' | 'fail' | 'hit-and-miss' | 'none'

export type SpcChart = {
  kind: 'u' | 'p'
  centre: number | null
  points: SpcPoint[]
  /** Months outside the limits. */
  signals: number
  shifts: number
  trends: number
  probabilityLimits: boolean
  variation: Variation
  assurance: Assurance
}

export const SHIFT_LENGTH = 7
export const TREND_LENGTH = 6
export const MIN_EXPECTED_FOR_SIGMA = 5
const SIGMA = 3
// Normal tail area beyond 3σ, one side: 1 − Φ(3).
const TAIL = 0.00134990

export type SpcOptions = { scale?: number; polarity?: Polarity; target?: number | null }

export function uChart(months: readonly SpcInput[], options: SpcOptions | number = {}): SpcChart {
  return chart('u', months, typeof options === 'number' ? { scale: options } : options)
}

export function pChart(months: readonly SpcInput[], options: SpcOptions = {}): SpcChart {
  return chart('p', months, { ...options, scale: 1 })
}

/** The count limits of one month from the count distribution (Montgomery's probability limits). */
export function probabilityLimits(kind: 'u' | 'p', centre: number, denominator: number): { lowerCount: number; upperCount: number } {
  const distribution = kind === 'u' ? poisson(centre * denominator) : binomial(denominator, centre)
  // Signal above when count > upperCount (P ≤ 0.135 %), below when count < lowerCount (P ≤ 0.135 %).
  return { lowerCount: distribution.quantile(TAIL), upperCount: distribution.quantile(1 - TAIL) }
}

function chart(kind: 'u' | 'p', months: readonly SpcInput[], options: SpcOptions): SpcChart {
  const scale = options.scale ?? 1
  const totalNumerator = months.reduce((sum, month) => sum + month.numerator, 0)
  const totalDenominator = months.reduce((sum, month) => sum + month.denominator, 0)
  const centre = totalDenominator > 0 ? totalNumerator / totalDenominator : null
  // Points are written out field by field: in Node 20's V8 an object spread followed by more fields
  // ({ ...month, value, … }) took ≈ 10 µs per point, most of the dashboard's CPU time for six charts
  // (docs/decisions/0036-benchmark-dashboard-time.md).
  const point = (month: SpcInput, fields: Pick<SpcPoint, 'value' | 'lower' | 'upper' | 'method' | 'signal'>): SpcPoint => ({
    period: month.period,
    numerator: month.numerator,
    denominator: month.denominator,
    value: fields.value,
    lower: fields.lower,
    upper: fields.upper,
    method: fields.method,
    signal: fields.signal,
    shift: null,
    trend: null,
  })
  const points = months.map((month): SpcPoint => {
    if (centre === null || month.denominator <= 0) return point(month, { value: null, lower: null, upper: null, method: null, signal: null })
    const value = month.numerator / month.denominator
    let lower: number
    let upper: number
    let method: LimitMethod
    if (centre * month.denominator < MIN_EXPECTED_FOR_SIGMA) {
      const { lowerCount, upperCount } = probabilityLimits(kind, centre, month.denominator)
      lower = lowerCount / month.denominator
      upper = upperCount / month.denominator
      method = 'probability'
    } else {
      const sigma = kind === 'u' ? Math.sqrt(centre / month.denominator) : Math.sqrt((centre * (1 - centre)) / month.denominator)
      lower = Math.max(0, centre - SIGMA * sigma)
      upper = kind === 'p' ? Math.min(1, centre + SIGMA * sigma) : centre + SIGMA * sigma
      method = 'sigma'
    }
    const signal = value > upper ? 'above' : value < lower ? 'below' : null
    return point(month, { value: value * scale, lower: lower * scale, upper: upper * scale, method, signal })
  })
  const scaledCentre = centre === null ? null : centre * scale
  markRuns(points, scaledCentre)
  const shown = points.filter((point) => point.value !== null)
  const countRuns = (key: 'shift' | 'trend') => shown.filter((point, i) => point[key] !== null && (i === 0 || shown[i - 1]?.[key] !== point[key])).length
  return {
    kind,
    centre: scaledCentre,
    points,
    signals: points.filter((point) => point.signal).length,
    shifts: countRuns('shift'),
    trends: countRuns('trend'),
    probabilityLimits: points.some((point) => point.method === 'probability'),
    variation: variationOf(shown, options.polarity ?? 'neutral'),
    assurance: assuranceOf(shown.at(-1), options.target ?? null, options.polarity ?? 'neutral', scale),
  }
}

/** Marks the points that belong to a shift or a trend (months without data are skipped, not breaks). */
export function markRuns(points: SpcPoint[], centre: number | null): void {
  const shown = points.filter((point): point is SpcPoint & { value: number } => point.value !== null)
  if (centre !== null) {
    let start = 0
    for (let i = 1; i <= shown.length; i++) {
      const side = (p: { value: number } | undefined) => (p === undefined ? 0 : Math.sign(p.value - centre))
      const current = side(shown[start])
      if (i < shown.length && current !== 0 && side(shown[i]) === current) continue
      if (current !== 0 && i - start >= SHIFT_LENGTH) for (let j = start; j < i; j++) (shown[j] as SpcPoint).shift = current > 0 ? 'above' : 'below'
      start = i
    }
  }
  let start = 0
  let direction = 0
  for (let i = 1; i <= shown.length; i++) {
    const step = i < shown.length ? Math.sign((shown[i] as { value: number }).value - (shown[i - 1] as { value: number }).value) : 0
    if (i < shown.length && step !== 0 && (direction === 0 || step === direction)) {
      direction = step
      continue
    }
    if (direction !== 0 && i - start >= TREND_LENGTH) for (let j = start; j < i; j++) (shown[j] as SpcPoint).trend = direction > 0 ? 'up' : 'down'
    // A change of direction starts a new run at the previous point; an equal value starts one at this point.
    start = step === 0 ? i : i - 1
    direction = step
  }
}

function variationOf(points: readonly SpcPoint[], polarity: Polarity): Variation {
  const last = points.at(-1)
  if (!last) return 'none'
  const high = last.signal === 'above' || last.shift === 'above' || last.trend === 'up'
  const low = last.signal === 'below' || last.shift === 'below' || last.trend === 'down'
  if (!high && !low) return 'common'
  const side = high ? 'high' : 'low'
  if (polarity === 'neutral') return `neither-${side}`
  const good = (polarity === 'higher-better') === high
  return `${good ? 'improvement' : 'concern'}-${side}`
}

function assuranceOf(last: SpcPoint | undefined, target: number | null, polarity: Polarity, scale: number): Assurance {
  if (!last || target === null || polarity === 'neutral' || last.lower === null || last.upper === null) return 'none'
  const scaledTarget = target * scale
  if (polarity === 'higher-better') return last.lower > scaledTarget ? 'pass' : last.upper < scaledTarget ? 'fail' : 'hit-and-miss'
  return last.upper < scaledTarget ? 'pass' : last.lower > scaledTarget ? 'fail' : 'hit-and-miss'
}

/** The icons' text alternatives (Making Data Count's wording, in Japanese). */
export const VARIATION_LABELS: Record<Variation, string> = {
  common: '共通原因による変動（特別な変化なし）',
  'improvement-high': '特殊原因による変動：改善（高い方向）',
  'improvement-low': '特殊原因による変動：改善（低い方向）',
  'concern-high': '特殊原因による変動：要注意（高い方向）',
  'concern-low': '特殊原因による変動：要注意（低い方向）',
  'neither-high': '特殊原因による変動（高い方向、良し悪しは判断しない指標）',
  'neither-low': '特殊原因による変動（低い方向、良し悪しは判断しない指標）',
  none: '判定できるデータがありません',
}

export const ASSURANCE_LABELS: Record<Assurance, string> = {
  pass: '目標を安定して達成する見込み',
  fail: '目標を安定して達成できない見込み（仕組みの見直しが必要）',
  'hit-and-miss': '目標を達成する月もしない月もある見込み',
  none: '目標なし',
}
