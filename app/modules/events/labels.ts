/** Japanese labels for the programme events vocabulary; codes are the database enums. */
export const EVENT_KINDS = {
  FOLLOW_UP: 'フォロー研修会',
  REATTENDANCE: '再聴講研修',
  CASE_REVIEW: '事例検討会',
  RESULTS: '成果報告会',
  OTHER: 'その他',
} as const
export type EventKindCode = keyof typeof EVENT_KINDS

export const REGISTRATION_STATUSES = {
  REGISTERED: '参加登録済み',
  WAITLISTED: 'キャンセル待ち',
  CANCELLED: 'キャンセル済み',
} as const
export type RegistrationStatusCode = keyof typeof REGISTRATION_STATUSES
