/** Japanese labels for the member vocabulary; codes are the database enums. */
export const PROFESSIONS = {
  PHYSICIAN: '医師',
  DENTIST: '歯科医師',
  NURSE: '看護師',
  PHARMACIST: '薬剤師',
  CLINICAL_ENGINEER: '臨床工学技士',
  RADIOLOGICAL_TECHNOLOGIST: '診療放射線技師',
  LABORATORY_TECHNOLOGIST: '臨床検査技師',
  ADMINISTRATIVE: '事務',
  OTHER: 'その他',
} as const
export type ProfessionCode = keyof typeof PROFESSIONS

export const COURSES = {
  CQSO: 'CQSO',
  EQSO: 'EQSO',
  AQSO_DAILY: 'AQSO（日々）',
  AQSO_CRISIS: 'AQSO（有事）',
  AQSO_NORMAL: 'AQSO（平時）',
  AQSO_PROBLEM: 'AQSO（問題）',
} as const
export type CourseCode = keyof typeof COURSES

export const HOSPITAL_TYPES = {
  SPECIAL_FUNCTION: '特定機能病院',
  REGIONAL_SUPPORT: '地域医療支援病院',
  GENERAL: '一般病院',
  PSYCHIATRIC: '精神科病院',
  CLINIC: '診療所',
  OTHER: 'その他',
} as const
export type HospitalTypeCode = keyof typeof HOSPITAL_TYPES

export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県',
  '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県',
  '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県',
  '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県',
  '宮崎県', '鹿児島県', '沖縄県',
] as const

export const USER_STATUSES = { ACTIVE: '有効', DEACTIVATED: '停止中' } as const

export function courseLabel(course: CourseCode | null, cohort: number | null): string {
  if (!course) return '—'
  return cohort ? `${COURSES[course]} ${cohort}期` : COURSES[course]
}

export function enumKeys<T extends Record<string, string>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]
}
