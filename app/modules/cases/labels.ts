/** Japanese labels for the case vocabulary (../shared/domain.md); codes are the database enums. */
export const IMPACT_LEVELS = {
  LEVEL_0: '0',
  LEVEL_1: '1',
  LEVEL_2: '2',
  LEVEL_3A: '3a',
  LEVEL_3B: '3b',
  LEVEL_4A: '4a',
  LEVEL_4B: '4b',
  LEVEL_5: '5',
  OTHER: 'その他',
} as const
export type ImpactLevelCode = keyof typeof IMPACT_LEVELS

export const IMPACT_LEVEL_DESCRIPTIONS: Record<ImpactLevelCode, string> = {
  LEVEL_0: '実施されなかった（ヒヤリ・ハット）',
  LEVEL_1: '実施されたが患者への実害なし',
  LEVEL_2: '一過性・軽度（処置・治療を要さない）',
  LEVEL_3A: '一過性・中等度（簡単な処置・治療を要した）',
  LEVEL_3B: '一過性・高度（濃厚な処置・治療を要した）',
  LEVEL_4A: '永続的・軽度〜中等度（日常生活に影響なし）',
  LEVEL_4B: '永続的・中等度〜高度（日常生活に影響あり）',
  LEVEL_5: '死亡（原疾患の自然経過によるものを除く）',
  OTHER: '自殺企図・暴力・クレームなど',
}

/** 3b and above are accidents / adverse events rather than incidents. */
export function isSeriousImpact(level: ImpactLevelCode): boolean {
  return level === 'LEVEL_3B' || level === 'LEVEL_4A' || level === 'LEVEL_4B' || level === 'LEVEL_5'
}

export const JQ_CATEGORIES = {
  MEDICATION: '薬剤',
  TRANSFUSION: '輸血',
  TREATMENT: '治療・処置',
  DEVICE: '医療機器等',
  DRAIN_TUBE: 'ドレーン・チューブ',
  TEST: '検査',
  CARE: '療養上の世話',
  OTHER: 'その他',
} as const
export type JqCategoryCode = keyof typeof JQ_CATEGORIES

export const CASE_PLACES = {
  WARD: '病棟',
  OUTPATIENT: '外来',
  OPERATING_ROOM: '手術室',
  ICU_HCU: 'ICU/HCU',
  EMERGENCY: '救急外来',
  LABORATORY: '検査室',
  PHARMACY: '薬剤部',
  OTHER: 'その他',
} as const
export type CasePlaceCode = keyof typeof CASE_PLACES

// Each band includes its lower edge and excludes its upper one, so exactly 3 years is 3年以上5年未満, never two bands.
export const EXPERIENCE_BANDS = {
  UNDER_1: '1年未満',
  Y1_UNDER_3: '1年以上3年未満',
  Y3_UNDER_5: '3年以上5年未満',
  Y5_UNDER_10: '5年以上10年未満',
  Y10_PLUS: '10年以上',
  UNKNOWN: '不明',
} as const
export type ExperienceBandCode = keyof typeof EXPERIENCE_BANDS

export const FACTOR_FRAMEWORKS = {
  SHELL: 'SHELL',
  P_MSHELL: 'P-mSHELL',
  FOUR_M: '4M',
} as const
export type FactorFrameworkCode = keyof typeof FACTOR_FRAMEWORKS

/** The elements each framework offers; a factor's element must be one of its framework's. */
export const FACTOR_ELEMENTS: Record<FactorFrameworkCode, Record<string, string>> = {
  SHELL: {
    S: 'S: ソフトウェア（手順・マニュアル）',
    H: 'H: ハードウェア（機器・設備）',
    E: 'E: 環境',
    L: 'L: 当事者',
    'L-L': 'L-L: 当事者以外の人',
  },
  P_MSHELL: {
    P: 'P: 患者',
    m: 'm: 管理',
    S: 'S: ソフトウェア（手順・マニュアル）',
    H: 'H: ハードウェア（機器・設備）',
    E: 'E: 環境',
    L: 'L: 当事者',
    'L-L': 'L-L: 当事者以外の人',
  },
  FOUR_M: {
    MAN: 'Man: 人',
    MACHINE: 'Machine: 機械・設備',
    MEDIA: 'Media: 環境・情報',
    MANAGEMENT: 'Management: 管理',
  },
}

/** One list of (framework, element) pairs for a single select: value "FRAMEWORK:ELEMENT". */
export const FACTOR_OPTIONS = (Object.keys(FACTOR_ELEMENTS) as FactorFrameworkCode[]).flatMap((framework) =>
  Object.entries(FACTOR_ELEMENTS[framework]).map(([element, label]) => ({
    value: `${framework}:${element}`,
    label: `${FACTOR_FRAMEWORKS[framework]} — ${label}`,
  })),
)

export function factorLabel(framework: FactorFrameworkCode, element: string): string {
  return `${FACTOR_FRAMEWORKS[framework]} ${FACTOR_ELEMENTS[framework][element] ?? element}`
}

export const COUNTERMEASURE_STRENGTHS = {
  STRONG: '強い',
  MODERATE: '中程度',
  WEAK: '弱い',
} as const
export type CountermeasureStrengthCode = keyof typeof COUNTERMEASURE_STRENGTHS

export const COUNTERMEASURE_STRENGTH_HINTS: Record<CountermeasureStrengthCode, string> = {
  STRONG: '強制機能・標準化・構造の変更など',
  MODERATE: 'チェックリスト・独立した冗長性・人員配置など',
  WEAK: '教育・注意喚起・新しいルール・ダブルチェックなど',
}

/**
 * Shown beside the strength choice. Source: National Patient Safety Foundation, "RCA2: Improving Root Cause
 * Analyses and Actions to Prevent Harm" (2015), action hierarchy — double checks are listed among the weaker
 * actions; only redundancy of independent kinds counts as intermediate.
 */
export const RCA2_DOUBLE_CHECK_NOTE =
  'RCA2（NPSF, 2015）の行動階層では、ダブルチェックは「弱い」対策に分類されます。独立した別の手段による確認（冗長性）でなければ「中程度」にはなりません。'

/**
 * The 4E dimension of a countermeasure (4M-4E analysis, used in Japanese hospitals' RCA alongside SHELL): what
 * kind of measure it is. Optional per countermeasure, independent of its strength.
 */
export const COUNTERMEASURE_DIMENSIONS = {
  EDUCATION: 'Education（教育・訓練）',
  ENGINEERING: 'Engineering（技術・工学: 設備・機器・システム）',
  ENFORCEMENT: 'Enforcement（強化・徹底: 規則・監査）',
  EXAMPLE: 'Example（模範・事例: 率先・事例の共有）',
} as const
export type CountermeasureDimensionCode = keyof typeof COUNTERMEASURE_DIMENSIONS

/** The rich-text sections of a case, in reading order. */
/**
 * Characters per rich-text section, counted as the editor counts them (issue 13, F4: a 1,000,000-character
 * chronology was saved). The editor shows the same limit while typing.
 */
export const CASE_SECTION_MAX_LENGTH = 20_000
/** Characters per comment (the comment box shows the count). */
export const COMMENT_MAX_LENGTH = 5_000

export const CASE_SECTIONS = [
  { name: 'chronology', label: '経過・時系列' },
  { name: 'discovery', label: '発見の経緯' },
  { name: 'analysis', label: '要因分析' },
  { name: 'countermeasuresText', label: '対策' },
  { name: 'lessons', label: '教訓' },
] as const
export type CaseSectionName = (typeof CASE_SECTIONS)[number]['name']

export const CASE_SORTS = { newest: '新しい順', discussed: 'コメントの多い順' } as const
export type CaseSort = keyof typeof CASE_SORTS

/**
 * What members see instead of the author's name and hospital on an anonymous case. 「会員」 alone read like a
 * person's name (issue 17); 「匿名の会員」 cannot.
 */
export const ANONYMOUS_AUTHOR = '匿名の会員'

export function occurredLabel(year: number, month: number): string {
  return `${year}年${month}月`
}
