/**
 * Codes and Japanese labels of a crisis-consultation request (../shared/domain.md "Crisis consultation"),
 * shared by the form, the thread, the desk and the server-side validation.
 */
import { JQ_CATEGORIES } from '#app/modules/cases/labels.ts'

export type ConsultationStatusCode = 'DRAFT' | 'SUBMITTED' | 'IN_PROGRESS' | 'ANSWERED' | 'CLOSED'
export type UrgencyCode = 'EMERGENCY' | 'URGENT' | 'ROUTINE'
export type OutcomeCode = 'ALIVE' | 'DEATH' | 'STILLBIRTH'

export const STATUS_LABELS: Record<ConsultationStatusCode, string> = {
  DRAFT: '下書き',
  SUBMITTED: '受付',
  IN_PROGRESS: '対応中',
  ANSWERED: '回答済',
  CLOSED: '完了',
}

export const URGENCY_LABELS: Record<UrgencyCode, string> = {
  EMERGENCY: '緊急',
  URGENT: '至急',
  ROUTINE: '通常',
}

/** How soon the team aims to answer, by urgency. */
export const URGENCY_TARGET_HOURS: Record<UrgencyCode, number> = { EMERGENCY: 2, URGENT: 24, ROUTINE: 72 }

export const URGENCY_TARGET_LABELS: Record<UrgencyCode, string> = {
  EMERGENCY: '2時間以内に回答',
  URGENT: '24時間以内に回答',
  ROUTINE: '3日以内に回答',
}

/** Queue order: the most urgent first. */
export const URGENCY_RANK: Record<UrgencyCode, number> = { EMERGENCY: 0, URGENT: 1, ROUTINE: 2 }

export const OUTCOME_LABELS: Record<OutcomeCode, string> = {
  ALIVE: '生存',
  DEATH: '死亡',
  STILLBIRTH: '死産',
}

// JQ 医療事故情報収集等事業: the same eight categories (and codes) as cases.
export const JQ_CATEGORY_LABELS = JQ_CATEGORIES

// 影響度分類 (国立大学附属病院医療安全管理協議会).
export const IMPACT_LEVEL_LABELS = {
  '0': '0（実施されなかった）',
  '1': '1（実害なし）',
  '2': '2（一過性・軽度）',
  '3a': '3a（一過性・中等度）',
  '3b': '3b（一過性・高度）',
  '4a': '4a（永続的・軽度〜中等度）',
  '4b': '4b（永続的・中等度〜高度）',
  '5': '5（死亡）',
  other: 'その他（自殺企図・暴力・クレーム等）',
} as const

export const YES_NO_UNSURE_LABELS = { YES: 'はい', NO: 'いいえ', UNSURE: 'わからない・確認中' } as const

export const REPORT_STATUS_LABELS = {
  DONE: '報告済み',
  PLANNED: '報告予定',
  CONSIDERING: '検討中',
  NOT_REQUIRED: '対象外・不要と判断',
} as const

export const FAMILY_INFORMED_LABELS = { YES: '説明済み', PARTIAL: '一部説明済み', NO: '未説明' } as const

export const AUTOPSY_LABELS = {
  DONE: '実施済み（解剖・Ai）',
  PLANNED: '実施予定・遺族と相談中',
  DECLINED: '遺族が希望しない',
  NOT_DONE: '実施していない',
  NOT_APPLICABLE: '該当しない（生存）',
} as const

export const EVIDENCE_LABELS = { YES: '保全済み', PARTIAL: '一部保全', NO: '未保全' } as const

export const MEDIA_LABELS = {
  NONE: 'なし',
  POSSIBLE: '可能性あり',
  ENQUIRY: '問い合わせあり',
  PUBLIC: '報道・SNSで拡散',
} as const

export const LEGAL_LABELS = {
  NONE: 'なし',
  CONSULTING: '相談を検討中',
  LAWYER: '弁護士が関与',
  INSURER: '保険会社が関与',
  BOTH: '弁護士・保険会社とも関与',
} as const

export type JqCategoryCode = keyof typeof JQ_CATEGORY_LABELS
export type ImpactLevelCode = keyof typeof IMPACT_LEVEL_LABELS
