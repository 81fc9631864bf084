import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { FilterSelect } from '#app/components/ui/filters.tsx'
import { hospitalQuery, readBenchmarkForm, requireBenchmarkScope, requireScopedHospital } from '#app/modules/benchmarks/access.server.ts'
import { MAX_CSV_ROWS, parseBenchmarkCsv } from '#app/modules/benchmarks/csv.ts'
import { BREAKDOWNS, COUNT_FIELDS, CSV_COLUMNS } from '#app/modules/benchmarks/fields.ts'
import { formatPeriod, isPeriod } from '#app/modules/benchmarks/period.ts'
import { existingPeriods, importMonths } from '#app/modules/benchmarks/submissions.server.ts'
import { CONFIRM_FIELD } from '#app/modules/benchmarks/validate.ts'

export const meta: MetaFunction = () => [{ title: 'CSV取り込み | リスク量・ベンチマーキング | QSO Hub' }]

const MAX_BYTES = 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const scope = await requireBenchmarkScope(request, url.searchParams.get('hospital'))
  return { hospital: scope.hospital, hospitals: scope.hospitals, canChooseHospital: scope.canChooseHospital, query: hospitalQuery(scope) }
}

type PreviewRow = { line: number; period: string; status: 'new' | 'replace' | 'error'; messages: string[]; warnings: string[] }
type Preview = { fileErrors: string[]; rows: PreviewRow[]; valid: boolean; needsConfirmation: boolean; csv: string }

/**
 * Two steps, no state on the server between them: "preview" reads the uploaded file and shows every row's
 * errors; "save" sends the same text back (a hidden field), which is parsed and validated again, then saved in
 * one transaction (each month in the file replaces that month).
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readBenchmarkForm(request)
  const scope = await requireBenchmarkScope(request, typeof form.get('hospital') === 'string' ? (form.get('hospital') as string) : null)
  const hospital = requireScopedHospital(scope)
  const intent = form.get('intent')
  let text: string
  if (intent === 'save') {
    text = typeof form.get('csv') === 'string' ? (form.get('csv') as string) : ''
  } else {
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return data({ preview: failure('CSVファイルを選んでください。'), imported: null }, { status: 400 })
    if (file.size > MAX_BYTES) return data({ preview: failure('ファイルが大きすぎます（1MBまで）。'), imported: null }, { status: 400 })
    text = await file.text()
  }
  if (text.length > MAX_BYTES) return data({ preview: failure('ファイルが大きすぎます（1MBまで）。'), imported: null }, { status: 400 })
  if (text.includes('\uFFFD')) {
    return data({ preview: failure('文字コードが UTF-8 ではないようです。Excel では「CSV UTF-8（コンマ区切り）」で保存してください。'), imported: null }, { status: 400 })
  }
  const confirmed = form.get(CONFIRM_FIELD) === 'on'
  const parsed = parseBenchmarkCsv(text, new Date(), confirmed)
  const periods = parsed.rows.map((row) => row.period).filter(isPeriod)
  const existing = new Set(await existingPeriods(hospital.id, periods))
  const labels: Record<string, string> = {
    row: '行',
    period: 'period',
    ...Object.fromEntries(COUNT_FIELDS.map((field) => [field.column, field.column])),
    ...Object.fromEntries(BREAKDOWNS.map((breakdown) => [breakdown.key, '内訳'])),
  }
  // A row whose only problems are warnings (falls above 療養上の世話) can be saved once the member confirms them.
  const rows = parsed.rows.map((row): PreviewRow => {
    const errorKeys = Object.keys(row.errors).filter((key) => row.errors[key] !== row.warnings[key])
    const messages = errorKeys.map((key) => `${labels[key] ?? key}: ${row.errors[key]}`)
    const warnings = Object.entries(row.warnings).map(([key, message]) => `${labels[key] ?? key}: ${message}`)
    return { line: row.line, period: row.period, status: messages.length ? 'error' : existing.has(row.period) ? 'replace' : 'new', messages, warnings }
  })
  const savable = !parsed.fileErrors.length && rows.length > 0 && rows.every((row) => row.status !== 'error')
  const needsConfirmation = rows.some((row) => row.warnings.length > 0)
  const preview: Preview = { fileErrors: parsed.fileErrors, valid: savable, needsConfirmation, csv: text, rows }
  if (intent === 'save' && savable && !parsed.valid) {
    const unconfirmed = { ...preview, fileErrors: ['「確認」の行があります。内容を確かめて「確認しました」にチェックを入れてから取り込んでください（まだ何も保存していません）。'] }
    return data({ preview: unconfirmed, imported: null }, { status: 400 })
  }
  if (intent !== 'save' || !parsed.valid) return data({ preview, imported: null }, { status: savable ? 200 : 400 })
  const outcomes = await importMonths({
    hospitalId: hospital.id,
    actorId: scope.user.id,
    submissions: parsed.rows.flatMap((row) => (row.value ? [row.value] : [])),
    request,
  })
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length
  return { preview: null, imported: { months: outcomes.length, created: count('created'), corrected: count('corrected'), unchanged: count('unchanged') } }
}

const failure = (message: string): Preview => ({ fileErrors: [message], rows: [], valid: false, needsConfirmation: false, csv: '' })

const STATUS = { new: '新規', replace: '置き換え', error: 'エラー' } as const

export default function BenchmarkImport() {
  const { hospital, hospitals, canChooseHospital, query } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const hospitalId = new URLSearchParams(query).get('hospital')
  const preview = actionData?.preview
  const errorRows = preview?.rows.filter((row) => row.status === 'error').length ?? 0
  return (
    <section className="benchmarks">
      <p className="small">
        <Link to={query ? `/benchmarks?${query}` : '/benchmarks'}>← ベンチマークへ戻る</Link>
      </p>
      <h1>CSVで取り込む</h1>
      {!hospital ? (
        <p className="notice notice--warning">
          所属病院が登録されていないため、データを取り込めません。<Link to="/settings/profile">プロフィール</Link>で所属病院を設定してください。
        </p>
      ) : (
        <>
          {canChooseHospital ? (
            <Form method="get" className="filters" aria-label="取り込む病院">
              <FilterSelect name="hospital" label="病院（管理者）" value={hospital.id} options={hospitals.map((h) => [h.id, h.name] as const)} anyLabel={null} />
              <button type="submit" className="button">
                切り替える
              </button>
            </Form>
          ) : null}
          <p>
            取り込み先: <strong>{hospital.name}</strong>
          </p>
          <div className="card stack">
            <p>
              1か月1行の CSV（UTF-8、BOM の有無はどちらでも）を選ぶと、保存する前に全行の確認結果を表示します。ファイルにある月は、登録済みでも置き換えます（置き換えは履歴に残ります）。
            </p>
            <p>
              <a href={query ? `/benchmarks/template.csv?${query}` : '/benchmarks/template.csv'} download>
                テンプレート（template.csv）をダウンロード
              </a>
               ・1回に{MAX_CSV_ROWS}行まで、1MBまで
            </p>
            <details>
              <summary>列の一覧（{CSV_COLUMNS.length}列）</summary>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">列名</th>
                    <th scope="col">内容</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td>
                      <code>period</code>
                    </td>
                    <td>対象月（YYYY-MM、例: 2025-04）</td>
                  </tr>
                  {COUNT_FIELDS.map((field) => (
                    <tr key={field.column}>
                      <td>
                        <code>{field.column}</code>
                      </td>
                      <td>
                        {field.label}（{field.unit}）
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <Form method="post" encType="multipart/form-data" className="row">
              {hospitalId ? <input type="hidden" name="hospital" value={hospitalId} /> : null}
              <div className="field">
                <label htmlFor="file">CSVファイル</label>
                <input id="file" name="file" type="file" accept=".csv,text/csv" required />
              </div>
              <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
                確認する
              </button>
            </Form>
          </div>

          {actionData?.imported ? (
            <p className="notice notice--success" role="status">
              {actionData.imported.months}か月分を取り込みました（新規 {actionData.imported.created}、置き換え {actionData.imported.corrected}、変更なし {actionData.imported.unchanged}）。
              <Link to={query ? `/benchmarks?${query}` : '/benchmarks'}>ダッシュボードを見る</Link>
            </p>
          ) : null}

          {preview ? (
            <section aria-labelledby="preview-title" className="stack">
              <h2 id="preview-title">確認結果</h2>
              {preview.fileErrors.length ? (
                <ul className="error-list" role="alert">
                  {preview.fileErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              ) : null}
              {preview.rows.length ? (
                <>
                  {errorRows ? (
                    <p className="notice notice--danger" role="alert">
                      {preview.rows.length}行のうち{errorRows}行にエラーがあります。CSV を修正して、もう一度選んでください（まだ何も保存していません）。
                    </p>
                  ) : (
                    <p className="notice notice--success" role="status">
                      {preview.rows.length}行すべて取り込めます。内容を確認して「取り込む」を押してください。
                    </p>
                  )}
                  <div className="table-wrap">
                    <table className="data-table">
                      <caption className="visually-hidden">CSVの各行の確認結果</caption>
                      <thead>
                        <tr>
                          <th scope="col">行</th>
                          <th scope="col">対象月</th>
                          <th scope="col">状態</th>
                          <th scope="col">エラー</th>
                        </tr>
                      </thead>
                      <tbody>
                        {preview.rows.map((row) => (
                          <tr key={row.line}>
                            <td>{row.line}</td>
                            <td className="nowrap">{isPeriod(row.period) ? formatPeriod(row.period) : row.period || '—'}</td>
                            <td>
                              <span className={`badge ${row.status === 'error' ? 'badge--danger' : row.status === 'replace' ? 'badge--primary' : 'badge--success'}`}>{STATUS[row.status]}</span>
                            </td>
                            <td>
                              {row.messages.length || row.warnings.length ? (
                                <ul className="benchmark-plain-list">
                                  {row.messages.map((message) => (
                                    <li key={message}>{message}</li>
                                  ))}
                                  {row.warnings.map((message) => (
                                    <li key={message} className="benchmark-warning">
                                      確認: {message}
                                    </li>
                                  ))}
                                </ul>
                              ) : (
                                '—'
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {preview.valid ? (
                    <Form method="post">
                      {hospitalId ? <input type="hidden" name="hospital" value={hospitalId} /> : null}
                      <input type="hidden" name="csv" value={preview.csv} />
                      {preview.needsConfirmation ? (
                        <div className="field">
                          <label>
                            <input type="checkbox" name={CONFIRM_FIELD} required /> 「確認」の行の内容を確認しました（このまま取り込みます）
                          </label>
                        </div>
                      ) : null}
                      <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
                        取り込む
                      </button>
                    </Form>
                  ) : null}
                </>
              ) : null}
            </section>
          ) : null}
        </>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
