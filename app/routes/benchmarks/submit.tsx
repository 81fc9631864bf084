import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterSelect } from '#app/components/ui/filters.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { hospitalQuery, readBenchmarkForm, requireBenchmarkScope, requireScopedHospital } from '#app/modules/benchmarks/access.server.ts'
import { BREAKDOWNS, COUNT_FIELDS, FIELD_BY_KEY, type CountKey, type Counts } from '#app/modules/benchmarks/fields.ts'
import { formatPeriod, isPeriod, previousPeriod } from '#app/modules/benchmarks/period.ts'
import { getMonth, listMonths, monthHistory, submitMonth } from '#app/modules/benchmarks/submissions.server.ts'
import { CONFIRM_FIELD, validateSubmission, type SubmissionErrors } from '#app/modules/benchmarks/validate.ts'

export const meta: MetaFunction = () => [{ title: '月次データの入力 | リスク量・ベンチマーキング | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const scope = await requireBenchmarkScope(request, url.searchParams.get('hospital'))
  const asked = url.searchParams.get('period') ?? ''
  const period = isPeriod(asked) ? asked : previousPeriod()
  const base = { hospital: scope.hospital, hospitals: scope.hospitals, canChooseHospital: scope.canChooseHospital, query: hospitalQuery(scope), period }
  if (!scope.hospital) return { ...base, current: null, history: [], months: [] }
  const [current, history, months] = await Promise.all([getMonth(scope.hospital.id, period), monthHistory(scope.hospital.id, period), listMonths(scope.hospital.id)])
  return { ...base, current, history, months: months.map((month) => month.period).reverse().slice(0, 36) }
}

// Not Conform: the same validator checks CSV rows, and its errors include whole breakdowns ("levels"), which
// are not fields. What was typed comes back with the errors, so nothing is lost.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readBenchmarkForm(request)
  const scope = await requireBenchmarkScope(request, stringOf(form.get('hospital')))
  const hospital = requireScopedHospital(scope)
  const raw = Object.fromEntries(['period', ...COUNT_FIELDS.map((field) => field.column)].map((name) => [name, stringOf(form.get(name))]))
  const confirmed = form.get(CONFIRM_FIELD) === 'on'
  const result = validateSubmission(raw, new Date(), confirmed)
  const values: Record<string, string> = { ...raw, [CONFIRM_FIELD]: confirmed ? 'on' : '' }
  if (!result.ok) return data({ status: 'invalid' as const, errors: result.errors, warnings: result.warnings, values, saved: null }, { status: 400 })
  const outcome = await submitMonth({ hospitalId: hospital.id, actorId: scope.user.id, submission: result.value, request })
  return { status: 'saved' as const, errors: {} as SubmissionErrors, warnings: result.warnings, values, saved: { status: outcome.status, period: outcome.period, changes: outcome.changes.length } }
}

const stringOf = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '')

const GROUPS: { title: string; keys: readonly CountKey[]; breakdown?: string; help?: string }[] = [
  { title: '規模と報告総数', keys: ['beds', 'patientDays', 'reportsTotal'], help: '延べ入院患者数は、その月の入院患者数の日ごとの合計（患者日）です。' },
  ...BREAKDOWNS.map((breakdown) => ({ title: `${breakdown.label}の件数`, keys: breakdown.keys, breakdown: breakdown.key, help: '合計が報告総数と一致するように入力してください。' })),
  { title: '転倒・転落', keys: ['falls', 'fallsInjury'], help: '入院患者の転倒・転落の件数と、そのうち影響度レベル3b以上の件数です。' },
]

export default function BenchmarkSubmit() {
  const { hospital, hospitals, canChooseHospital, query, period, current, history, months } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errors: SubmissionErrors = actionData?.errors ?? {}
  const valueOf = (column: string, key: CountKey) => actionData?.values[column] ?? (current ? String((current as Counts)[key]) : '')
  const hospitalId = new URLSearchParams(query).get('hospital')
  const errorCount = Object.keys(errors).length
  // A running total per breakdown while typing, so a mismatch is visible before saving (the server decides).
  const [sums, setSums] = useState<Record<string, { sum: number; total: number }>>({})
  const updateSums = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget)
    const number = (column: string) => Number(String(form.get(column) ?? '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))) || 0
    const total = number('reports_total')
    setSums(Object.fromEntries(BREAKDOWNS.map((b) => [b.key, { total, sum: b.keys.reduce((acc, key) => acc + number(FIELD_BY_KEY[key].column), 0) }])))
  }
  return (
    <section className="benchmarks">
      <p className="small">
        <Link to={query ? `/benchmarks?${query}` : '/benchmarks'}>← ベンチマークへ戻る</Link>
      </p>
      <h1>月次データの入力</h1>
      {!hospital ? (
        <p className="notice notice--warning">
          所属病院が登録されていないため、データを入力できません。<Link to="/settings/profile">プロフィール</Link>で所属病院を設定してください。
        </p>
      ) : (
        <>
          <Form method="get" className="filters" aria-label="入力する病院と月">
            {canChooseHospital ? (
              <FilterSelect name="hospital" label="病院（管理者）" value={hospital.id} options={hospitals.map((h) => [h.id, h.name] as const)} anyLabel={null} />
            ) : null}
            <div className="field">
              <label htmlFor="period-choice">対象月</label>
              <input id="period-choice" name="period" type="month" defaultValue={period} />
            </div>
            <button type="submit" className="button">
              この月を開く
            </button>
          </Form>

          <p>
            <strong>{hospital.name}</strong> の <strong>{formatPeriod(period)}</strong>分{current ? '（登録済み：修正すると履歴に残ります）' : '（未登録）'}
          </p>

          {actionData?.saved ? (
            <p className="notice notice--success" role="status">
              {formatPeriod(actionData.saved.period)}分を
              {actionData.saved.status === 'created' ? '登録しました。' : actionData.saved.status === 'corrected' ? `修正しました（${actionData.saved.changes}項目）。` : '保存しました（変更はありませんでした）。'}
            </p>
          ) : null}
          {errorCount ? (
            <div className="notice notice--danger" role="alert">
              入力内容を確認してください（{errorCount}件）。入力した値はそのまま残っています。
              {errors.period ? <p className="error-list">{errors.period}</p> : null}
            </div>
          ) : null}

          <Form method="post" className="stack benchmark-form" noValidate onChange={updateSums}>
            <input type="hidden" name="period" value={actionData?.values.period || period} />
            {hospitalId ? <input type="hidden" name="hospital" value={hospitalId} /> : null}
            {GROUPS.map((group) => {
              const groupError = group.breakdown ? errors[group.breakdown] : undefined
              const groupErrorId = group.breakdown ? `${group.breakdown}-error` : undefined
              return (
                <fieldset key={group.title} className="card" aria-describedby={groupError ? groupErrorId : undefined}>
                  <legend>{group.title}</legend>
                  {group.help ? <p className="field__help">{group.help}</p> : null}
                  {group.breakdown && sums[group.breakdown] ? (
                    <p className="small" aria-live="polite">
                      内訳の合計 {formatNumber(sums[group.breakdown]?.sum ?? 0)}件 ／ 報告総数 {formatNumber(sums[group.breakdown]?.total ?? 0)}件
                      {sums[group.breakdown]?.sum === sums[group.breakdown]?.total ? ' ✓' : '（一致していません）'}
                    </p>
                  ) : null}
                  {groupError ? (
                    <p id={groupErrorId} className="error-list" role="alert">
                      {groupError}
                    </p>
                  ) : null}
                  <div className="form-grid benchmark-form__grid">
                    {group.keys.map((key) => {
                      const field = FIELD_BY_KEY[key]
                      const error = errors[field.column]
                      return (
                        <div className="field" key={key}>
                          <label htmlFor={field.column}>
                            {field.label}
                            <span className="muted small">（{field.unit}）</span>
                          </label>
                          <input
                            id={field.column}
                            name={field.column}
                            inputMode="numeric"
                            autoComplete="off"
                            defaultValue={valueOf(field.column, key)}
                            key={`${period}-${field.column}-${actionData ? 'posted' : 'loaded'}`}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${field.column}-error` : undefined}
                          />
                          {error ? (
                            <p id={`${field.column}-error`} className="error-list">
                              {error}
                            </p>
                          ) : null}
                        </div>
                      )
                    })}
                  </div>
                  {group.keys.includes('falls') && actionData?.warnings.falls ? (
                    <div className="field">
                      <label>
                        <input type="checkbox" name={CONFIRM_FIELD} defaultChecked={actionData.values[CONFIRM_FIELD] === 'on'} /> 確認しました（転倒・転落の件数はこのままで正しい）
                      </label>
                    </div>
                  ) : null}
                </fieldset>
              )
            })}
            <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
              {current ? '修正を保存する' : '登録する'}
            </button>
          </Form>

          <h2>変更履歴（{formatPeriod(period)}分）</h2>
          {history.length ? (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">この月のデータの登録・修正の履歴（新しい順）</caption>
                <thead>
                  <tr>
                    <th scope="col">日時</th>
                    <th scope="col">変更した人</th>
                    <th scope="col">方法</th>
                    <th scope="col">内容（変更前 → 変更後）</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((revision) => {
                    const created = revision.changes.every((change) => change.from === null)
                    return (
                      <tr key={revision.id}>
                        <td className="nowrap">{formatDateTime(revision.at)}</td>
                        <td>{revision.by ?? '（退会した会員）'}</td>
                        <td>{revision.source === 'csv' ? 'CSV取り込み' : 'フォーム'}</td>
                        <td>
                          {created ? (
                            '新規登録'
                          ) : (
                            <ul className="benchmark-plain-list">
                              {revision.changes.map((change) => (
                                <li key={change.field}>
                                  {change.label}: {change.from === null ? '—' : formatNumber(change.from)} → {formatNumber(change.to)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">この月の履歴はまだありません。</p>
          )}

          {months.length ? (
            <>
              <h2>登録済みの月</h2>
              <ul className="row benchmark-plain-list">
                {months.map((month) => (
                  <li key={month}>
                    <Link to={`/benchmarks/submit?${[query, `period=${month}`].filter(Boolean).join('&')}`} aria-current={month === period ? 'page' : undefined} className="button button--small button--quiet">
                      {formatPeriod(month)}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
