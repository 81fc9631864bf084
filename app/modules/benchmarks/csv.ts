import { parse } from 'csv-parse/sync'
import { toCsv } from '#app/lib/csv.ts'
import { COUNT_FIELDS, CSV_COLUMNS, type Counts } from './fields.ts'
import { computeAll, METRICS, tally } from './metrics.ts'
import { validateSubmission, type SubmissionErrors, type SubmissionWarnings, type ValidSubmission } from './validate.ts'

/**
 * The CSV of /benchmarks/import, the template and /benchmarks/export.csv: UTF-8 with or without a BOM (Excel
 * writes one), one row per month, the columns of CSV_COLUMNS in any order (an export's metric columns are
 * ignored). Parsing never throws: every
 * problem becomes a message for the preview.
 */
export const MAX_CSV_ROWS = 600

export type CsvRow = { line: number; period: string; errors: SubmissionErrors; warnings: SubmissionWarnings; value?: ValidSubmission }
export type CsvParseResult = { fileErrors: string[]; rows: CsvRow[]; valid: boolean }

/** `confirmed`: the member confirmed the rows' warnings (a checkbox on the save step). */
export function parseBenchmarkCsv(input: string, now: Date = new Date(), confirmed = false): CsvParseResult {
  const text = input.replace(/^\uFEFF/, '')
  if (!text.trim()) return { fileErrors: ['ファイルが空です。テンプレートの見出し行とデータ行を入れてください。'], rows: [], valid: false }
  let records: string[][]
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return { fileErrors: [`CSV として読み取れませんでした${line ? `（${line}行目付近）` : ''}。引用符（"）の閉じ忘れがないか確認してください。`], rows: [], valid: false }
  }
  const [header = [], ...body] = records
  const columns = header.map((name) => name.trim().toLowerCase())
  const headerErrors = checkHeader(columns)
  if (headerErrors.length) return { fileErrors: headerErrors, rows: [], valid: false }
  if (!body.length) return { fileErrors: ['データ行がありません。見出し行の下に1か月1行で入力してください。'], rows: [], valid: false }
  if (body.length > MAX_CSV_ROWS) return { fileErrors: [`行が多すぎます（${body.length}行）。一度に取り込めるのは${MAX_CSV_ROWS}行までです。`], rows: [], valid: false }

  const seen = new Map<string, number>()
  const rows = body.map((cells, index): CsvRow => {
    const line = index + 2
    const raw = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']))
    const period = (raw.period ?? '').trim()
    if (cells.length !== columns.length) {
      return { line, period, errors: { row: `列の数が見出しと違います（見出し ${columns.length}列、この行 ${cells.length}列）` }, warnings: {} }
    }
    const result = validateSubmission(raw, now, confirmed)
    const { warnings } = result
    const errors: SubmissionErrors = result.ok ? {} : { ...result.errors }
    const first = seen.get(period)
    if (period && first !== undefined && !errors.period) errors.period = `対象月 ${period} は ${first}行目にもあります（1か月1行にしてください）`
    else if (period) seen.set(period, line)
    if (Object.keys(errors).length || !result.ok) return { line, period, errors, warnings }
    return { line, period, errors, warnings, value: result.value }
  })
  return { fileErrors: [], rows, valid: rows.every((row) => row.value && !Object.keys(row.errors).length) }
}

function checkHeader(columns: string[]): string[] {
  // The metric columns of an export are allowed (and ignored), so an exported file can be corrected and re-imported.
  const expected = new Set<string>([...CSV_COLUMNS, ...METRICS.map((metric) => metric.csvColumn)])
  const missing = CSV_COLUMNS.filter((column) => !columns.includes(column))
  const unknown = columns.filter((column) => !expected.has(column))
  const duplicated = columns.filter((column, i) => columns.indexOf(column) !== i)
  const errors: string[] = []
  if (missing.length === CSV_COLUMNS.length) {
    errors.push('1行目が見出し行になっていません。テンプレート（template.csv）の1行目の列名をそのまま使ってください。')
    return errors
  }
  if (missing.length) errors.push(`見出しに次の列がありません: ${missing.join(', ')}`)
  if (unknown.length) errors.push(`見出しに使えない列があります: ${unknown.join(', ')}（列名はテンプレートと同じ半角英字で）`)
  if (duplicated.length) errors.push(`見出しに同じ列が2回あります: ${[...new Set(duplicated)].join(', ')}`)
  return errors
}

export type ExportRow = { period: string; counts: Counts }

/** The template: the header only, so importing it unchanged saves nothing. */
export function csvTemplate(): string {
  return toCsv(CSV_COLUMNS, [])
}

/** One row per month in CSV_COLUMNS, then the metric columns (shares as fractions 0–1, blank when undefined). */
export function serialiseBenchmarkCsv(rows: readonly ExportRow[]): string {
  const header = [...CSV_COLUMNS, ...METRICS.map((metric) => metric.csvColumn)]
  return toCsv(
    header,
    rows.map((row) => {
      const metrics = computeAll(tally(row.counts, row.period))
      return [
        row.period,
        ...COUNT_FIELDS.map((field) => row.counts[field.key]),
        ...METRICS.map((metric) => {
          const value = metrics[metric.key].value
          return value === null ? '' : Number(value.toFixed(6))
        }),
      ]
    }),
  )
}
