import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS } from './client-only.tsx'

export type FunnelCurvePoint = { volume: number; lower95: number; upper95: number; lower998: number; upper998: number }

/** Value against volume for every hospital (anonymous grey dots), the own hospital highlighted, 95%/99.8% limits. */
export function FunnelPlot({
  curve,
  peers,
  own,
  target,
  format,
  volumeLabel,
}: {
  curve: FunnelCurvePoint[]
  peers: { volume: number; value: number }[]
  own: { volume: number; value: number } | null
  target: number | null
  format: (value: number) => string
  volumeLabel: string
}) {
  const formatVolume = (value: number) => Math.round(value).toLocaleString('ja-JP')
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={curve} margin={{ top: 12, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid stroke="#e4e7eb" />
        <XAxis
          dataKey="volume"
          type="number"
          scale="log"
          domain={['dataMin', 'dataMax']}
          tickFormatter={formatVolume}
          tick={{ fontSize: 12 }}
          label={{ value: volumeLabel, position: 'insideBottom', offset: -12, fontSize: 12 }}
        />
        <YAxis tickFormatter={(value: number) => format(value)} tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} labelFormatter={(value) => `${volumeLabel} ${formatVolume(Number(value))}`} />
        <Line dataKey="upper998" name="99.8%上限" stroke={CHART_COLORS.limit998} dot={false} isAnimationActive={false} />
        <Line dataKey="lower998" name="99.8%下限" stroke={CHART_COLORS.limit998} dot={false} isAnimationActive={false} />
        <Line dataKey="upper95" name="95%上限" stroke={CHART_COLORS.limit95} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        <Line dataKey="lower95" name="95%下限" stroke={CHART_COLORS.limit95} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
        {target !== null ? <ReferenceLine y={target} stroke={CHART_COLORS.centre} label={{ value: `全体 ${format(target)}`, position: 'insideTopRight', fontSize: 11 }} /> : null}
        <Scatter data={peers} dataKey="value" name="他院（匿名）" fill={CHART_COLORS.peer} isAnimationActive={false} />
        {own ? <Scatter data={[own]} dataKey="value" name="自院" fill={CHART_COLORS.own} shape="diamond" isAnimationActive={false} /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  )
}
