/**
 * Decision 0036: the dashboard reads other hospitals' sums from running totals kept at each close
 * (BenchmarkPeerCumulative) instead of adding up the frozen months on every view. These tests hold the running
 * totals to their definition — the GROUP BY over the frozen months (`peerSumsByMonth`) — for every range, with the
 * awkward cases the close meets: months nobody submitted (never closed), hospitals with gaps, old months closed
 * after later ones (late first figures, an admin's early close), a hospital whose first frozen month is such a late
 * one, a hospital removed after its months were frozen, and two closes at once.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { closeDueMonths, closeMonthNow } from '#app/modules/benchmarks/closes.server.ts'
import { loadDashboard, peerSums, peerSumsByMonth, type DashboardRange, type PeerSums } from '#app/modules/benchmarks/dashboard.server.ts'
import type { MetricKey } from '#app/modules/benchmarks/metrics.ts'
import { addMonths, monthCount, periodsBetween } from '#app/modules/benchmarks/period.ts'
import { generateMonths } from '#prisma/seed/benchmarks.ts'
import { createUser } from '#tests/fixtures/auth.ts'

const FIRST = '2020-01'
const LAST = '2021-03'
const ALL = periodsBetween(FIRST, LAST)
// Nobody submits this month in the first round, so it stays open while later months close.
const GAP = '2020-08'
// First round: from here on (the months before arrive late).
const FIRST_ROUND_FROM = '2020-04'

type Hospital = { id: string; name: string; beds: number }
let hospitals: Hospital[]
let lateComer: Hospital
let removed: Hospital

async function submit(hospital: Hospital, index: number, periods: string[]) {
  const data = generateMonths({ ...hospital, type: 'GENERAL' }, index, periods).map(({ period, counts }) => ({ hospitalId: hospital.id, period, ...counts }))
  await prisma.benchmarkSubmission.createMany({ data })
}

/** The running totals as stored, against the sums over the frozen months up to each closed month. */
async function runningTotalsMatchTheirDefinition() {
  const stored = await prisma.benchmarkPeerCumulative.findMany({ orderBy: [{ period: 'asc' }, { hospitalId: 'asc' }] })
  const expected = await prisma.$queryRaw<typeof stored>`
    SELECT c."period", f."hospitalId", count(*)::int AS "months", sum(f."reports")::int AS "reports",
           sum(f."physicianReports")::int AS "physicianReports", sum(f."harmReports")::int AS "harmReports",
           sum(f."medicationReports")::int AS "medicationReports", sum(f."falls")::int AS "falls",
           sum(f."injuriousFalls")::int AS "injuriousFalls", sum(f."patientDays")::int AS "patientDays", sum(f."bedDays")::int AS "bedDays"
    FROM "BenchmarkClose" c JOIN "BenchmarkPeerClose" f ON f."period" <= c."period"
    GROUP BY c."period", f."hospitalId" ORDER BY c."period", f."hospitalId"`
  expect(stored.length).toBeGreaterThan(0)
  expect(stored).toEqual(expected)
}

const byHospital = (sums: PeerSums[]) => [...sums].sort((a, b) => a.hospitalId.localeCompare(b.hospitalId))

/** Every range inside FIRST − 2 … LAST + 2 (open months on both sides included). */
function everyRange(): DashboardRange[] {
  const periods = periodsBetween(addMonths(FIRST, -2), addMonths(LAST, 2))
  return periods.flatMap((from, i) => periods.slice(i).map((to) => ({ from, to, months: monthCount(from, to) })))
}

async function peerSumsMatchTheirDefinition(excluded: Hospital) {
  const ranges = everyRange()
  expect(ranges.length).toBeGreaterThan(150)
  let nonEmpty = 0
  for (const range of ranges) {
    const [fast, reference] = await Promise.all([peerSums(range, excluded.id), peerSumsByMonth(range, excluded.id)])
    expect(byHospital(fast), `${range.from}…${range.to}`).toEqual(byHospital(reference))
    expect(fast.some((peer) => peer.hospitalId === excluded.id)).toBe(false)
    if (fast.length) nonEmpty += 1
  }
  // The check above would pass on two empty answers; most ranges hold closed months.
  expect(nonEmpty).toBeGreaterThan(ranges.length / 2)
}

beforeAll(async () => {
  const beds = [45, 120, 199, 200, 310, 499, 500, 640, 920, 150, 260, 380]
  hospitals = await Promise.all(
    beds.map((count, i) => prisma.hospital.create({ data: { name: `累計確認${i}`, prefecture: '愛知県', beds: count, type: 'GENERAL' }, select: { id: true, name: true, beds: true } })),
  )
  lateComer = hospitals[10] as Hospital
  removed = hospitals[11] as Hospital
  // First round: every hospital but the late comer, with gaps (each skips a different month), nobody in GAP.
  for (const [index, hospital] of hospitals.entries()) {
    if (hospital === lateComer) continue
    const months = periodsBetween(FIRST_ROUND_FROM, LAST).filter((period, i) => period !== GAP && i !== index + 1)
    await submit(hospital, index, months)
  }
  await closeDueMonths()
})

describe('running totals at the close', () => {
  test('after the months closed in order: each closed month holds the sums over the frozen months up to it', async () => {
    expect(await prisma.benchmarkClose.findUnique({ where: { period: GAP } })).toBeNull()
    await runningTotalsMatchTheirDefinition()
  })

  test('old months closed after later ones (late first figures, an admin closing early, a first-time hospital) are added into every later total', async () => {
    // Late figures for the three months before the first round and for GAP; the late comer's only month is 2020-02.
    for (const [index, hospital] of hospitals.slice(0, 6).entries()) await submit(hospital, index, ['2020-01', '2020-03', GAP])
    await submit(lateComer, 10, ['2020-02'])
    const admin = await createUser({ role: 'ADMIN' })
    const early = await closeMonthNow({ period: '2020-03', actorId: admin.id, request: new Request('http://localhost/admin/benchmarks', { method: 'POST' }) })
    expect(early).toMatchObject({ ok: true, hospitals: 6 })
    // Two closes at once (two dashboard views after the 15th): each month is frozen once, totals still add up.
    const [a, b] = await Promise.all([closeDueMonths(), closeDueMonths()])
    expect([...a, ...b].sort()).toEqual(['2020-01', '2020-02', GAP])
    const lateRows = await prisma.benchmarkPeerCumulative.findMany({ where: { hospitalId: lateComer.id }, select: { period: true, months: true } })
    // From 2020-02 on, every closed month carries the late comer's one frozen month.
    expect(lateRows.map((row) => row.period).sort()).toEqual(ALL.filter((period) => period >= '2020-02'))
    expect(lateRows.every((row) => row.months === 1)).toBe(true)
    await runningTotalsMatchTheirDefinition()
  })

  test('every range gives the same peer sums as adding up the frozen months, without the requesting hospital', async () => {
    await peerSumsMatchTheirDefinition(hospitals[3] as Hospital)
    await peerSumsMatchTheirDefinition(lateComer)
  })

  test('a hospital removed after its months were frozen is no longer a peer either way', async () => {
    await prisma.hospital.delete({ where: { id: removed.id } })
    const range = { from: FIRST, to: LAST, months: monthCount(FIRST, LAST) }
    const fast = await peerSums(range, (hospitals[0] as Hospital).id)
    expect(fast.some((peer) => peer.hospitalId === removed.id)).toBe(false)
    expect(byHospital(fast)).toEqual(byHospital(await peerSumsByMonth(range, (hospitals[0] as Hospital).id)))
  })

  test('the whole dashboard is the same from the running totals as from the frozen months', async () => {
    const cases: [string, string, MetricKey][] = [
      [FIRST, LAST, 'reportsPerBedYear'],
      ['2020-06', '2020-11', 'physicianShare'],
      [GAP, GAP, 'fallsPer1000'],
      ['2020-02', '2021-01', 'injuriousFallsPer1000'],
      ['2019-10', '2020-02', 'level3bPlusShare'],
    ]
    for (const [from, to, metric] of cases) {
      for (const hospital of [hospitals[1], hospitals[7], lateComer] as Hospital[]) {
        const input = { hospitalId: hospital.id, range: { from, to, months: monthCount(from, to) }, metric }
        expect(await loadDashboard(input), `${hospital.name} ${from}…${to} ${metric}`).toEqual(await loadDashboard(input, peerSumsByMonth))
      }
    }
  })

  test('the close copies the submitted figures exactly (reduced to the six metrics), harm levels summed', async () => {
    const submission = await prisma.benchmarkSubmission.findFirstOrThrow({ where: { period: '2020-05' } })
    const frozen = await prisma.benchmarkPeerClose.findUniqueOrThrow({ where: { period_hospitalId: { period: '2020-05', hospitalId: submission.hospitalId } } })
    expect(frozen).toMatchObject({
      reports: submission.reportsTotal,
      physicianReports: submission.byPhysician,
      harmReports: submission.level3b + submission.level4a + submission.level4b + submission.level5,
      medicationReports: submission.catMedication,
      falls: submission.falls,
      injuriousFalls: submission.fallsInjury,
      patientDays: submission.patientDays,
      // May has 31 days.
      bedDays: submission.beds * 31,
    })
  })
})
