/** What the request form, the thread and the desk accept; the same schemas run in the browser and on the server. */
import { z } from 'zod'
import {
  AUTOPSY_LABELS,
  EVIDENCE_LABELS,
  FAMILY_INFORMED_LABELS,
  IMPACT_LEVEL_LABELS,
  JQ_CATEGORY_LABELS,
  LEGAL_LABELS,
  MEDIA_LABELS,
  OUTCOME_LABELS,
  REPORT_STATUS_LABELS,
  URGENCY_LABELS,
  YES_NO_UNSURE_LABELS,
} from './labels.ts'

const codes = <T extends Record<string, string>>(labels: T) => Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
const choice = <T extends Record<string, string>>(labels: T, message: string) => z.enum(codes(labels), { error: message })
const text = (max: number, label: string) => z.string().trim().max(max, `${label}は${max.toLocaleString('ja-JP')}文字以内で入力してください`)

// Every field of a request, each optional: a draft may be saved half-filled. `submit` adds what is required.
const fields = {
  urgency: choice(URGENCY_LABELS, '緊急度を選んでください').optional(),
  decisionPending: text(2000, '判断が必要な事項').optional(),
  summary: text(8000, '事象の概要').optional(),
  jqCategory: choice(JQ_CATEGORY_LABELS, '事象の分類を選んでください').optional(),
  impactLevel: choice(IMPACT_LEVEL_LABELS, '影響度を選んでください').optional(),
  outcome: choice(OUTCOME_LABELS, '患者の転帰を選んでください').optional(),
  unanticipated: choice(YES_NO_UNSURE_LABELS, '予期しなかった死亡かどうかを選んでください').optional(),
  riskExplained: choice(YES_NO_UNSURE_LABELS, 'リスクの説明と記録について選んでください').optional(),
  centreReport: choice(REPORT_STATUS_LABELS, '医療事故調査・支援センターへの報告状況を選んでください').optional(),
  jqReport: choice(REPORT_STATUS_LABELS, 'JQへの報告状況を選んでください').optional(),
  policeReport: choice(REPORT_STATUS_LABELS, '警察への届出状況を選んでください').optional(),
  familyInformed: choice(FAMILY_INFORMED_LABELS, 'ご家族への説明状況を選んでください').optional(),
  familyConcerns: text(4000, 'ご家族の受け止め・懸念').optional(),
  autopsy: choice(AUTOPSY_LABELS, '解剖・Ai について選んでください').optional(),
  evidencePreserved: choice(EVIDENCE_LABELS, '証拠保全の状況を選んでください').optional(),
  staffSupport: text(4000, '関係職員への支援').optional(),
  mediaAttention: choice(MEDIA_LABELS, '報道・SNSの状況を選んでください').optional(),
  legalInvolvement: choice(LEGAL_LABELS, '弁護士・保険会社の関与を選んでください').optional(),
  expertiseWanted: text(2000, '希望する助言・専門性').optional(),
  contactName: text(100, '連絡先の氏名').optional(),
  contactPhone: z
    .string()
    .trim()
    .max(40, '電話番号は40文字以内で入力してください')
    .regex(/^[0-9０-９+＋()（）\-－ー‐\s]+$/, '電話番号は数字とハイフンで入力してください（例: 052-000-0000）')
    .optional(),
  contactNote: text(500, '連絡方法の補足').optional(),
}

export const ConsultationDraftSchema = z.object(fields)
export type ConsultationDraft = z.infer<typeof ConsultationDraftSchema>
export type ConsultationField = keyof ConsultationDraft

const REQUIRED: Partial<Record<ConsultationField, string>> = {
  urgency: '緊急度を選んでください',
  decisionPending: '判断が必要な事項を入力してください',
  summary: '事象の概要を入力してください',
  jqCategory: '事象の分類を選んでください',
  impactLevel: '影響度を選んでください',
  outcome: '患者の転帰を選んでください',
  centreReport: '医療事故調査・支援センターへの報告状況を選んでください',
  jqReport: 'JQへの報告状況を選んでください',
  policeReport: '警察への届出状況を選んでください',
  familyInformed: 'ご家族への説明状況を選んでください',
  expertiseWanted: '希望する助言・専門性を入力してください',
  contactName: '24時間つながる連絡先の氏名を入力してください',
  contactPhone: '24時間つながる電話番号を入力してください',
}

/** A request ready to send: the draft's fields plus what the team needs to act on it. */
export const ConsultationSubmitSchema = ConsultationDraftSchema.superRefine((value, ctx) => {
  for (const [field, message] of Object.entries(REQUIRED) as [ConsultationField, string][]) {
    if (value[field] === undefined || value[field] === '') ctx.addIssue({ code: 'custom', path: [field], message })
  }
  if ((value.outcome === 'DEATH' || value.outcome === 'STILLBIRTH') && !value.unanticipated) {
    ctx.addIssue({ code: 'custom', path: ['unanticipated'], message: '死亡・死産の場合は、予期しなかった死亡かどうかを選んでください' })
  }
})

export const MessageSchema = z.object({
  body: z.string({ error: 'メッセージを入力してください' }).trim().min(1, 'メッセージを入力してください').max(10000, 'メッセージは10,000文字以内で入力してください'),
  internal: z.literal('on').optional(),
  markAnswered: z.literal('on').optional(),
})

/** The free-text fields checked for identifiers: the team needs the facts, not who the patient is. */
export const DEIDENTIFIED_FIELDS = [
  { field: 'decisionPending', label: '判断が必要な事項' },
  { field: 'summary', label: '事象の概要' },
  { field: 'familyConcerns', label: 'ご家族の受け止め・懸念' },
  { field: 'staffSupport', label: '関与した職員への支援' },
  { field: 'expertiseWanted', label: '希望する助言・専門性' },
] as const satisfies readonly { field: ConsultationField; label: string }[]
