import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BreakdownBarChart, PeerPercentileChart } from '#app/components/charts/bar-charts.tsx'
import { ChartFigure } from '#app/components/charts/client-only.tsx'
import { FunnelPlot } from '#app/components/charts/funnel-chart.tsx'
import { SpcLineChart } from '#app/components/charts/spc-chart.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterSelect } from '#app/components/ui/filters.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { hospitalQuery, requireBenchmarkScope } from '#app/modules/benchmarks/access.server.ts'
import { CLOSE_DAY, closeDueMonths } from '#app/modules/benchmarks/closes.server.ts'
import { loadDashboard, resolveRange, type Dashboard, type MetricSummary } from '#app/modules/benchmarks/dashboard.server.ts'
import { formatDenominator, formatMetric, isMetricKey, METRIC_BY_KEY, METRICS, metricUnit, type MetricDefinition } from '#app/modules/benchmarks/metrics.ts'
import { MIN_PEERS, MIN_PEERS_DECILES, MIN_PEERS_QUARTILES, type PeerStats } from '#app/modules/benchmarks/peers.ts'
import { ASSURANCE_LABELS, VARIATION_LABELS, type Assurance, type SpcPoint, type Variation } from '#app/modules/benchmarks/spc.ts'
import { formatPeriod } from '#app/modules/benchmarks/period.ts'

export const meta: MetaFunction = () => [{ title: 'リスク量・ベンチマーキング | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const scope = await requireBenchmarkScope(request, url.searchParams.get('hospital'))
  const metricParam = url.searchParams.get('metric')
  const metric = isMetricKey(metricParam) ? metricParam : 'reportsPerBedYear'
  const base = { hospital: scope.hospital, hospitals: scope.hospitals, canChooseHospital: scope.canChooseHospital, query: hospitalQuery(scope) }
  if (!scope.hospital) return { ...base, dashboard: null, closeDay: CLOSE_DAY }
  // Months whose close is due are frozen before peer figures are read (no scheduler needed); the range does not
  // depend on the close, so both go out at once (one round trip less per view, docs/decisions/0036).
  const [, range] = await Promise.all([closeDueMonths(), resolveRange(scope.hospital.id, url.searchParams.get('from'), url.searchParams.get('to'))])
  const dashboard = await loadDashboard({ hospitalId: scope.hospital.id, range, metric })
  return { ...base, dashboard, closeDay: CLOSE_DAY }
}

export default function BenchmarksDashboard() {
  const { hospital, hospitals, canChooseHospital, query, dashboard, closeDay } = useLoaderData<typeof loader>()
  const withQuery = (path: string, extra = '') => {
    const params = [query, extra].filter(Boolean).join('&')
    return params ? `${path}?${params}` : path
  }
  return (
    <section className="benchmarks">
      <div className="page-header">
        <h1>リスク量・ベンチマーキング</h1>
        {hospital ? (
          <div className="row">
            <Link to={withQuery('/benchmarks/submit')} className="button button--primary">
              月次データを入力
            </Link>
            <Link to={withQuery('/benchmarks/import')} className="button">
              CSVで取り込む
            </Link>
            <a href={withQuery('/benchmarks/export.csv')} className="button button--quiet">
              CSVを書き出す
            </a>
          </div>
        ) : null}
      </div>

      {canChooseHospital ? (
        <Form method="get" className="filters" aria-label="表示する病院">
          <FilterSelect name="hospital" label="病院（管理者）" value={hospital?.id} options={hospitals.map((h) => [h.id, h.name] as const)} anyLabel={null} />
          <button type="submit" className="button">
            切り替える
          </button>
        </Form>
      ) : null}

      {!hospital ? (
        <div className="notice notice--warning">
          <p>
            所属病院が登録されていないため、ベンチマークを表示できません。
            <Link to="/settings/profile">プロフィール</Link>で所属病院を選ぶと、自院のデータの登録と同規模病院との比較ができるようになります。
          </p>
          <p className="small">所属病院が一覧にない場合は、QSO事務局にご連絡ください。</p>
        </div>
      ) : dashboard ? (
        <DashboardView hospitalName={hospital.name} dashboard={dashboard} withQuery={withQuery} query={query} closeDay={closeDay} />
      ) : null}
    </section>
  )
}

function DashboardView({
  hospitalName,
  dashboard,
  withQuery,
  query,
  closeDay,
}: {
  hospitalName: string
  dashboard: Dashboard
  withQuery: (path: string, extra?: string) => string
  query: string
  closeDay: number
}) {
  const { range } = dashboard
  const metric = METRIC_BY_KEY[dashboard.metric]
  const summary = dashboard.summaries.find((s) => s.key === dashboard.metric) as MetricSummary
  const rangeQuery = `from=${range.from}&to=${range.to}`
  const format = (value: number) => formatMetric(metric, value)
  const hasData = dashboard.monthsSubmitted > 0
  return (
    <>
      <Form method="get" className="filters" aria-label="表示する期間">
        {query ? <input type="hidden" name="hospital" value={new URLSearchParams(query).get('hospital') ?? ''} /> : null}
        <input type="hidden" name="metric" value={dashboard.metric} />
        <div className="field">
          <label htmlFor="from">開始月</label>
          <input id="from" name="from" type="month" defaultValue={range.from} />
        </div>
        <div className="field">
          <label htmlFor="to">終了月</label>
          <input id="to" name="to" type="month" defaultValue={range.to} />
        </div>
        <button type="submit" className="button">
          期間を変更
        </button>
      </Form>

      <p>
        <strong>{hospitalName}</strong> {formatPeriod(range.from)}〜{formatPeriod(range.to)}（{range.months}か月）のうち
        <strong>{dashboard.monthsSubmitted}か月分</strong>のデータ
        {dashboard.bandLabel ? `・比較する規模帯: ${dashboard.bandLabel}（登録病床数 ${formatNumber(dashboard.registeredBeds ?? 0)}床）` : ''}
      </p>
      {!hasData ? (
        <p className="notice notice--warning">
          この期間のデータがありません。<Link to={withQuery('/benchmarks/submit')}>月次データを入力</Link>するか、
          <Link to={withQuery('/benchmarks/import')}>CSVで取り込んで</Link>ください。
        </p>
      ) : dashboard.missingMonths.length ? (
        <p className="notice notice--warning">
          未登録の月があります: {dashboard.missingMonths.map(formatPeriod).join('、')}。未登録の月は集計に含まれません。
        </p>
      ) : null}
      <p className="notice small">
        報告件数が多いことは、安全でない病院ではなく<strong>報告する文化が根づいている</strong>ことを示します。報告が少ないことこそが警告サインです。
        比較対象は自院を除く他院だけで、他院は匿名です。他院が{MIN_PEERS}施設未満なら何も表示せず（「比較対象が不足」）、{MIN_PEERS}〜{MIN_PEERS_QUARTILES - 1}施設では中央値のみ、
        {MIN_PEERS_QUARTILES}施設以上で四分位、{MIN_PEERS_DECILES}施設以上で10・90パーセンタイルも表示します。
      </p>
      <p className="small muted">
        他院の値は、毎月{closeDay}日に前月分を締めた時点のデータ（締め済みの月: {dashboard.closedMonths}か月
        {dashboard.closedThrough ? `、${formatPeriod(dashboard.closedThrough)}分まで` : ''}）から計算します。締めた後の修正は比較に反映されません。自院の値は最新の入力です。
        規模帯は管理者が登録した病床数で決まります。
      </p>

      <h2>指標の一覧</h2>
      <ul className="benchmark-cards">
        {dashboard.summaries.map((s) => (
          <MetricCard key={s.key} summary={s} selected={s.key === dashboard.metric} href={withQuery('/benchmarks', `${rangeQuery}&metric=${s.key}`)} />
        ))}
      </ul>

      <h2 id="metric-detail">{metric.label}</h2>
      <nav aria-label="表示する指標" className="row">
        {METRICS.map((m) => (
          <Link
            key={m.key}
            to={withQuery('/benchmarks', `${rangeQuery}&metric=${m.key}`)}
            className="button button--small button--quiet"
            aria-current={m.key === dashboard.metric ? 'page' : undefined}
          >
            {m.short}
          </Link>
        ))}
      </nav>
      <p className="small muted">
        定義: {metric.numeratorLabel} ÷ {metric.denominatorLabel}
        {metric.scale !== 1 ? ` × ${formatNumber(metric.scale)}` : ''}。{metric.guideNote}
      </p>

      <div className="benchmark-grid">
        <ChartFigure
          title={`自院の推移（${metric.kind === 'rate' ? 'u管理図' : 'p管理図'}）`}
          summary={`${metric.label}の月別推移。中心線 ${dashboard.spc.centre === null ? 'なし' : format(dashboard.spc.centre)}、管理限界外の月 ${dashboard.spc.signals}か月、シフト ${dashboard.spc.shifts}回、トレンド ${dashboard.spc.trends}回。${VARIATION_LABELS[dashboard.spc.variation]}。`}
          chart={() => <SpcLineChart points={dashboard.spc.points} centre={dashboard.spc.centre} guides={metric.guides} format={format} />}
          table={<SpcTable dashboard={dashboard} metric={metric} />}
        />
        {dashboard.spc.signals || dashboard.spc.shifts || dashboard.spc.trends ? (
          <p className="notice notice--warning small">
            {dashboard.spc.signals ? `管理限界の外にある月が ${dashboard.spc.signals}か月あります（赤い点）。` : ''}
            {dashboard.spc.shifts ? `中心線の片側に7か月以上続く「シフト」が ${dashboard.spc.shifts}回あります。` : ''}
            {dashboard.spc.trends ? `6か月以上続けて上がる（下がる）「トレンド」が ${dashboard.spc.trends}回あります。` : ''}
            その時期に何が起きたかを確認してください。
          </p>
        ) : null}
        {dashboard.spc.probabilityLimits ? (
          <p className="small muted">
            期待件数が月5件未満の月は、±3σではなくポアソン分布（割合は二項分布）の確率限界（0.135%・99.865%点）を使っています。まれな事象で偽のシグナルが出ないようにするためです。
          </p>
        ) : null}

        <ChartFigure
          title="同規模病院・全体との比較（パーセンタイル）"
          summary={peerSummary(metric, summary)}
          chart={() => (
            <PeerPercentileChart
              rows={percentileRows(summary.band, summary.overall)}
              own={summary.own.value}
              format={format}
            />
          )}
          table={<PeerTable summary={summary} metric={metric} bandLabel={dashboard.bandLabel} />}
        />

        {dashboard.funnel.suppressed ? (
          <div className="card">
            <h3>ファンネルプロット</h3>
            <p className="badge">比較対象が不足</p>
            <p className="small">締め済みの月のデータがある他院が{MIN_PEERS}施設未満（{dashboard.funnel.hospitals}施設）のため表示しません。</p>
          </div>
        ) : (
          <>
            <FunnelNotes dashboard={dashboard} metric={metric} />
            <ChartFigure
              title="ファンネルプロット（自院と他院、95%・99.8%管理限界）"
              summary={funnelSummary(metric, dashboard)}
              height={320}
              chart={() => (
                <FunnelPlot
                  curve={dashboard.funnel.curve}
                  peers={dashboard.funnel.peers}
                  own={dashboard.funnel.own}
                  target={dashboard.funnel.target}
                  format={format}
                  volumeLabel={metric.denominatorLabel}
                />
              )}
              table={<FunnelTable dashboard={dashboard} metric={metric} />}
            />
          </>
        )}
      </div>

      <h2>内訳（{formatPeriod(range.from)}〜{formatPeriod(range.to)}）</h2>
      <div className="benchmark-grid">
        {dashboard.breakdowns.map((breakdown) => (
          <ChartFigure
            key={breakdown.key}
            title={`${breakdown.label}（分母: 全報告 ${formatNumber(breakdown.total)}件）`}
            summary={`${breakdown.label}の件数。${breakdown.items.map((item) => `${item.label} ${item.count}件`).join('、')}`}
            height={breakdown.items.length * 28 + 40}
            chart={() => <BreakdownBarChart items={breakdown.items} />}
            table={
              <table className="data-table">
                <caption className="visually-hidden">{breakdown.label}の件数と割合</caption>
                <thead>
                  <tr>
                    <th scope="col">区分</th>
                    <th scope="col">件数</th>
                    <th scope="col">割合（分母 {formatNumber(breakdown.total)}件）</th>
                  </tr>
                </thead>
                <tbody>
                  {breakdown.items.map((item) => (
                    <tr key={item.key}>
                      <th scope="row">{item.label}</th>
                      <td>{formatNumber(item.count)}件</td>
                      <td>{item.share === null ? '—' : `${(item.share * 100).toFixed(1)}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        ))}
      </div>
    </>
  )
}

function MetricCard({ summary, selected, href }: { summary: MetricSummary; selected: boolean; href: string }) {
  const metric = METRIC_BY_KEY[summary.key]
  const bandMedian = summary.band.suppressed ? null : summary.band.median
  return (
    <li className={`card benchmark-card${selected ? ' benchmark-card--selected' : ''}`}>
      <h3>
        <Link to={`${href}#metric-detail`}>{metric.label}</Link>
      </h3>
      <p className="benchmark-card__value">
        {formatMetric(metric, summary.own.value)}
        <span className="small">{metricUnit(metric)}</span>
      </p>
      <p className="small muted">
        {metric.numeratorLabel} {formatNumber(summary.own.numerator)}件 ／ 分母 {formatDenominator(metric, summary.own.denominator)}
      </p>
      <p className="small">
        同規模の他院の中央値:{' '}
        {bandMedian === null ? <span className="badge">比較対象が不足</span> : `${formatMetric(metric, bandMedian)}（${summary.band.hospitals}施設）`}
        {summary.bandPosition ? ` ・ ${summary.bandPosition}` : ''}
      </p>
      <p className="benchmark-card__icons">
        <SpcIcon kind="variation" value={summary.variation} />
        <SpcIcon kind="assurance" value={summary.assurance} />
      </p>
      {metric.guides.length ? <p className="small muted">参考: {metric.guides.map((guide) => guide.label).join('、')}</p> : null}
      {summary.lowWarning ? (
        <p className="notice notice--warning small">
          {summary.key === 'reportsPerBedYear' ? '報告件数が少なめです。報告しやすい環境づくりを見直すサインかもしれません。' : '医師からの報告が少なめです。医師が報告に参加しやすい仕組みを検討してください。'}
        </p>
      ) : null}
    </li>
  )
}

const PERCENTILES = [
  ['P10', 'p10'],
  ['P25', 'p25'],
  ['中央値', 'median'],
  ['P75', 'p75'],
  ['P90', 'p90'],
] as const

function percentileRows(band: PeerStats, overall: PeerStats) {
  return PERCENTILES.map(([label, key]) => ({ label, band: band.suppressed ? null : band[key], overall: overall.suppressed ? null : overall[key] }))
}

/**
 * Making Data Count's variation and assurance icons, drawn as small labelled badges with a text alternative
 * (the icon's letter is decorative; the label says what it means).
 */
const VARIATION_ICON: Record<Variation, { letter: string; tone: string }> = {
  common: { letter: '〜', tone: 'common' },
  'improvement-high': { letter: 'H', tone: 'improvement' },
  'improvement-low': { letter: 'L', tone: 'improvement' },
  'concern-high': { letter: 'H', tone: 'concern' },
  'concern-low': { letter: 'L', tone: 'concern' },
  'neither-high': { letter: 'H', tone: 'neither' },
  'neither-low': { letter: 'L', tone: 'neither' },
  none: { letter: '—', tone: 'none' },
}
const ASSURANCE_ICON: Record<Assurance, { letter: string; tone: string }> = {
  pass: { letter: 'P', tone: 'improvement' },
  fail: { letter: 'F', tone: 'concern' },
  'hit-and-miss': { letter: '?', tone: 'neither' },
  none: { letter: '—', tone: 'none' },
}

function SpcIcon({ kind, value }: { kind: 'variation' | 'assurance'; value: Variation | Assurance }) {
  const icon = kind === 'variation' ? VARIATION_ICON[value as Variation] : ASSURANCE_ICON[value as Assurance]
  const label = kind === 'variation' ? `変動: ${VARIATION_LABELS[value as Variation]}` : `目標: ${ASSURANCE_LABELS[value as Assurance]}`
  return (
    <span className={`spc-icon spc-icon--${icon.tone}`} title={label}>
      <span aria-hidden="true">{icon.letter}</span>
      <span className="spc-icon__text small">{label}</span>
    </span>
  )
}

function judgement(point: SpcPoint): string {
  const parts = [
    point.signal === 'above' ? '上方に外れ' : point.signal === 'below' ? '下方に外れ' : null,
    point.shift ? `シフト（中心線より${point.shift === 'above' ? '上' : '下'}）` : null,
    point.trend ? `トレンド（${point.trend === 'up' ? '上昇' : '下降'}）` : null,
  ].filter(Boolean)
  return parts.length ? parts.join('・') : '管理限界内'
}

function FunnelNotes({ dashboard, metric }: { dashboard: Dashboard; metric: MetricDefinition }) {
  const { funnel } = dashboard
  const lowExpected = funnel.peers.filter((peer) => peer.lowExpected).length + (funnel.own?.lowExpected ? 1 : 0)
  return (
    <div className="small stack">
      {funnel.overdispersion?.overdispersed ? (
        <p className="notice small">
          病院間のばらつきが偶然で説明できる範囲より大きいため（過分散 φ̂ = {funnel.overdispersion.phi.toFixed(2)}、検定統計量 {funnel.overdispersion.statistic.toFixed(1)} ＞ χ²の95%点{' '}
          {funnel.overdispersion.critical.toFixed(1)}）、管理限界を病院間の分散 τ² で広げています（Spiegelhalter 2005 の加法的ランダム効果法）。
        </p>
      ) : (
        <p className="muted small">管理限界はポアソン分布（割合は二項分布）の正確な限界です（Spiegelhalter 2005）。過分散は認められません。</p>
      )}
      {lowExpected ? <p className="muted small">灰色の薄い点は期待件数が5件未満で、1件の違いで大きく動くため参考値です（{lowExpected}施設）。</p> : null}
      <p className="muted small">他院の{metric.denominatorLabel}は病院が特定されないよう幅（1・2・5刻み）で示し、点はその幅の中央に置いています。</p>
    </div>
  )
}

function peerSummary(metric: MetricDefinition, summary: MetricSummary): string {
  const own = `自院 ${formatMetric(metric, summary.own.value)}`
  const band = summary.band.suppressed ? '同規模病院は比較対象が不足' : `同規模病院の中央値 ${formatMetric(metric, summary.band.median)}（${summary.band.hospitals}施設）`
  const overall = summary.overall.suppressed ? '全体は比較対象が不足' : `全体の中央値 ${formatMetric(metric, summary.overall.median)}（${summary.overall.hospitals}施設）`
  return `${own}、${band}、${overall}`
}

function funnelSummary(metric: MetricDefinition, dashboard: Dashboard): string {
  const own = dashboard.funnel.own
  const zone = own ? ZONE_LABELS[own.zone] : '自院のデータなし'
  return `他院${dashboard.funnel.hospitals}施設と自院の${metric.label}と${metric.denominatorLabel}。自院は${zone}。`
}

const ZONE_LABELS = {
  within: '95%管理限界の内側',
  above95: '95%上限を超えている（99.8%上限の内側）',
  below95: '95%下限を下回っている（99.8%下限の内側）',
  above998: '99.8%上限を超えている',
  below998: '99.8%下限を下回っている',
} as const

function SpcTable({ dashboard, metric }: { dashboard: Dashboard; metric: MetricDefinition }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{metric.label}の月別の値と管理限界</caption>
        <thead>
          <tr>
            <th scope="col">月</th>
            <th scope="col">値</th>
            <th scope="col">分子</th>
            <th scope="col">分母</th>
            <th scope="col">下方管理限界</th>
            <th scope="col">上方管理限界</th>
            <th scope="col">限界の種類</th>
            <th scope="col">判定</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.spc.points.map((point) => (
            <tr key={point.period}>
              <th scope="row">{formatPeriod(point.period)}</th>
              <td>{formatMetric(metric, point.value)}</td>
              <td>{formatNumber(point.numerator)}件</td>
              <td>{formatDenominator(metric, point.denominator)}</td>
              <td>{formatMetric(metric, point.lower)}</td>
              <td>{formatMetric(metric, point.upper)}</td>
              <td>{point.method === 'probability' ? '確率限界' : point.method === 'sigma' ? '±3σ' : '—'}</td>
              <td>{point.signal || point.shift || point.trend ? <span className="badge badge--danger">{judgement(point)}</span> : '管理限界内'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        中心線: {formatMetric(metric, dashboard.spc.centre)}（期間全体の値）。管理限界は中心線 ± 3σ（各月の分母で計算）、期待件数が5件未満の月は確率限界。
        判定は NHS「Making Data Count」のルール（限界外の点、7点以上のシフト、6点以上のトレンド）。
      </p>
    </div>
  )
}

function PeerTable({ summary, metric, bandLabel }: { summary: MetricSummary; metric: MetricDefinition; bandLabel: string | null }) {
  const cell = (stats: PeerStats, key: (typeof PERCENTILES)[number][1]) => {
    if (stats.suppressed) return '—'
    const value = stats[key]
    return value === null ? '非公開' : formatMetric(metric, value)
  }
  const groups = [
    { label: `同規模の他院（${bandLabel ?? '規模不明'}）`, stats: summary.band },
    { label: '他院全体', stats: summary.overall },
  ]
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{metric.label}の自院の値と他院の分布</caption>
        <thead>
          <tr>
            <th scope="col">比較対象</th>
            <th scope="col">施設数</th>
            {PERCENTILES.map(([label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">自院</th>
            <td>—</td>
            <td colSpan={5}>
              {formatMetric(metric, summary.own.value)}（{metric.numeratorLabel} {formatNumber(summary.own.numerator)}件 ／ 分母 {formatDenominator(metric, summary.own.denominator)}）
            </td>
          </tr>
          {groups.map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label}</th>
              <td>{group.stats.hospitals}施設</td>
              {group.stats.suppressed ? (
                <td colSpan={5}>
                  <span className="badge">比較対象が不足</span>（{MIN_PEERS}施設未満）
                </td>
              ) : (
                PERCENTILES.map(([label, key]) => <td key={label}>{cell(group.stats, key)}</td>)
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        「非公開」: 他院が{MIN_PEERS_QUARTILES}施設未満では四分位、{MIN_PEERS_DECILES}施設未満では10・90パーセンタイルを出しません（個々の病院の値が逆算できるため）。
      </p>
    </div>
  )
}

function FunnelTable({ dashboard, metric }: { dashboard: Dashboard; metric: MetricDefinition }) {
  const { funnel } = dashboard
  const counts = funnel.peers.length
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">ファンネルプロットの値（他院は匿名・丸めた値）</caption>
        <thead>
          <tr>
            <th scope="col">病院</th>
            <th scope="col">{metric.denominatorLabel}（分母）</th>
            <th scope="col">値</th>
          </tr>
        </thead>
        <tbody>
          {funnel.own ? (
            <tr>
              <th scope="row">
                自院（{ZONE_LABELS[funnel.own.zone]}
                {funnel.own.lowExpected ? '、期待件数5件未満' : ''}）
              </th>
              <td>{formatDenominator(metric, funnel.own.volume)}</td>
              <td>{formatMetric(metric, funnel.own.value)}</td>
            </tr>
          ) : null}
          {funnel.peers.map((peer, index) => (
            <tr key={index}>
              <th scope="row">他院{index + 1}</th>
              <td>
                {formatNumber(peer.bin.from)}〜{formatNumber(peer.bin.to)}
              </td>
              <td>
                {formatMetric(metric, peer.value)}
                {peer.lowExpected ? '（期待件数5件未満）' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">
        他院全体の値（目標線）: {formatMetric(metric, funnel.target)}。他院{counts}施設は匿名で、分母は1・2・5刻みの幅でだけ示します。
      </p>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
