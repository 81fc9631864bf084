import { Form } from '@remix-run/react'
import { useState } from 'react'
import { DeidentifyHint } from '#app/components/consultations/deidentify-hint.tsx'
import { CharacterCount, ErrorList } from '#app/components/ui/fields.tsx'
import { formatDate } from '#app/lib/format.ts'
import { ADOPTION_STATUS_TONES, ADOPTION_STATUSES, type AdoptionStatusCode } from '#app/modules/practices/labels.ts'

// 「自院で導入」 on a practice page: the count of hospitals by status, each hospital's reported result, and the
// form for the viewer's own hospital (or, for admins, any record).

type AdoptionItem = {
  id: string
  status: AdoptionStatusCode
  resultBefore: string | null
  resultAfter: string | null
  note: string | null
  updatedAt: string | Date
  createdAt: string | Date
  hospital: { name: string; prefecture: string }
  history: { status: AdoptionStatusCode; createdAt: string | Date }[]
  mine: boolean
  canEdit: boolean
}

type Summary = { total: number; counts: Record<AdoptionStatusCode, number>; items: AdoptionItem[]; mine: AdoptionItem | null }
type Feedback = { intent: string; commentId: string | null; ok: boolean; error?: string; fieldErrors?: Record<string, string[]>; at: number } | undefined

const STATUS_CODES = Object.keys(ADOPTION_STATUSES) as AdoptionStatusCode[]

export function AdoptionCounts({ counts }: { counts: Record<AdoptionStatusCode, number> }) {
  return (
    <ul className="adoption-counts" aria-label="状況ごとの病院数">
      {STATUS_CODES.map((status) => (
        <li key={status}>
          <span className={ADOPTION_STATUS_TONES[status]}>{ADOPTION_STATUSES[status]}</span> <strong data-testid={`adoption-count-${status}`}>{counts[status]}</strong>病院
        </li>
      ))}
    </ul>
  )
}

export function AdoptionSummary({ summary, feedback }: { summary: Summary; feedback: Feedback }) {
  return (
    <>
      <p>
        <strong className="adoption-total" data-testid="adoption-total">
          {summary.total}
        </strong>
        病院が導入・検討しています（中止を除く）。
      </p>
      <AdoptionCounts counts={summary.counts} />
      {summary.items.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">病院</th>
                <th scope="col">状況</th>
                <th scope="col">結果（導入前 → 導入後）</th>
                <th scope="col">メモ</th>
                <th scope="col">更新</th>
              </tr>
            </thead>
            <tbody>
              {summary.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    {item.hospital.name}
                    {item.mine ? <span className="badge">自院</span> : null}
                  </th>
                  <td className="nowrap">
                    <span className={ADOPTION_STATUS_TONES[item.status]}>{ADOPTION_STATUSES[item.status]}</span>
                    {item.history.length > 1 ? (
                      <span className="muted small adoption-history">
                        {' '}
                        （{item.history.map((change) => `${ADOPTION_STATUSES[change.status]} ${formatDate(change.createdAt)}`).join(' → ')}）
                      </span>
                    ) : null}
                  </td>
                  <td>{item.resultBefore || item.resultAfter ? `${item.resultBefore ?? '—'} → ${item.resultAfter ?? '—'}` : '—'}</td>
                  <td className="practice-text">{item.note ?? ''}</td>
                  <td className="nowrap">
                    {formatDate(item.updatedAt)}
                    {item.canEdit && !item.mine ? (
                      <details className="adoption-admin">
                        <summary>変更（管理者）</summary>
                        <AdoptionForm mine={item} feedback={feedback} adoptionId={item.id} />
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">まだ導入の記録はありません。自院で取り入れたら「自院で導入」から記録してください。</p>
      )}
    </>
  )
}

/** The viewer's hospital's record: create it (「自院で導入」) or update status and results. */
export function AdoptionForm({ mine, feedback, adoptionId }: { mine: AdoptionItem | null; feedback: Feedback; adoptionId?: string }) {
  const target = adoptionId ?? null
  const ours = feedback && (feedback.intent === 'adopt' || feedback.intent === 'delete-adoption') && feedback.commentId === target ? feedback : undefined
  const idPrefix = `adoption-${adoptionId ?? 'mine'}`
  const fieldErrors = ours?.fieldErrors ?? {}
  // The note is shown to every member: counted and checked for identifiers while typing (the server checks again).
  const [note, setNote] = useState(mine?.note ?? '')
  return (
    <div className="stack adoption-form">
      {!adoptionId ? <h3>{mine ? '自院の導入状況を更新' : '自院で導入'}</h3> : null}
      {ours?.ok ? (
        <p className="notice notice--success" role="status">
          導入の記録を保存しました。
        </p>
      ) : null}
      <Form method="post" preventScrollReset className="stack" key={ours?.ok ? ours.at : 'form'}>
        <input type="hidden" name="intent" value="adopt" />
        {adoptionId ? <input type="hidden" name="adoptionId" value={adoptionId} /> : null}
        <ErrorList errors={ours && !ours.ok && ours.intent === 'adopt' && ours.error ? [ours.error] : undefined} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${idPrefix}-status`}>状況</label>
            <select id={`${idPrefix}-status`} name="status" defaultValue={mine?.status ?? 'CONSIDERING'} required>
              {STATUS_CODES.map((status) => (
                <option key={status} value={status}>
                  {ADOPTION_STATUSES[status]}
                </option>
              ))}
            </select>
            <ErrorList errors={fieldErrors.status} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-before`}>自院の結果: 導入前</label>
            <input id={`${idPrefix}-before`} name="resultBefore" maxLength={60} defaultValue={mine?.resultBefore ?? ''} placeholder="例: 転倒率 3.4‰" />
            <ErrorList errors={fieldErrors.resultBefore} />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-after`}>自院の結果: 導入後</label>
            <input id={`${idPrefix}-after`} name="resultAfter" maxLength={60} defaultValue={mine?.resultAfter ?? ''} placeholder="例: 2.6‰（6か月）" />
            <ErrorList errors={fieldErrors.resultAfter} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-note`}>メモ（工夫した点・続かなかった理由など）</label>
          <textarea id={`${idPrefix}-note`} name="note" rows={2} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
          <CharacterCount value={note} max={1000} />
          <ErrorList errors={fieldErrors.note} />
          <DeidentifyHint fieldId={`${idPrefix}-note`} label="メモ" text={note} />
        </div>
        <div className="row">
          <button type="submit" className="button button--primary button--small">
            {mine ? '導入の記録を更新' : '自院で導入を記録'}
          </button>
        </div>
      </Form>
      {mine ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="delete-adoption" />
          <input type="hidden" name="adoptionId" value={mine.id} />
          <button type="submit" className="button button--quiet button--small">
            記録を取り消す
          </button>
          <ErrorList errors={ours && !ours.ok && ours.intent === 'delete-adoption' && ours.error ? [ours.error] : undefined} />
        </Form>
      ) : null}
    </div>
  )
}
