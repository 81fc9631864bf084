import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { BREAKDOWNS, COUNT_KEYS, emptyCounts, FIELD_BY_KEY, pickCounts, type Counts } from './fields.ts'
import { expectedCount, funnelCurve, funnelZone, MIN_EXPECTED, overdispersion, type FunnelCurvePoint, type FunnelZone, type Overdispersion } from './funnel.ts'
import { computeMetric, METRIC_BY_KEY, METRICS, sumTallies, tally, type MetricKey, type MetricValue, type Tally } from './metrics.ts'
import { addMonths, isPeriod, monthCount, periodsBetween, previousPeriod, type Period } from './period.ts'
import { BED_BANDS, bedBand, MIN_PEERS, peerStats, positionLabel, type BedBand, type PeerStats } from './peers.ts'
import { pChart, uChart, type SpcChart } from './spc.ts'
import { volumeBin, type VolumeBin } from './volume-bins.ts'

/**
 * Everything /benchmarks shows for one hospital and a range of months. The hospital's own figures are read live;
 * everything about other hospitals comes only from closed months (closes.server.ts), without the requesting
 * hospital, and leaves this module only as tiered percentiles and as funnel points with a binned volume, a
 * rounded value and no identity (docs/decisions/0035-benchmark-disclosure-control.md).
 */
export const MAX_RANGE_MONTHS = 60
export const DEFAULT_RANGE_MONTHS = 12

export type DashboardRange = { from: Period; to: Period; months: number }

/** The range asked for in the URL if it makes sense, otherwise the last 12 months the hospital has data for. */
export async function resolveRange(hospitalId: string, from: string | null, to: string | null): Promise<DashboardRange> {
  if (from && to && isPeriod(from) && isPeriod(to) && from <= to) {
    const clampedFrom = monthCount(from, to) > MAX_RANGE_MONTHS ? addMonths(to, -(MAX_RANGE_MONTHS - 1)) : from
    return { from: clampedFrom, to, months: monthCount(clampedFrom, to) }
  }
  // One round trip, both maxima from the (hospitalId, period) and period indexes.
  const [row] = await prisma.$queryRaw<{ latest: Period | null }[]>`
    SELECT coalesce((SELECT max("period") FROM "BenchmarkSubmission" WHERE "hospitalId" = ${hospitalId}),
                    (SELECT max("period") FROM "BenchmarkSubmission")) AS latest`
  const end = row?.latest ?? previousPeriod()
  const start = addMonths(end, -(DEFAULT_RANGE_MONTHS - 1))
  return { from: start, to: end, months: DEFAULT_RANGE_MONTHS }
}

export type MetricSummary = {
  key: MetricKey
  own: MetricValue
  band: PeerStats
  overall: PeerStats
  bandPosition: string | null
  /** For reporting volume and physician share: below the band's P25 / median (or the guide) is a warning sign. */
  lowWarning: boolean
  /** The Making Data Count icons of the metric's own control chart over the range. */
  variation: SpcChart['variation']
  assurance: SpcChart['assurance']
}

export type FunnelPeer = { bin: VolumeBin; volume: number; value: number; zone: FunnelZone; lowExpected: boolean }

export type FunnelView = {
  suppressed: boolean
  /** Other hospitals with data in the closed months of the range. */
  hospitals: number
  target: number | null
  curve: FunnelCurvePoint[]
  overdispersion: Pick<Overdispersion, 'phi' | 'statistic' | 'critical' | 'overdispersed' | 'tau2'> | null
  own: { volume: number; value: number; zone: FunnelZone; lowExpected: boolean } | null
  /** Other hospitals, anonymous: volume only as a bin (plotted at its centre), value rounded; sorted. */
  peers: FunnelPeer[]
}

export type Dashboard = {
  range: DashboardRange
  metric: MetricKey
  band: BedBand | null
  bandLabel: string | null
  /** The hospital's registered beds (admin-kept), which decide the band. */
  registeredBeds: number | null
  monthsSubmitted: number
  missingMonths: Period[]
  /** The closed months in the range: the only months peer figures come from. */
  closedMonths: number
  closedThrough: Period | null
  totals: { reports: number; patientDays: number; averageBeds: number | null }
  summaries: MetricSummary[]
  spc: SpcChart
  funnel: FunnelView
  breakdowns: { key: string; label: string; total: number; items: { key: string; label: string; count: number; share: number | null }[] }[]
}

export type PeerSums = { hospitalId: string; band: BedBand; tally: Tally }

/** The frozen sums of one hospital over some closed months, as either query returns them. */
type PeerRow = {
  hospitalId: string
  beds: number
  reports: number
  physicianReports: number
  harmReports: number
  medicationReports: number
  falls: number
  injuriousFalls: number
  patientDays: number
  bedDays: number
}

// One zero tally copied for every peer (Object.fromEntries per peer was a visible part of the loader's CPU time).
const ZERO_COUNTS: Readonly<Counts> = Object.freeze(emptyCounts())

/** Only the fields the six metrics read are frozen; the harm levels are carried as one sum in level3b. */
function toPeerSums(row: PeerRow): PeerSums {
  const tally: Tally = {
    ...ZERO_COUNTS,
    reportsTotal: row.reports,
    byPhysician: row.physicianReports,
    level3b: row.harmReports,
    catMedication: row.medicationReports,
    falls: row.falls,
    fallsInjury: row.injuriousFalls,
    patientDays: row.patientDays,
    bedDays: row.bedDays,
  }
  return { hospitalId: row.hospitalId, band: bedBand(row.beds), tally }
}

/**
 * Other hospitals' sums over the closed months of the range, each with the band of its registered beds; the
 * requesting hospital is left out in SQL. Read from the running totals kept at each close: the totals at the
 * range's last closed month minus those at the last closed month before the range, two index lookups per hospital
 * whatever the range's length (docs/decisions/0036-benchmark-dashboard-time.md). A hospital with no frozen month
 * in the range (the months counter does not move) has no data there and is not a peer. Ordered by hospital, so the
 * pooled target and φ̂ (floating-point sums over the peers) come out the same on every read.
 */
export async function peerSums(range: DashboardRange, excludeHospitalId: string): Promise<PeerSums[]> {
  const rows = await prisma.$queryRaw<PeerRow[]>`
    WITH bounds AS (
      SELECT (SELECT max("period") FROM "BenchmarkClose" WHERE "period" >= ${range.from} AND "period" <= ${range.to}) AS last_in,
             (SELECT max("period") FROM "BenchmarkClose" WHERE "period" < ${range.from}) AS last_before
    )
    SELECT hi."hospitalId", h."beds",
           hi."reports" - coalesce(lo."reports", 0) AS "reports",
           hi."physicianReports" - coalesce(lo."physicianReports", 0) AS "physicianReports",
           hi."harmReports" - coalesce(lo."harmReports", 0) AS "harmReports",
           hi."medicationReports" - coalesce(lo."medicationReports", 0) AS "medicationReports",
           hi."falls" - coalesce(lo."falls", 0) AS "falls",
           hi."injuriousFalls" - coalesce(lo."injuriousFalls", 0) AS "injuriousFalls",
           hi."patientDays" - coalesce(lo."patientDays", 0) AS "patientDays",
           hi."bedDays" - coalesce(lo."bedDays", 0) AS "bedDays"
    FROM bounds
    JOIN "BenchmarkPeerCumulative" hi ON hi."period" = bounds.last_in
    JOIN "Hospital" h ON h."id" = hi."hospitalId"
    LEFT JOIN "BenchmarkPeerCumulative" lo ON lo."period" = bounds.last_before AND lo."hospitalId" = hi."hospitalId"
    WHERE hi."hospitalId" <> ${excludeHospitalId} AND hi."months" > coalesce(lo."months", 0)
    ORDER BY hi."hospitalId"`
  return rows.map(toPeerSums)
}

/**
 * The same sums by their definition: a GROUP BY over the frozen months of the range (the dashboard's read before
 * decision 0036). Kept as the reference the running totals are tested against, and as the baseline `npm run bench`
 * measures beside them.
 */
export async function peerSumsByMonth(range: DashboardRange, excludeHospitalId: string): Promise<PeerSums[]> {
  const [groups, hospitals] = await Promise.all([
    prisma.benchmarkPeerClose.groupBy({
      by: ['hospitalId'],
      where: { period: { gte: range.from, lte: range.to }, hospitalId: { not: excludeHospitalId } },
      orderBy: { hospitalId: 'asc' },
      _sum: { reports: true, physicianReports: true, harmReports: true, medicationReports: true, falls: true, injuriousFalls: true, patientDays: true, bedDays: true },
    }),
    prisma.hospital.findMany({ select: { id: true, beds: true } }),
  ])
  const beds = new Map(hospitals.map((hospital) => [hospital.id, hospital.beds]))
  return groups.flatMap((group) => {
    const registered = beds.get(group.hospitalId)
    if (registered === undefined) return []
    const sum = group._sum
    return [
      toPeerSums({
        hospitalId: group.hospitalId,
        beds: registered,
        reports: sum.reports ?? 0,
        physicianReports: sum.physicianReports ?? 0,
        harmReports: sum.harmReports ?? 0,
        medicationReports: sum.medicationReports ?? 0,
        falls: sum.falls ?? 0,
        injuriousFalls: sum.injuriousFalls ?? 0,
        patientDays: sum.patientDays ?? 0,
        bedDays: sum.bedDays ?? 0,
      }),
    ]
  })
}

// Peer values are rounded before they leave the server (to the metric's digits + 1, shares + 3).
const roundTo = (value: number, digits: number) => Number(value.toFixed(digits))

type OwnMonthRow = Counts & { period: Period }
// Every submitted figure (the breakdowns need them all). Column names from the field list, never from input.
const OWN_COLUMNS = Prisma.join(COUNT_KEYS.map((key) => Prisma.raw(`"${key}"`)))

/** How the other hospitals' sums are read: the running totals, or (tests, the bench's baseline) their definition. */
export type PeerReader = (range: DashboardRange, excludeHospitalId: string) => Promise<PeerSums[]>

export async function loadDashboard(input: { hospitalId: string; range: DashboardRange; metric: MetricKey }, readPeers: PeerReader = peerSums): Promise<Dashboard> {
  const { hospitalId, range, metric: metricKey } = input
  const metric = METRIC_BY_KEY[metricKey]
  // Raw SQL for the dashboard's reads: through Prisma's query compiler each of these cost ≈ 1–2.5 ms of CPU per
  // view, as much as all the statistics together (docs/decisions/0036-benchmark-dashboard-time.md).
  const [[facts], rows, peers] = await Promise.all([
    // The registered beds and the closed months of the range, in one round trip.
    prisma.$queryRaw<{ beds: number | null; closes: Period[] }[]>`
      SELECT (SELECT "beds" FROM "Hospital" WHERE "id" = ${hospitalId}) AS beds,
             ARRAY(SELECT "period" FROM "BenchmarkClose" WHERE "period" >= ${range.from} AND "period" <= ${range.to} ORDER BY "period") AS closes`,
    prisma.$queryRaw<OwnMonthRow[]>`
      SELECT "period", ${OWN_COLUMNS} FROM "BenchmarkSubmission"
      WHERE "hospitalId" = ${hospitalId} AND "period" >= ${range.from} AND "period" <= ${range.to}
      ORDER BY "period"`,
    readPeers(range, hospitalId),
  ])
  const closes = facts?.closes ?? []
  const ownMonths = rows.map((row) => ({ period: row.period, tally: tally(pickCounts(row), row.period) }))
  const own = sumTallies(ownMonths.map((month) => month.tally))
  const averageBeds = ownMonths.length ? own.beds / ownMonths.length : null
  // The band comes from the registered beds an admin keeps, never from submitted figures.
  const registeredBeds = facts?.beds ?? null
  const band = registeredBeds === null ? null : bedBand(registeredBeds)

  const periods = periodsBetween(range.from, range.to)
  const monthByPeriod = new Map(ownMonths.map((month) => [month.period, month]))
  const chartFor = (definition: (typeof METRICS)[number]) => {
    const input = periods.flatMap((period) => {
      const month = monthByPeriod.get(period)
      return month ? [{ period, numerator: definition.numerator(month.tally), denominator: definition.denominator(month.tally) }] : []
    })
    const options = { scale: definition.scale, polarity: definition.polarity, target: definition.target }
    return definition.kind === 'rate' ? uChart(input, options) : pChart(input, options)
  }

  const summaries = METRICS.map((definition): MetricSummary => {
    const ownValue = computeMetric(definition, own)
    // Each peer's value once, into the overall list and (same band) the band's list.
    const overallValues: number[] = []
    const bandValues: number[] = []
    for (const peer of peers) {
      const value = computeMetric(definition, peer.tally).value
      if (value === null) continue
      overallValues.push(value)
      if (peer.band === band) bandValues.push(value)
    }
    const bandStats = peerStats(bandValues)
    const overall = peerStats(overallValues)
    const lowGuide = definition.guides.length ? Math.min(...definition.guides.map((guide) => guide.value)) : null
    const bandLow = bandStats.suppressed ? null : (bandStats.p25 ?? bandStats.median)
    const lowWarning = definition.lowIsWarning && ownValue.value !== null && ((bandLow !== null && ownValue.value < bandLow) || (lowGuide !== null && ownValue.value < lowGuide))
    const chart = definition.key === metricKey ? null : chartFor(definition)
    const icons = chart ?? { variation: 'none' as const, assurance: 'none' as const }
    return { key: definition.key, own: ownValue, band: bandStats, overall, bandPosition: positionLabel(ownValue.value, bandStats), lowWarning, variation: icons.variation, assurance: icons.assurance }
  })
  const spc = chartFor(metric)
  const selected = summaries.find((s) => s.key === metricKey)
  if (selected) Object.assign(selected, { variation: spc.variation, assurance: spc.assurance })

  const breakdowns = BREAKDOWNS.map((breakdown) => ({
    key: breakdown.key,
    label: breakdown.label,
    total: own.reportsTotal,
    items: breakdown.keys.map((key) => ({
      key,
      label: FIELD_BY_KEY[key].label,
      count: own[key],
      share: own.reportsTotal > 0 ? own[key] / own.reportsTotal : null,
    })),
  }))

  const submitted = new Set(ownMonths.map((month) => month.period))
  return {
    range,
    metric: metricKey,
    band,
    bandLabel: band ? BED_BANDS[band] : null,
    registeredBeds,
    monthsSubmitted: ownMonths.length,
    missingMonths: periods.filter((period) => !submitted.has(period)),
    closedMonths: closes.length,
    closedThrough: closes.at(-1) ?? null,
    totals: { reports: own.reportsTotal, patientDays: own.patientDays, averageBeds },
    summaries,
    spc,
    funnel: buildFunnel(metricKey, own, peers),
    breakdowns,
  }
}

/**
 * The funnel: target, limits and over-dispersion from the other hospitals (closed months); the own point from
 * its live figures. Nothing is drawn from fewer than MIN_PEERS others.
 */
export function buildFunnel(metricKey: MetricKey, own: Tally, peers: readonly PeerSums[]): FunnelView {
  const metric = METRIC_BY_KEY[metricKey]
  const points = peers.map((h) => ({ numerator: metric.numerator(h.tally), volume: metric.denominator(h.tally) })).filter((point) => point.volume > 0)
  const empty: FunnelView = { suppressed: true, hospitals: points.length, target: null, curve: [], overdispersion: null, own: null, peers: [] }
  if (points.length < MIN_PEERS) return empty
  const target = points.reduce((sum, point) => sum + point.numerator, 0) / points.reduce((sum, point) => sum + point.volume, 0)
  const dispersion = overdispersion(metric.kind, target, points)
  const tau2 = dispersion.tau2
  const ownVolume = metric.denominator(own)
  const ownPoint =
    ownVolume > 0
      ? {
          volume: ownVolume,
          value: (metric.numerator(own) / ownVolume) * metric.scale,
          zone: funnelZone(metric.kind, target, ownVolume, metric.numerator(own) / ownVolume, tau2),
          lowExpected: expectedCount(target, ownVolume) < MIN_EXPECTED,
        }
      : null
  const digits = metric.kind === 'proportion' ? metric.digits + 3 : metric.digits + 1
  const peerPoints = points
    .map((point): FunnelPeer => {
      const bin = volumeBin(point.volume)
      const value = point.numerator / point.volume
      return {
        bin,
        volume: bin.centre,
        value: roundTo(value * metric.scale, digits),
        zone: funnelZone(metric.kind, target, point.volume, value, tau2),
        lowExpected: expectedCount(target, point.volume) < MIN_EXPECTED,
      }
    })
    .sort((a, b) => a.volume - b.volume || a.value - b.value)
  // The curve spans whole bins (and the own volume), never a peer's exact smallest or largest volume.
  const edges = peerPoints.flatMap((point) => [point.bin.from, point.bin.to])
  const minVolume = Math.min(...edges, ...(ownPoint ? [ownPoint.volume] : []))
  const maxVolume = Math.max(...edges, ...(ownPoint ? [ownPoint.volume] : []))
  return {
    suppressed: false,
    hospitals: points.length,
    target: target * metric.scale,
    curve: funnelCurve(metric.kind, target, minVolume, maxVolume, metric.scale, 40, tau2),
    overdispersion: { phi: dispersion.phi, statistic: dispersion.statistic, critical: dispersion.critical, overdispersed: dispersion.overdispersed, tau2: tau2 * metric.scale ** 2 },
    own: ownPoint,
    peers: peerPoints,
  }
}
