/**
 * Peer comparison: a hospital's value beside the distribution of all hospitals' values for the same months,
 * within its bed-size band (日本病院会 QI bands) and overall. Statistics from fewer than MIN_PEERS hospitals
 * are never computed or shown (they could identify a hospital): the caller gets `{ suppressed: true }`.
 */
export const MIN_PEERS = 5

export type BedBand = 'small' | 'medium' | 'large'
export const BED_BANDS: Record<BedBand, string> = { small: '200床未満', medium: '200〜499床', large: '500床以上' }

export function bedBand(beds: number): BedBand {
  if (beds < 200) return 'small'
  if (beds < 500) return 'medium'
  return 'large'
}

export type PeerStats =
  | { suppressed: true; hospitals: number }
  | { suppressed: false; hospitals: number; p10: number; p25: number; median: number; p75: number; p90: number }

/**
 * The p-th percentile (0–1) of sorted values by linear interpolation between closest ranks (Hyndman & Fan
 * type 7, as Excel's PERCENTILE.INC): position (n − 1) × p.
 */
export function percentile(sorted: readonly number[], p: number): number {
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
  const sorted = [...finite].sort((a, b) => a - b)
  return {
    suppressed: false,
    hospitals: sorted.length,
    p10: percentile(sorted, 0.1),
    p25: percentile(sorted, 0.25),
    median: percentile(sorted, 0.5),
    p75: percentile(sorted, 0.75),
    p90: percentile(sorted, 0.9),
  }
}

/** Where a value sits in the distribution, in words for the page. */
export function positionLabel(value: number | null, stats: PeerStats): string | null {
  if (value === null || stats.suppressed) return null
  if (value < stats.p10) return '下位10%未満'
  if (value < stats.p25) return '下位25%未満'
  if (value <= stats.p75) return '中央50%の範囲'
  if (value <= stats.p90) return '上位25%'
  return '上位10%'
}
