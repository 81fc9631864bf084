import { type ReactNode } from 'react'
import { useHydrated } from '../use-hydrated.ts'

/**
 * Recharts measures the browser's layout, so charts render only after hydration. The server (and a browser
 * without JavaScript) gets the fallback; every chart's table alternative is rendered on the server anyway.
 */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  return useHydrated() ? <>{children()}</> : <>{fallback}</>
}

/** A chart with its description for screen readers, and the same figures as a table one click away. */
export function ChartFigure({ title, summary, height = 280, chart, table }: { title: string; summary: string; height?: number; chart: () => ReactNode; table: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption className="chart-figure__title">{title}</figcaption>
      <div className="chart-figure__chart" role="img" aria-label={summary} style={{ height }}>
        <ClientOnly fallback={<p className="muted small chart-figure__placeholder">グラフを読み込んでいます…（下の「表で見る」でも同じ数値を確認できます）</p>}>
          {chart}
        </ClientOnly>
      </div>
      <details className="chart-figure__table">
        <summary>表で見る</summary>
        {table}
      </details>
    </figure>
  )
}

export const CHART_COLORS = {
  own: '#1d4ed8',
  peer: '#9aa5b1',
  signal: '#c81e1e',
  limit95: '#d97706',
  limit998: '#b91c1c',
  centre: '#334e68',
  guide: '#047857',
} as const
