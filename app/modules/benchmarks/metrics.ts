import { COUNT_KEYS, HARM_LEVEL_KEYS, type Counts } from './fields.ts'
import type { Period } from './period.ts'
import type { Polarity } from './spc.ts'

/**
 * The six risk-volume metrics (../shared/domain.md "Benchmark metrics"). Each is numerator ÷ denominator ×
 * scale, so one month and a range of months are computed the same way from summed counts:
 * - reports per bed-year: the denominator is bed-years, bed-days ÷ 365 with bed-days = beds × days in the month
 *   (../shared/domain.md: "Exposure per month is bed-days/365, not beds/12" — beds/12 reads a February 7.9 %
 *   low at the same daily rate). Over a range it is Σreports ÷ (Σbed-days ÷ 365).
 * - shares: numerator ÷ all reports (a proportion 0–1).
 * - falls: ÷ patient-days × 1,000.
 * "Rate" metrics get u-charts and Poisson funnels, "proportion" metrics p-charts and binomial funnels.
 */
export type MetricKey = 'reportsPerBedYear' | 'physicianShare' | 'level3bPlusShare' | 'fallsPer1000' | 'injuriousFallsPer1000' | 'medicationShare'

export type MetricKind = 'rate' | 'proportion'

/** Counts plus the month's bed-days (beds × days in the month), which a month's own figures cannot carry. */
export type Tally = Counts & { bedDays: number }
export type Guide = { value: number; label: string }

export type MetricDefinition = {
  key: MetricKey
  label: string
  short: string
  kind: MetricKind
  csvColumn: string
  numerator: (counts: Tally) => number
  denominator: (counts: Tally) => number
  scale: number
  numeratorLabel: string
  denominatorLabel: string
  /** How a value is written: "3.42 件/床・年", "6.1%". */
  unit: string
  digits: number
  guides: Guide[]
  guideNote: string
  /** For reporting volume, low is the warning sign (a quiet reporting culture), not a good result. */
  lowIsWarning: boolean
  /** Which direction is better, for the Making Data Count icons; neutral where a change is not good or bad per se. */
  polarity: Polarity
  /** The target the assurance icon tests (the metric's own unit before scaling); null: no accepted target. */
  target: number | null
}

const harm = (c: Counts) => HARM_LEVEL_KEYS.reduce((sum, key) => sum + c[key], 0)

export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'reportsPerBedYear',
    label: '病床あたり年間報告件数',
    short: '報告件数/床・年',
    kind: 'rate',
    csvColumn: 'reports_per_bed_year',
    numerator: (c) => c.reportsTotal,
    denominator: (c) => c.bedDays / 365,
    scale: 1,
    numeratorLabel: 'インシデント報告',
    denominatorLabel: '病床・年',
    unit: '件/床・年',
    digits: 2,
    guides: [
      { value: 5, label: '目安 5件' },
      { value: 3.3, label: '国内中央値 3.3件（2015）' },
    ],
    guideNote: '目安は1床あたり年5件。国内の中央値は2.7件（2011）→3.3件（2015）。報告が多いことは報告文化が根づいている表れで、少ないことが警告サインです。',
    lowIsWarning: true,
    polarity: 'higher-better',
    target: 5,
  },
  {
    key: 'physicianShare',
    label: '医師による報告の割合',
    short: '医師報告割合',
    kind: 'proportion',
    csvColumn: 'physician_share',
    numerator: (c) => c.byPhysician,
    denominator: (c) => c.reportsTotal,
    scale: 1,
    numeratorLabel: '医師・歯科医師の報告',
    denominatorLabel: '全報告',
    unit: '%',
    digits: 1,
    guides: [
      { value: 0.1, label: '目標 10%' },
      { value: 0.06, label: '実際によくみられる値 6%' },
    ],
    guideNote: '目標は約10%、実際には6%前後が多くみられます。医師の報告が少ないことは、医師が報告に参加していないサインです。',
    lowIsWarning: true,
    polarity: 'higher-better',
    target: 0.1,
  },
  {
    key: 'level3bPlusShare',
    label: 'レベル3b以上の割合',
    short: '3b以上割合',
    kind: 'proportion',
    csvColumn: 'level_3b_plus_share',
    numerator: harm,
    denominator: (c) => c.reportsTotal,
    scale: 1,
    numeratorLabel: 'レベル3b・4a・4b・5の報告',
    denominatorLabel: '全報告',
    unit: '%',
    digits: 1,
    guides: [
      { value: 0.02, label: '目安 2%' },
      { value: 0.03, label: '目安 3%' },
    ],
    guideNote: '目安は2〜3%。報告総数が少ないと、重大事象の割合は見かけ上高くなります。',
    lowIsWarning: false,
    polarity: 'neutral',
    target: null,
  },
  {
    key: 'fallsPer1000',
    label: '転倒・転落発生率',
    short: '転倒率',
    kind: 'rate',
    csvColumn: 'falls_per_1000_pd',
    numerator: (c) => c.falls,
    denominator: (c) => c.patientDays,
    scale: 1000,
    numeratorLabel: '入院患者の転倒・転落',
    denominatorLabel: '患者日',
    unit: '‰（1,000患者日あたり）',
    digits: 2,
    guides: [
      { value: 2.57, label: '国内平均 2.57‰（2013）' },
      { value: 3.7, label: '米国 約3.7‰' },
    ],
    guideNote: '国内平均 2.57‰（2013）、米国 約3.7‰。',
    lowIsWarning: false,
    polarity: 'lower-better',
    target: null,
  },
  {
    key: 'injuriousFallsPer1000',
    label: '損傷を伴う転倒・転落発生率（レベル3b以上）',
    short: '損傷転倒率',
    kind: 'rate',
    csvColumn: 'injurious_falls_per_1000_pd',
    numerator: (c) => c.fallsInjury,
    denominator: (c) => c.patientDays,
    scale: 1000,
    numeratorLabel: 'レベル3b以上の転倒・転落',
    denominatorLabel: '患者日',
    unit: '‰（1,000患者日あたり）',
    digits: 3,
    guides: [{ value: 0.05, label: 'レベル4以上 約0.05‰' }],
    guideNote: 'ここではレベル3b以上を数えます。参考値の約0.05‰はレベル4以上の値なので、これより高く出るのが普通です。',
    lowIsWarning: false,
    polarity: 'lower-better',
    target: null,
  },
  {
    key: 'medicationShare',
    label: '薬剤に関する報告の割合',
    short: '薬剤割合',
    kind: 'proportion',
    csvColumn: 'medication_share',
    numerator: (c) => c.catMedication,
    denominator: (c) => c.reportsTotal,
    scale: 1,
    numeratorLabel: '薬剤の報告',
    denominatorLabel: '全報告',
    unit: '%',
    digits: 1,
    guides: [],
    guideNote: '確立した目標値はありません。自院の推移と同規模病院の分布を比べてください。',
    lowIsWarning: false,
    polarity: 'neutral',
    target: null,
  },
]

export const METRIC_BY_KEY = Object.fromEntries(METRICS.map((metric) => [metric.key, metric])) as Record<MetricKey, MetricDefinition>

export function isMetricKey(value: string | null | undefined): value is MetricKey {
  return !!value && value in METRIC_BY_KEY
}

/** A metric's value with what it was computed from (every figure shows its denominator). */
export type MetricValue = { value: number | null; numerator: number; denominator: number }

export function computeMetric(metric: MetricDefinition, counts: Tally): MetricValue {
  const numerator = metric.numerator(counts)
  const denominator = metric.denominator(counts)
  return { value: denominator > 0 ? (numerator / denominator) * metric.scale : null, numerator, denominator }
}

export function computeAll(counts: Tally): Record<MetricKey, MetricValue> {
  return Object.fromEntries(METRICS.map((metric) => [metric.key, computeMetric(metric, counts)])) as Record<MetricKey, MetricValue>
}

export function daysInMonth(period: Period): number {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** One month's counts with its bed-days. */
export function tally(counts: Counts, period: Period): Tally {
  return { ...counts, bedDays: counts.beds * daysInMonth(period) }
}

/** Adds up months (or hospitals) field by field, bed-days included. */
export function sumTallies(rows: readonly Tally[]): Tally {
  const total = { ...(Object.fromEntries(COUNT_KEYS.map((key) => [key, 0])) as Counts), bedDays: 0 }
  for (const row of rows) {
    for (const key of COUNT_KEYS) total[key] += row[key]
    total.bedDays += row.bedDays
  }
  return total
}

// The named formula of the issue, for readers and tests: reports ÷ (beds × days ÷ 365).
export const reportsPerBedYear = (reports: number, beds: number, days: number) => (beds > 0 && days > 0 ? reports / ((beds * days) / 365) : null)

/** Writes a value in the metric's unit: shares as percentages, rates with their digits. */
export function formatMetric(metric: MetricDefinition, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (metric.kind === 'proportion') return `${(value * 100).toFixed(metric.digits)}%`
  return value.toFixed(metric.digits)
}

/** The unit after a formatted value ("%" is already part of a formatted share). */
export function metricUnit(metric: MetricDefinition): string {
  return metric.kind === 'proportion' ? '' : ` ${metric.unit}`
}

/** Denominators are shown as written: bed-years with one decimal, counts as whole numbers. */
export function formatDenominator(metric: MetricDefinition, denominator: number): string {
  const number = metric.key === 'reportsPerBedYear' ? denominator.toLocaleString('ja-JP', { maximumFractionDigits: 1 }) : Math.round(denominator).toLocaleString('ja-JP')
  return `${number} ${metric.denominatorLabel}`
}
