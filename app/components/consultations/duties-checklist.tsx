import { DUTY_GROUP_TITLES, dutiesFor, type Duty, type DutyAnswers, type DutyGroup, type JqObligation } from '#app/modules/consultations/duties.ts'

/**
 * The duties the answers call for, with their deadlines and legal basis, grouped by where they come from.
 * Rendered on the server from the saved answers and recomputed in the browser as the form changes.
 */
export function DutiesChecklist({ answers, obligation }: { answers: DutyAnswers; obligation: JqObligation }) {
  const duties = dutiesFor(answers, obligation)
  const groups = [...new Set(duties.map((duty) => duty.group))]
  return (
    <div aria-live="polite">
      {duties.length ? (
        <section className="card duties" aria-labelledby="duties-title">
          <h2 id="duties-title">この事象で必要になる対応</h2>
          <p className="small">
            入力された転帰・影響度から、期限のある対応を挙げています（✓ は入力内容から済みと読み取れるもの）。判断に迷う点は相談でお尋ねください。
          </p>
          {groups.map((group) => (
            <DutyGroupList key={group} group={group} duties={duties.filter((duty) => duty.group === group)} />
          ))}
        </section>
      ) : null}
    </div>
  )
}

function DutyGroupList({ group, duties }: { group: DutyGroup; duties: Duty[] }) {
  const Tag = group === 'accident-investigation' ? 'ol' : 'ul'
  return (
    <section aria-labelledby={`duties-${group}`}>
      <h3 id={`duties-${group}`}>{DUTY_GROUP_TITLES[group]}</h3>
      <Tag className="duties__list">
        {duties.map((duty) => (
          <li key={duty.id} className={duty.done ? 'duties__item duties__item--done' : 'duties__item'} data-duty={duty.id}>
            <span className="duties__mark" aria-hidden="true">
              {duty.done ? '✓' : '□'}
            </span>
            <span>
              {duty.condition ? <strong>{duty.condition}: </strong> : null}
              {duty.title}
              <span className="visually-hidden">{duty.done ? '（済み）' : '（未了）'}</span>
              <br />
              <span className="small">
                <strong>期限: {duty.deadline}</strong>
                <span className="muted">（{duty.basis}）</span>
              </span>
            </span>
          </li>
        ))}
      </Tag>
    </section>
  )
}
