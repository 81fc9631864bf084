/**
 * Peer comparison: a hospital's value beside the distribution of the OTHER hospitals' values for the same closed
 * months, within its bed-size band (日本病院会 QI bands) and overall. Disclosure control (../shared/domain.md
 * "Disclosure control", docs/decisions/0035-benchmark-disclosure-control.md): the requesting hospital is never in
 * its own peer set; fewer than 5 others: nothing; 5–9: the median only; 10–19: also the quartiles; ≥ 20: also
 * P10/P90. With type-7 percentiles at n = 5 the five percentiles would give back all five values, and at n ≤ 10
 * P10/P90 mix in the minimum and maximum hospital.
 */
export const MIN_PEERS = 5
export const MIN_PEERS_QUARTILES = 10
export const MIN_PEERS_DECILES = 20

export type BedBand = 'small' | 'medium' | 'large'
export const BED_BANDS: Record<BedBand, string> = { small: '200床未満', medium: '200〜499床', large: '500床以上' }

export function bedBand(beds: number): BedBand {
  if (beds < 200) return 'small'
  if (beds < 500) return 'medium'
  return 'large'
}

export type PeerStats =
  | { suppressed: true; hospitals: number }
  | { suppressed: false; hospitals: number; median: number; p25: number | null; p75: number | null; p10: number | null; p90: number | null }

/**
 * The p-th percentile (0–1) of sorted values by linear interpolation between closest ranks (Hyndman & Fan
 * type 7, as Excel's PERCENTILE.INC): position (n − 1) × p.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) throw new Error('percentile of no values')
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const above = Math.ceil(position)
  const low = sorted[below] as number
  const high = sorted[above] as number
  return low + (high - low) * (position - below)
}

export function peerStats(values: readonly number[]): PeerStats {
  const finite = values.filter((value) => Number.isFinite(value))
  if (finite.length < MIN_PEERS) return { suppressed: true, hospitals: finite.length }
  // A typed array sorts numbers without a comparator call per step (12 sorts of up to 500 values per dashboard view).
  const sorted = Float64Array.from(finite).sort()
  const n = sorted.length
  return {
    suppressed: false,
    hospitals: n,
    median: percentile(sorted, 0.5),
    p25: n >= MIN_PEERS_QUARTILES ? percentile(sorted, 0.25) : null,
    p75: n >= MIN_PEERS_QUARTILES ? percentile(sorted, 0.75) : null,
    p10: n >= MIN_PEERS_DECILES ? percentile(sorted, 0.1) : null,
    p90: n >= MIN_PEERS_DECILES ? percentile(sorted, 0.9) : null,
  }
}

/** Where a value sits in the distribution, in words for the page. */
export function positionLabel(value: number | null, stats: PeerStats): string | null {
  if (value === null || stats.suppressed) return null
  if (stats.p10 !== null && value < stats.p10) return '下位10%未満'
  if (stats.p25 !== null && value < stats.p25) return '下位25%未満'
  if (stats.p90 !== null && value > stats.p90) return '上位10%'
  if (stats.p75 !== null && value > stats.p75) return '上位25%'
  if (stats.p25 !== null) return '中央50%の範囲'
  return value < stats.median ? '中央値より低い' : value > stats.median ? '中央値より高い' : '中央値と同じ'
}
