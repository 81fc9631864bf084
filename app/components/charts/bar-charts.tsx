import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS } from './client-only.tsx'

/** Peer percentiles of one metric (band and overall) with the own value as a line. */
export function PeerPercentileChart({
  rows,
  own,
  format,
}: {
  rows: { label: string; band: number | null; overall: number | null }[]
  own: number | null
  format: (value: number) => string
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e4e7eb" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => format(value)} tick={{ fontSize: 12 }} width={64} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} />
        <Legend />
        <Bar dataKey="band" name="同規模病院" fill="#7c9cbf" isAnimationActive={false} />
        <Bar dataKey="overall" name="全体" fill={CHART_COLORS.peer} isAnimationActive={false} />
        {own !== null ? <ReferenceLine y={own} stroke={CHART_COLORS.own} strokeWidth={2} label={{ value: `自院 ${format(own)}`, position: 'insideTopRight', fontSize: 12 }} /> : null}
      </BarChart>
    </ResponsiveContainer>
  )
}

/** Counts by category, horizontal bars. */
export function BreakdownBarChart({ items }: { items: { label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={items} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#e4e7eb" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 12 }} allowDecimals={false} />
        <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={120} />
        <Tooltip formatter={(value) => `${String(value)}件`} />
        <Bar dataKey="count" name="件数" fill={CHART_COLORS.own} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  )
}
