import { accidentInvestigationDuties, type DutyAnswers } from '#app/modules/consultations/duties.ts'

/**
 * The 医療事故調査制度 duties and their deadlines, when the answers suggest the system applies. Rendered on the
 * server from the saved answers and recomputed in the browser as the form changes.
 */
export function DutiesChecklist({ answers }: { answers: DutyAnswers }) {
  const duties = accidentInvestigationDuties(answers)
  return (
    <div aria-live="polite">
      {duties.length ? (
        <section className="card duties" aria-labelledby="duties-title">
          <h2 id="duties-title">医療事故調査制度の対象となる可能性があります</h2>
          <p className="small">
            医療に起因し（または起因が疑われ）、管理者が予期しなかった死亡・死産は、医療事故調査・支援センターへの報告の対象です。
            次の対応と期限を確認してください（✓ は入力内容から済みと読み取れるもの）。
          </p>
          <ul className="duties__list">
            {duties.map((duty) => (
              <li key={duty.id} className={duty.done ? 'duties__item duties__item--done' : 'duties__item'}>
                <span className="duties__mark" aria-hidden="true">
                  {duty.done ? '✓' : '□'}
                </span>
                <span>
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
          </ul>
        </section>
      ) : null}
    </div>
  )
}
