import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { URGENCY_LABELS } from '#app/modules/consultations/labels.ts'

type Month = { month: string; EMERGENCY: number; URGENT: number; ROUTINE: number }

const COLOURS = { EMERGENCY: '#b42318', URGENT: '#dc6803', ROUTINE: '#1570ef' } as const

/**
 * Requests per month, stacked by urgency. A picture of the table below it, which is what screen readers get:
 * the chart itself is hidden from them.
 */
export function MonthlyChart({ months }: { months: Month[] }) {
  const data = months.map((month) => ({ ...month, label: `${Number(month.month.slice(5))}月` }))
  return (
    // No keyboard layer and no scrolling box: a hidden picture must hold nothing focusable (axe aria-hidden-focus).
    <div className="card consultation-chart" aria-hidden="true">
      <BarChart width={720} height={260} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {(['EMERGENCY', 'URGENT', 'ROUTINE'] as const).map((urgency) => (
          <Bar key={urgency} dataKey={urgency} name={URGENCY_LABELS[urgency]} stackId="requests" fill={COLOURS[urgency]} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  )
}
