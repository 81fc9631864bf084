import { formatMinutes } from '#app/modules/consultations/timing.ts'

type Clock = { overdue: boolean; firstResponseMinutes: number | null; metTarget: boolean | null; minutesLeft: number | null }

/** Time to the first reply against the target: replied (in time or late), waiting, or overdue. */
export function ResponseCell({ clock, targetHours }: { clock: Clock; targetHours: number }) {
  const target = `目標 ${formatMinutes(targetHours * 60)}`
  if (clock.firstResponseMinutes !== null) {
    return (
      <span>
        {formatMinutes(clock.firstResponseMinutes)}で回答
        <span className={`badge ${clock.metTarget ? 'badge--success' : 'badge--danger'}`} style={{ marginLeft: '0.3rem' }}>
          {clock.metTarget ? '目標内' : '目標超過'}
        </span>
        <br />
        <span className="small muted">{target}</span>
      </span>
    )
  }
  if (clock.overdue) {
    return (
      <strong className="desk-overdue">
        未回答・{formatMinutes(clock.minutesLeft ?? 0)}超過
        <br />
        <span className="small">{target}</span>
      </strong>
    )
  }
  return (
    <span>
      未回答・残り{formatMinutes(clock.minutesLeft ?? 0)}
      <br />
      <span className="small muted">{target}</span>
    </span>
  )
}

