/** Japanese labels for the practice vocabulary; codes are the database enums (prisma/schema/practices.prisma). */
import { JQ_CATEGORIES } from '#app/modules/cases/labels.ts'

export const PRACTICE_THEMES = {
  MEDICATION: JQ_CATEGORIES.MEDICATION,
  TRANSFUSION: JQ_CATEGORIES.TRANSFUSION,
  TREATMENT: JQ_CATEGORIES.TREATMENT,
  DEVICE: JQ_CATEGORIES.DEVICE,
  DRAIN_TUBE: JQ_CATEGORIES.DRAIN_TUBE,
  TEST: JQ_CATEGORIES.TEST,
  CARE: JQ_CATEGORIES.CARE,
  REPORTING_CULTURE: '報告文化',
  SAFETY_CULTURE: '医療安全文化',
  STANDARDISATION: '手順標準化',
  EDUCATION: '教育・研修',
  PATIENT_ENGAGEMENT: '患者参加',
  INTERPROFESSIONAL: '多職種連携',
  OTHER: 'その他',
} as const
export type PracticeThemeCode = keyof typeof PRACTICE_THEMES

export const ADOPTION_STATUSES = {
  CONSIDERING: '検討中',
  TRIAL: '試行中',
  ADOPTED: '導入済',
  DISCONTINUED: '中止',
} as const
export type AdoptionStatusCode = keyof typeof ADOPTION_STATUSES

/** Badge colour per adoption status (classes in app.css). */
export const ADOPTION_STATUS_TONES: Record<AdoptionStatusCode, string> = {
  CONSIDERING: 'badge',
  TRIAL: 'badge badge--primary',
  ADOPTED: 'badge badge--success',
  DISCONTINUED: 'badge badge--warning',
}

/** Adoptions that count towards 「導入した病院」 and the "most adopted" sort: every status but 中止. */
export const COUNTED_ADOPTION_STATUSES: readonly AdoptionStatusCode[] = ['CONSIDERING', 'TRIAL', 'ADOPTED']

export const PRACTICE_SORTS = {
  newest: '新しい順',
  adopted: '導入病院が多い順',
  discussed: 'コメントが多い順',
} as const
export type PracticeSort = keyof typeof PRACTICE_SORTS

/** 「転倒率 3.1‰ → 2.2‰（12か月）」 */
export function resultLine(result: { metric: string; before: string; after: string; unit: string; period: string }): string {
  const unit = result.unit
  return `${result.metric} ${result.before}${unit} → ${result.after}${unit}${result.period ? `（${result.period}）` : ''}`
}
