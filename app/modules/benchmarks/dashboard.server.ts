import { prisma } from '#app/lib/db.server.ts'
import { BREAKDOWNS, COUNT_KEYS, FIELD_BY_KEY, pickCounts, type Counts } from './fields.ts'
import { funnelCurve, funnelZone, type FunnelCurvePoint, type FunnelZone } from './funnel.ts'
import { computeMetric, METRIC_BY_KEY, METRICS, sumCounts, type MetricKey, type MetricValue } from './metrics.ts'
import { addMonths, isPeriod, monthCount, periodsBetween, previousPeriod, type Period } from './period.ts'
import { BED_BANDS, bedBand, MIN_PEERS, peerStats, positionLabel, type BedBand, type PeerStats } from './peers.ts'
import { pChart, uChart, type SpcChart } from './spc.ts'

/**
 * Everything /benchmarks shows for one hospital and a range of months. Peer figures come from one SQL
 * aggregate (sums per hospital over the range) and one pass in memory; nothing identifying another hospital —
 * its id, name or submitted counts — leaves this module (see docs/decisions/0010-benchmark-peer-statistics.md).
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
  const latest =
    (await prisma.benchmarkSubmission.findFirst({ where: { hospitalId }, orderBy: { period: 'desc' }, select: { period: true } })) ??
    (await prisma.benchmarkSubmission.findFirst({ orderBy: { period: 'desc' }, select: { period: true } }))
  const end = latest?.period ?? previousPeriod()
  const start = addMonths(end, -(DEFAULT_RANGE_MONTHS - 1))
  return { from: start, to: end, months: DEFAULT_RANGE_MONTHS }
}

export type MetricSummary = {
  key: MetricKey
  own: MetricValue
  band: PeerStats
  overall: PeerStats
  bandPosition: string | null
  /** For reporting volume and physician share: below the band's P25 (or the guide) is a warning sign. */
  lowWarning: boolean
}

export type FunnelView = {
  suppressed: boolean
  hospitals: number
  target: number | null
  curve: FunnelCurvePoint[]
  own: { volume: number; value: number; zone: FunnelZone } | null
  /** Other hospitals, anonymous and rounded: no id, no name, no counts; sorted by volume. */
  peers: { volume: number; value: number }[]
}

export type Dashboard = {
  range: DashboardRange
  metric: MetricKey
  band: BedBand | null
  bandLabel: string | null
  monthsSubmitted: number
  missingMonths: Period[]
  totals: { reports: number; patientDays: number; averageBeds: number | null }
  summaries: MetricSummary[]
  spc: SpcChart
  funnel: FunnelView
  breakdowns: { key: string; label: string; total: number; items: { key: string; label: string; count: number; share: number | null }[] }[]
}

type HospitalSums = { hospitalId: string; months: number; counts: Counts }

export async function sumsPerHospital(range: DashboardRange): Promise<HospitalSums[]> {
  const sum = Object.fromEntries(COUNT_KEYS.map((key) => [key, true])) as Record<(typeof COUNT_KEYS)[number], true>
  const groups = await prisma.benchmarkSubmission.groupBy({
    by: ['hospitalId'],
    where: { period: { gte: range.from, lte: range.to } },
    _sum: sum,
    _count: { _all: true },
  })
  return groups.map((group) => ({
    hospitalId: group.hospitalId,
    months: group._count._all,
    counts: Object.fromEntries(COUNT_KEYS.map((key) => [key, group._sum[key] ?? 0])) as Counts,
  }))
}

// Peer points are rounded before they leave the server: volume to 2 significant figures, value to the metric's
// digits (+1), so a point cannot be turned back into a hospital's submitted counts.
const roundSignificant = (value: number, digits = 2) => (value === 0 ? 0 : Number(value.toPrecision(digits)))
const roundTo = (value: number, digits: number) => Number(value.toFixed(digits))

export async function loadDashboard(input: { hospitalId: string; range: DashboardRange; metric: MetricKey }): Promise<Dashboard> {
  const { hospitalId, range, metric: metricKey } = input
  const metric = METRIC_BY_KEY[metricKey]
  const [rows, sums] = await Promise.all([
    prisma.benchmarkSubmission.findMany({ where: { hospitalId, period: { gte: range.from, lte: range.to } }, orderBy: { period: 'asc' } }),
    sumsPerHospital(range),
  ])
  const ownMonths = rows.map((row) => ({ period: row.period, counts: pickCounts(row) }))
  const ownCounts = sumCounts(ownMonths.map((month) => month.counts))
  const averageBeds = ownMonths.length ? ownCounts.beds / ownMonths.length : null
  const band = averageBeds === null ? null : bedBand(averageBeds)
  const bandOf = (h: HospitalSums) => bedBand(h.counts.beds / h.months)

  const summaries = METRICS.map((definition): MetricSummary => {
    const own = computeMetric(definition, ownCounts)
    const values = (group: HospitalSums[]) => group.map((h) => computeMetric(definition, h.counts).value).filter((v): v is number => v !== null)
    const bandStats = peerStats(values(band ? sums.filter((h) => bandOf(h) === band) : []))
    const overall = peerStats(values(sums))
    const lowGuide = definition.guides.length ? Math.min(...definition.guides.map((guide) => guide.value)) : null
    const lowWarning =
      definition.lowIsWarning &&
      own.value !== null &&
      ((!bandStats.suppressed && own.value < bandStats.p25) || (lowGuide !== null && own.value < lowGuide))
    return { key: definition.key, own, band: bandStats, overall, bandPosition: positionLabel(own.value, bandStats), lowWarning }
  })

  const spcInput = periodsBetween(range.from, range.to).flatMap((period) => {
    const month = ownMonths.find((m) => m.period === period)
    return month ? [{ period, numerator: metric.numerator(month.counts), denominator: metric.denominator(month.counts) }] : []
  })
  const spc = metric.kind === 'rate' ? uChart(spcInput, metric.scale) : pChart(spcInput)

  const breakdowns = BREAKDOWNS.map((breakdown) => ({
    key: breakdown.key,
    label: breakdown.label,
    total: ownCounts.reportsTotal,
    items: breakdown.keys.map((key) => ({
      key,
      label: FIELD_BY_KEY[key].label,
      count: ownCounts[key],
      share: ownCounts.reportsTotal > 0 ? ownCounts[key] / ownCounts.reportsTotal : null,
    })),
  }))

  const submitted = new Set(ownMonths.map((month) => month.period))
  return {
    range,
    metric: metricKey,
    band,
    bandLabel: band ? BED_BANDS[band] : null,
    monthsSubmitted: ownMonths.length,
    missingMonths: periodsBetween(range.from, range.to).filter((period) => !submitted.has(period)),
    totals: { reports: ownCounts.reportsTotal, patientDays: ownCounts.patientDays, averageBeds },
    summaries,
    spc,
    funnel: buildFunnel(metricKey, hospitalId, sums),
    breakdowns,
  }
}

function buildFunnel(metricKey: MetricKey, hospitalId: string, sums: HospitalSums[]): FunnelView {
  const metric = METRIC_BY_KEY[metricKey]
  const points = sums
    .map((h) => ({ hospitalId: h.hospitalId, numerator: metric.numerator(h.counts), volume: metric.denominator(h.counts) }))
    .filter((point) => point.volume > 0)
  if (points.length < MIN_PEERS) return { suppressed: true, hospitals: points.length, target: null, curve: [], own: null, peers: [] }
  const numerator = points.reduce((sum, point) => sum + point.numerator, 0)
  const volume = points.reduce((sum, point) => sum + point.volume, 0)
  const target = numerator / volume
  const volumes = points.map((point) => point.volume)
  const curve = funnelCurve(metric.kind, target, Math.min(...volumes) * 0.8, Math.max(...volumes) * 1.2, metric.scale)
  const ownPoint = points.find((point) => point.hospitalId === hospitalId)
  const digits = metric.kind === 'proportion' ? metric.digits + 3 : metric.digits + 1
  return {
    suppressed: false,
    hospitals: points.length,
    target: target * metric.scale,
    curve,
    own: ownPoint
      ? {
          volume: ownPoint.volume,
          value: (ownPoint.numerator / ownPoint.volume) * metric.scale,
          zone: funnelZone(metric.kind, target, ownPoint.volume, ownPoint.numerator / ownPoint.volume),
        }
      : null,
    peers: points
      .filter((point) => point.hospitalId !== hospitalId)
      .map((point) => ({ volume: roundSignificant(point.volume), value: roundTo((point.numerator / point.volume) * metric.scale, digits) }))
      .sort((a, b) => a.volume - b.volume || a.value - b.value),
  }
}
