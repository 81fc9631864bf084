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
  subject: text(120, '件名').optional(),
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
  // Asked only while the hospital's flag is unknown; the answer is kept on the hospital, not on the request.
  hospitalJqObliged: choice(YES_NO_UNSURE_LABELS, '報告義務対象医療機関かどうかを選んでください').optional(),
}

export const ConsultationDraftSchema = z.object(fields)
export type ConsultationDraft = z.infer<typeof ConsultationDraftSchema>
export type ConsultationField = keyof ConsultationDraft

// What a complete request has: the label (for the thread's "still missing" list) and the message beside the field.
const REQUIRED: Partial<Record<ConsultationField, { label: string; message: string }>> = {
  urgency: { label: '緊急度', message: '緊急度を選んでください' },
  subject: { label: '件名', message: '件名（一行の要約）を入力してください' },
  decisionPending: { label: '判断が必要な事項', message: '判断が必要な事項を入力してください' },
  summary: { label: '事象の概要', message: '事象の概要を入力してください' },
  jqCategory: { label: '事象の分類（JQ）', message: '事象の分類を選んでください' },
  impactLevel: { label: '影響度分類', message: '影響度を選んでください' },
  outcome: { label: '患者の転帰', message: '患者の転帰を選んでください' },
  centreReport: { label: '医療事故調査・支援センターへの報告', message: '医療事故調査・支援センターへの報告状況を選んでください' },
  jqReport: { label: 'JQへの報告', message: 'JQへの報告状況を選んでください' },
  policeReport: { label: '警察への届出', message: '警察への届出状況を選んでください' },
  familyInformed: { label: 'ご家族への説明', message: 'ご家族への説明状況を選んでください' },
  expertiseWanted: { label: '希望する助言・専門性', message: '希望する助言・専門性を入力してください' },
  contactName: { label: '連絡先の氏名', message: '24時間つながる連絡先の氏名を入力してください' },
  contactPhone: { label: '24時間つながる電話番号', message: '24時間つながる電話番号を入力してください' },
}

/**
 * The fast path: a 緊急 request goes out with these three alone (the on-call consultant can phone back at once);
 * everything else is completed in the thread.
 */
export const EMERGENCY_REQUIRED = ['urgency', 'subject', 'contactPhone'] as const satisfies readonly ConsultationField[]

const UNANTICIPATED_MESSAGE = '死亡・死産の場合は、予期しなかった死亡かどうかを選んでください'

type RequestValues = Partial<Record<ConsultationField, string | null | undefined>>
const empty = (value: string | null | undefined) => value === undefined || value === null || value.trim() === ''

export type MissingDetail = { field: ConsultationField; label: string; message: string }

/** The fields a complete request has and this one lacks, in form order, with what to tell the member. */
export function missingDetails(values: RequestValues): MissingDetail[] {
  const missing = (Object.entries(REQUIRED) as [ConsultationField, { label: string; message: string }][])
    .filter(([field]) => empty(values[field]))
    .map(([field, { label, message }]) => ({ field, label, message }))
  if ((values.outcome === 'DEATH' || values.outcome === 'STILLBIRTH') && empty(values.unanticipated)) {
    missing.push({ field: 'unanticipated', label: '予期しなかった死亡・死産か', message: UNANTICIPATED_MESSAGE })
  }
  return missing
}

/** A request ready to send: every required field, or for 緊急 only the three of the fast path. */
export const ConsultationSubmitSchema = ConsultationDraftSchema.superRefine((value, ctx) => {
  const fastPath = value.urgency === 'EMERGENCY'
  for (const { field, message } of missingDetails(value)) {
    if (fastPath && !(EMERGENCY_REQUIRED as readonly string[]).includes(field)) continue
    ctx.addIssue({ code: 'custom', path: [field], message })
  }
})

/** What the requester may fill in on the thread: only fields still empty (the server ignores the rest). */
export const CompleteDetailsSchema = ConsultationDraftSchema.omit({ urgency: true })

export const MessageSchema = z.object({
  body: z.string({ error: 'メッセージを入力してください' }).trim().min(1, 'メッセージを入力してください').max(10000, 'メッセージは10,000文字以内で入力してください'),
  internal: z.literal('on').optional(),
  markAnswered: z.literal('on').optional(),
})

/** The free-text fields checked for identifiers: the team needs the facts, not who the patient is. */
export const DEIDENTIFIED_FIELDS = [
  { field: 'subject', label: '件名' },
  { field: 'decisionPending', label: '判断が必要な事項' },
  { field: 'summary', label: '事象の概要' },
  { field: 'familyConcerns', label: 'ご家族の受け止め・懸念' },
  { field: 'staffSupport', label: '関与した職員への支援' },
  { field: 'expertiseWanted', label: '希望する助言・専門性' },
] as const satisfies readonly { field: ConsultationField; label: string }[]
