/**
 * Funnel volumes of other hospitals leave the server only as bins on a 1–2–5 scale (…, 50–100, 100–200,
 * 200–500, 500–1,000, …). For reports per bed-year the volume is bed-years, which over a year is the bed count,
 * and bed counts are public: plotted exactly (or to 2 significant figures) they name the hospital. A bin holds
 * many hospitals; the point is drawn at the bin's geometric centre.
 */
export type VolumeBin = { from: number; to: number; centre: number }

const STEPS = [1, 2, 5, 10] as const

export function volumeBin(volume: number): VolumeBin {
  if (!(volume > 0)) return { from: 0, to: 0, centre: 0 }
  const decade = 10 ** Math.floor(Math.log10(volume))
  const mantissa = volume / decade
  let index = 0
  while (index < STEPS.length - 2 && mantissa >= (STEPS[index + 1] as number)) index += 1
  const from = (STEPS[index] as number) * decade
  const to = (STEPS[index + 1] as number) * decade
  // Rounded so that floating-point noise in 10^k does not print as 199.99999.
  const clean = (value: number) => Number(value.toPrecision(6))
  return { from: clean(from), to: clean(to), centre: clean(Math.sqrt(from * to)) }
}
