import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS } from './client-only.tsx'

export type FunnelCurvePoint = { volume: number; lower95: number; upper95: number; lower998: number; upper998: number }

/**
 * Value against volume for every other hospital (anonymous dots at their volume bin's centre), the own hospital
 * highlighted, 95%/99.8% limits. Points whose expected count is below 5 are drawn pale (the page says why).
 */
export function FunnelPlot({
  curve,
  peers,
  own,
  target,
  format,
  volumeLabel,
}: {
  curve: FunnelCurvePoint[]
  peers: { volume: number; value: number; lowExpected?: boolean }[]
  own: { volume: number; value: number; lowExpected?: boolean } | null
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
        <Scatter data={peers.filter((peer) => !peer.lowExpected)} dataKey="value" name="他院（匿名）" fill={CHART_COLORS.peer} isAnimationActive={false} />
        <Scatter data={peers.filter((peer) => peer.lowExpected)} dataKey="value" name="他院（期待件数5件未満）" fill={CHART_COLORS.peer} fillOpacity={0.35} isAnimationActive={false} />
        {own ? <Scatter data={[own]} dataKey="value" name="自院" fill={CHART_COLORS.own} fillOpacity={own.lowExpected ? 0.45 : 1} shape="diamond" isAnimationActive={false} /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  )
}
