import { BREAKDOWNS, COUNT_FIELDS, HARM_LEVEL_KEYS, type BreakdownKey, type Counts } from './fields.ts'
import { currentPeriod, isPeriod, type Period } from './period.ts'

/**
 * One set of rules for a month's figures, whether typed into the form or read from a CSV row: whole numbers
 * ≥ 0, each breakdown adds up to the total, injurious falls are a subset of falls and of the 3b+ reports (each
 * 3b+ fall is itself a 3b+ report — an error). Falls are reported under 療養上の世話 in the JQ classification, so
 * more falls than 療養上の世話 reports is unlikely but possible (falls counted from another register): a warning
 * the member confirms. Input and errors are keyed by the CSV column names (the form uses them as input names
 * too); breakdown errors by the breakdown's key.
 */
export type RawSubmission = Record<string, string | undefined>
export type SubmissionErrors = Partial<Record<string, string>>
export type SubmissionWarnings = Partial<Record<string, string>>
export type ValidSubmission = { period: Period; counts: Counts }
export type ValidationResult =
  | { ok: true; value: ValidSubmission; warnings: SubmissionWarnings }
  | { ok: false; errors: SubmissionErrors; warnings: SubmissionWarnings }

/** The warnings a member must confirm before a month is saved. */
export const CONFIRM_FIELD = 'confirm_warnings'

// Far above any hospital's month, far below PostgreSQL's integer limit.
const MAX_COUNT = 100_000_000

/** `confirmed`: the member ticked 「確認しました」 for the warnings; unconfirmed warnings block saving. */
export function validateSubmission(raw: RawSubmission, now: Date = new Date(), confirmed = false): ValidationResult {
  const errors: SubmissionErrors = {}
  const period = (raw.period ?? '').trim()
  if (!period) errors.period = '対象月を入力してください（例: 2025-04）'
  else if (!isPeriod(period)) errors.period = `対象月「${period}」は YYYY-MM の形式で入力してください（例: 2025-04）`
  else if (period > currentPeriod(now)) errors.period = `対象月 ${period} はまだ来ていません`

  const counts: Partial<Counts> = {}
  for (const field of COUNT_FIELDS) {
    const text = normaliseNumber(raw[field.column] ?? '')
    if (text === '') errors[field.column] = `${field.label}を入力してください（該当がなければ 0）`
    else if (!/^\d+$/.test(text)) errors[field.column] = `${field.label}は0以上の整数で入力してください（入力: ${raw[field.column]?.trim()}）`
    else if (Number(text) > MAX_COUNT) errors[field.column] = `${field.label}が大きすぎます（${MAX_COUNT.toLocaleString('ja-JP')}以下）`
    else counts[field.key] = Number(text)
  }

  const total = counts.reportsTotal
  if (total !== undefined) {
    for (const breakdown of BREAKDOWNS) {
      const values = breakdown.keys.map((key) => counts[key])
      if (values.some((value) => value === undefined)) continue
      const sum = values.reduce<number>((acc, value) => acc + (value ?? 0), 0)
      if (sum !== total) errors[breakdown.key] = breakdownMessage(breakdown.label, sum, total)
    }
  }
  if (counts.falls !== undefined && counts.fallsInjury !== undefined && counts.fallsInjury > counts.falls) {
    errors.falls_injury = `レベル3b以上の転倒・転落（${counts.fallsInjury}件）が転倒・転落の件数（${counts.falls}件）を超えています`
  }
  const harm = HARM_LEVEL_KEYS.map((key) => counts[key])
  if (!errors.falls_injury && counts.fallsInjury !== undefined && harm.every((value) => value !== undefined)) {
    const harmReports = harm.reduce<number>((sum, value) => sum + (value ?? 0), 0)
    if (counts.fallsInjury > harmReports) {
      errors.falls_injury = `レベル3b以上の転倒・転落（${counts.fallsInjury}件）がレベル3b以上の報告の合計（3b・4a・4b・5: ${harmReports}件）を超えています。転倒・転落も報告の一部として数えてください`
    }
  }
  const warnings: SubmissionWarnings = {}
  if (counts.falls !== undefined && counts.catCare !== undefined && counts.falls > counts.catCare) {
    warnings.falls = `転倒・転落（${counts.falls}件）が「療養上の世話」の報告（${counts.catCare}件）より多くなっています。転倒・転落は通常「療養上の世話」に分類されます。正しければ「確認しました」にチェックしてください`
  }

  if (Object.keys(errors).length) return { ok: false, errors, warnings }
  if (Object.keys(warnings).length && !confirmed) return { ok: false, errors: { ...warnings }, warnings }
  return { ok: true, value: { period, counts: counts as Counts }, warnings }
}

export function breakdownMessage(label: string, sum: number, total: number): string {
  const diff = sum - total
  return `${label}の内訳の合計（${sum}件）が報告総数（${total}件）より${Math.abs(diff)}件${diff > 0 ? '多く' : '少なく'}なっています`
}

/** Full-width digits (Japanese IMEs type them) and thousands separators are accepted. */
function normaliseNumber(value: string): string {
  return value
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, '')
}

export function isBreakdownKey(key: string): key is BreakdownKey {
  return BREAKDOWNS.some((breakdown) => breakdown.key === key)
}
