/**
 * Funnel volumes of other hospitals leave the server only as bins on a 1–2–5 scale (…, 50–100, 100–200,
 * 200–500, 500–1,000, …). For reports per bed-year the volume is bed-years, which over a year is the bed count,
 * and bed counts are public: plotted exactly (or to 2 significant figures) they name the hospital. A bin holds
 * many hospitals; the point is drawn at the bin's geometric centre.
 */
export type VolumeBin = { from: number; to: number; centre: number }

const STEPS = [1, 2, 5, 10] as const

// Rounded so that floating-point noise in 10^k does not print as 199.99999.
const clean = (value: number) => Number(value.toPrecision(6))

// The bins met so far, by decade and step: a funnel places hundreds of hospitals into a handful of bins.
const known = new Map<number, Readonly<VolumeBin>>()

export function volumeBin(volume: number): Readonly<VolumeBin> {
  if (!(volume > 0)) return { from: 0, to: 0, centre: 0 }
  const exponent = Math.floor(Math.log10(volume))
  const decade = 10 ** exponent
  const mantissa = volume / decade
  let index = 0
  while (index < STEPS.length - 2 && mantissa >= (STEPS[index + 1] as number)) index += 1
  const key = exponent * STEPS.length + index
  const found = known.get(key)
  if (found) return found
  const from = (STEPS[index] as number) * decade
  const to = (STEPS[index + 1] as number) * decade
  // Frozen: one object is shared by every hospital in the bin.
  const bin = Object.freeze({ from: clean(from), to: clean(to), centre: clean(Math.sqrt(from * to)) })
  known.set(key, bin)
  return bin
}
