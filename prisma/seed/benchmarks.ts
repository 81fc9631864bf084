/**
 * Demo data for risk-volume benchmarking: 40 fictional hospitals across the three bed bands with 24 months each
 * (up to last month), plausible around the reference values of ../shared/domain.md. Includes the demo members'
 * hospitals (みなと中央病院, さくら台総合病院) so the demo accounts see full dashboards. Deterministic (seeded
 * random numbers) and idempotent: hospitals are matched by name, months by (hospital, period) and never overwritten;
 * the months that are due are then closed (closes.server.ts), so peer figures show at once.
 *
 * Each hospital has a profile — acute, psychiatric or rehabilitation — with its own mix of impact levels and
 * categories (psychiatric and rehabilitation wards report mostly 療養上の世話 and fall more, with fewer reports at
 * 3b or above), and its own reporting culture and fall rate, so the hospitals differ by more than chance
 * (over-dispersion, as real data does). Every month passes the submission rules: the 3b+ falls are counted among
 * the 3b+ reports and the falls among the 療養上の世話 reports.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { closeDueMonths } from '#app/modules/benchmarks/closes.server.ts'
import { CATEGORY_KEYS, LEVEL_KEYS, PROFESSION_KEYS, type Counts, type CountKey } from '#app/modules/benchmarks/fields.ts'
import { addMonths, previousPeriod } from '#app/modules/benchmarks/period.ts'

export type SeedProfile = 'acute' | 'psychiatric' | 'rehabilitation'
type SeedHospital = { name: string; prefecture: string; beds: number; type: 'GENERAL' | 'REGIONAL_SUPPORT' | 'SPECIAL_FUNCTION' | 'PSYCHIATRIC' }

/** Mixes by profile: levels 0,1,2,3a,3b,4a,4b,5,other; categories as CATEGORY_KEYS (療養上の世話 7th). */
const PROFILES: Record<SeedProfile, { reportsPerBedYear: number; fallsPerThousand: number; levels: number[]; categories: number[] }> = {
  acute: { reportsPerBedYear: 3.6, fallsPerThousand: 2.5, levels: [0.15, 0.5, 0.2, 0.12, 0.018, 0.003, 0.001, 0.001, 0.007], categories: [0.3, 0.005, 0.1, 0.05, 0.15, 0.08, 0.25, 0.065] },
  psychiatric: { reportsPerBedYear: 2.6, fallsPerThousand: 3.0, levels: [0.2, 0.55, 0.17, 0.06, 0.012, 0.002, 0.001, 0.0005, 0.0045], categories: [0.24, 0, 0.02, 0.01, 0.02, 0.03, 0.48, 0.2] },
  rehabilitation: { reportsPerBedYear: 4.0, fallsPerThousand: 3.4, levels: [0.12, 0.55, 0.22, 0.09, 0.012, 0.002, 0.0005, 0.0005, 0.005], categories: [0.2, 0, 0.05, 0.03, 0.03, 0.02, 0.55, 0.12] },
}

export function profileOf(hospital: { name: string; type: string }, index: number): SeedProfile {
  if (hospital.type === 'PSYCHIATRIC') return 'psychiatric'
  // Every fifth invented hospital (not the large regional ones) is a rehabilitation hospital.
  return index >= 6 && index % 5 === 3 && hospital.type === 'GENERAL' ? 'rehabilitation' : 'acute'
}

// The demo hospitals of prisma/seed.ts (same names and beds), then invented ones. All names are fictional.
const demoHospitals: SeedHospital[] = [
  { name: 'みなと中央病院', prefecture: '愛知県', beds: 452, type: 'REGIONAL_SUPPORT' },
  { name: 'さくら台総合病院', prefecture: '岐阜県', beds: 186, type: 'GENERAL' },
  { name: '東海みらい大学病院', prefecture: '愛知県', beds: 812, type: 'SPECIAL_FUNCTION' },
  { name: 'しおかぜ記念病院', prefecture: '三重県', beds: 298, type: 'GENERAL' },
  { name: 'ひかり野こころの病院', prefecture: '静岡県', beds: 240, type: 'PSYCHIATRIC' },
  { name: 'あおば北総合医療センター', prefecture: '宮城県', beds: 560, type: 'REGIONAL_SUPPORT' },
]
const prefixes = ['あさひ', 'かえで', 'みずほ', 'つばさ', 'ひばり', 'わかば', 'こもれび', 'はなみずき', 'いずみ', 'なぎさ', 'ゆうなぎ', 'ほしぞら', 'みどり野', 'しらかば', 'あかね', 'さざなみ', 'やまびこ']
const suffixes = ['総合病院（デモ）', '医療センター（デモ）']
const prefectures = ['愛知県', '岐阜県', '三重県', '静岡県', '長野県', '滋賀県', '大阪府', '東京都']

export const BENCHMARK_DEMO_HOSPITALS: SeedHospital[] = [
  ...demoHospitals,
  ...Array.from({ length: 34 }, (_, i): SeedHospital => {
    const random = mulberry32(1000 + i)
    const band = i % 3
    const beds = band === 0 ? 60 + Math.round(random() * 135) : band === 1 ? 200 + Math.round(random() * 290) : 500 + Math.round(random() * 450)
    return {
      name: `${prefixes[i % prefixes.length]}${suffixes[Math.floor(i / prefixes.length)]}`,
      prefecture: prefectures[i % prefectures.length] ?? '愛知県',
      beds,
      type: band === 2 ? 'REGIONAL_SUPPORT' : i % 5 === 1 ? 'PSYCHIATRIC' : 'GENERAL',
    }
  }),
]

export const BENCHMARK_DEMO_MONTHS = 24

export async function seedBenchmarks(prisma: PrismaClient, now: Date = new Date()) {
  const last = previousPeriod(now)
  let created = 0
  for (const [index, hospital] of BENCHMARK_DEMO_HOSPITALS.entries()) {
    const row = await prisma.hospital.upsert({ where: { name: hospital.name }, update: {}, create: hospital })
    // A few invented hospitals have not sent last month yet, so the admin coverage page has something to remind.
    const end = index >= demoHospitals.length && index % 7 === 3 ? addMonths(last, -1) : last
    const months = Array.from({ length: BENCHMARK_DEMO_MONTHS }, (_, i) => addMonths(end, -(BENCHMARK_DEMO_MONTHS - 1) + i))
    const data = generateMonths(hospital, index, months).map(({ period, counts }) => ({ hospitalId: row.id, period, ...counts }))
    created += (await prisma.benchmarkSubmission.createMany({ data, skipDuplicates: true })).count
  }
  const closed = await closeDueMonths(now, prisma)
  console.log(`Benchmarks demo data: ${BENCHMARK_DEMO_HOSPITALS.length} hospitals, ${created} new months, ${closed.length} months closed.`)
}

/** Plausible months for one hospital: its profile, its own reporting culture, physician share and fall rate, with noise. */
export function generateMonths(hospital: { name: string; beds: number; type?: string }, index: number, periods: string[]): { period: string; counts: Counts }[] {
  const random = mulberry32(7919 * (index + 1))
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const profile = PROFILES[profileOf({ name: hospital.name, type: hospital.type ?? 'GENERAL' }, index)]
  const reportsPerBedYear = Math.min(8, Math.max(1.2, profile.reportsPerBedYear * Math.exp(0.3 * normal())))
  const physicianShare = Math.min(0.14, Math.max(0.02, 0.065 + 0.02 * normal()))
  const fallsPerThousand = Math.min(6, Math.max(1.2, profile.fallsPerThousand * Math.exp(0.16 * normal())))
  const injuryShare = 0.03 + 0.03 * random()
  const occupancy = 0.72 + random() * 0.18
  return periods.map((period, m) => {
    const [year, month] = period.split('-').map(Number) as [number, number]
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const beds = hospital.beds
    const patientDays = Math.round(beds * days * Math.min(0.98, occupancy + 0.03 * normal()))
    // みなと中央病院: a month with a burst of falls eight months before the end, so its u-chart shows a signal.
    const fallBurst = index === 0 && m === periods.length - 8 ? 2.2 : 1
    const reportsTotal = Math.max(1, poissonSample((beds * days * reportsPerBedYear) / 365, random, normal))
    // Falls are reported, under 療養上の世話; the injurious ones are among the 3b+ reports.
    const falls = Math.min(reportsTotal, poissonSample((patientDays * fallsPerThousand * fallBurst) / 1000, random, normal))
    const fallsInjury = Math.min(falls, poissonSample(falls * injuryShare, random, normal))
    const levels = allocate(reportsTotal - fallsInjury, profile.levels, random)
    levels[4] = (levels[4] ?? 0) + fallsInjury
    const professions = allocate(reportsTotal, [physicianShare, 0.76 - physicianShare, 0.09, 0.02, 0.02, 0.02, 0.09], random)
    const categories = allocate(reportsTotal - falls, profile.categories, random)
    categories[6] = (categories[6] ?? 0) + falls
    const counts = { beds, patientDays, reportsTotal, falls, fallsInjury } as Counts
    const assign = (keys: readonly CountKey[], values: number[]) => keys.forEach((key, i) => (counts[key] = values[i] ?? 0))
    assign(LEVEL_KEYS, levels)
    assign(PROFESSION_KEYS, professions)
    assign(CATEGORY_KEYS, categories)
    return { period, counts }
  })
}

/** A Poisson count: by inversion for small means, by the normal approximation above 50 (demo data only). */
function poissonSample(mean: number, random: () => number, normal: () => number): number {
  if (!(mean > 0)) return 0
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()))
  let k = 0
  let p = Math.exp(-mean)
  let cumulative = p
  const u = random()
  while (u > cumulative && k < 1000) {
    k += 1
    p *= mean / k
    cumulative += p
  }
  return k
}

/** Splits a total into whole numbers by jittered weights; the parts always add up to the total. */
function allocate(total: number, weights: number[], random: () => number): number[] {
  const jittered = weights.map((weight) => weight * (0.8 + 0.4 * random()))
  const sum = jittered.reduce((a, b) => a + b, 0)
  const exact = jittered.map((weight) => (weight / sum) * total)
  const parts = exact.map(Math.floor)
  let remainder = total - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((value, i) => ({ i, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction)
  for (const { i } of order) {
    if (remainder <= 0) break
    parts[i] = (parts[i] ?? 0) + 1
    remainder -= 1
  }
  return parts
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
