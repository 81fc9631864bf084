import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS } from './client-only.tsx'

export type SpcChartPoint = { period: string; value: number | null; lower: number | null; upper: number | null; signal: 'above' | 'below' | null }

/** A u- or p-chart: monthly values, the centre line, 3-sigma limits per month; points outside are red. */
export function SpcLineChart({
  points,
  centre,
  guides,
  format,
}: {
  points: SpcChartPoint[]
  centre: number | null
  guides: { value: number; label: string }[]
  format: (value: number) => string
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={points} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e7eb" />
        <XAxis dataKey="period" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => format(value)} tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} />
        <Line dataKey="upper" name="上方管理限界" type="stepAfter" stroke={CHART_COLORS.limit998} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        <Line dataKey="lower" name="下方管理限界" type="stepAfter" stroke={CHART_COLORS.limit998} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        {centre !== null ? <ReferenceLine y={centre} stroke={CHART_COLORS.centre} label={{ value: `中心線 ${format(centre)}`, position: 'insideTopLeft', fontSize: 11 }} /> : null}
        {guides.map((guide) => (
          <ReferenceLine key={guide.label} y={guide.value} stroke={CHART_COLORS.guide} strokeDasharray="2 4" label={{ value: guide.label, position: 'insideBottomRight', fontSize: 11 }} />
        ))}
        <Line
          dataKey="value"
          name="自院"
          stroke={CHART_COLORS.own}
          strokeWidth={2}
          isAnimationActive={false}
          connectNulls
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: SpcChartPoint }) => {
            const outside = props.payload?.signal
            return (
              <circle
                key={`dot-${props.index}`}
                cx={props.cx}
                cy={props.cy}
                r={outside ? 6 : 3.5}
                fill={outside ? CHART_COLORS.signal : CHART_COLORS.own}
                stroke="#fff"
                strokeWidth={1}
              />
            )
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}
