/**
 * Demo data for risk-volume benchmarking: 40 fictional hospitals across the three bed bands with 24 months each
 * (up to last month), plausible around the reference values of ../shared/domain.md. Includes the demo members'
 * hospitals (みなと中央病院, さくら台総合病院) so the demo accounts see full dashboards. Deterministic (seeded
 * random numbers) and idempotent: hospitals are matched by name, months by (hospital, period) and never overwritten.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { CATEGORY_KEYS, LEVEL_KEYS, PROFESSION_KEYS, type Counts, type CountKey } from '#app/modules/benchmarks/fields.ts'
import { addMonths, previousPeriod } from '#app/modules/benchmarks/period.ts'

type SeedHospital = { name: string; prefecture: string; beds: number; type: 'GENERAL' | 'REGIONAL_SUPPORT' | 'SPECIAL_FUNCTION' | 'PSYCHIATRIC' }

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
      type: band === 2 ? 'REGIONAL_SUPPORT' : 'GENERAL',
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
  console.log(`Benchmarks demo data: ${BENCHMARK_DEMO_HOSPITALS.length} hospitals, ${created} new months.`)
}

/** Plausible months for one hospital: its own reporting culture, physician share and fall rate, with noise. */
export function generateMonths(hospital: { name: string; beds: number }, index: number, periods: string[]): { period: string; counts: Counts }[] {
  const random = mulberry32(7919 * (index + 1))
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const reportsPerBedYear = Math.min(8, Math.max(1.2, 3.4 * Math.exp(0.35 * normal())))
  const physicianShare = Math.min(0.14, Math.max(0.02, 0.065 + 0.025 * normal()))
  const fallsPerThousand = Math.min(4.5, Math.max(1.2, 2.6 + 0.6 * normal()))
  const occupancy = 0.72 + random() * 0.18
  return periods.map((period, m) => {
    const [year, month] = period.split('-').map(Number) as [number, number]
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
    const beds = hospital.beds
    const patientDays = Math.round(beds * days * Math.min(0.98, occupancy + 0.03 * normal()))
    // みなと中央病院: a month with a burst of falls eight months before the end, so its u-chart shows a signal.
    const fallBurst = index === 0 && m === periods.length - 8 ? 2.2 : 1
    const reportsTotal = Math.max(1, Math.round(((beds * reportsPerBedYear) / 12) * (1 + 0.08 * normal())))
    const levels = allocate(reportsTotal, [0.15, 0.5, 0.2, 0.12, 0.018, 0.003, 0.001, 0.001, 0.007], random)
    const professions = allocate(reportsTotal, [physicianShare, 0.76 - physicianShare, 0.09, 0.02, 0.02, 0.02, 0.09], random)
    const categories = allocate(reportsTotal, [0.3, 0.005, 0.1, 0.05, 0.15, 0.08, 0.25, 0.065], random)
    const falls = Math.max(0, Math.round((patientDays * fallsPerThousand * fallBurst * (1 + 0.12 * normal())) / 1000))
    const fallsInjury = Math.min(falls, Math.round(falls * (0.03 + 0.04 * random())))
    const counts = { beds, patientDays, reportsTotal, falls, fallsInjury } as Counts
    const assign = (keys: readonly CountKey[], values: number[]) => keys.forEach((key, i) => (counts[key] = values[i] ?? 0))
    assign(LEVEL_KEYS, levels)
    assign(PROFESSION_KEYS, professions)
    assign(CATEGORY_KEYS, categories)
    return { period, counts }
  })
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
