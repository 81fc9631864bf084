/**
 * The QSO project's programme facts for the current fiscal year: the one file the secretariat updates each year.
 * Source: ../shared/domain.md, "The QSO project" and "The public programme page". Pure data and pure helpers,
 * no I/O, so the public page (and anything else) renders from here instead of hard-coding facts in JSX.
 *
 * Yearly update checklist: FISCAL_YEAR, RECRUITMENT, each course's cohort, SCHEDULE, GRADUATE_COUNT,
 * STUDENTS_BY_YEAR, the follow-up training dates in SUPPORT_PROGRAMME. The tests check the shape of the schedule
 * and that the recruitment weekdays match their dates.
 */

export const FISCAL_YEAR = 2026

// --- The project --------------------------------------------------------------------------------------------

export const PROJECT = {
  name: 'QSOプロジェクト',
  englishName: 'Quality and Safety Officer',
  organiser: '名古屋大学医学部附属病院 患者安全推進部',
  mission: '回避可能な有害事象を撲滅する',
  predecessor: { name: 'ASUISHI プロジェクト', startedYear: 2015 },
  /** Graduates of the project so far. */
  graduateCount: 71,
  /** The "double loop" of patient-safety practice, told in words (the original page shows it as an image). */
  doubleLoop: {
    title: 'ダブルループの学び',
    body:
      '目の前の問題への対処（シングルループ）にとどまらず、その前提となる仕組みや考え方そのものを見直す' +
      '「ダブルループ」で患者安全の実践を学びます。',
  },
} as const

// --- Recruitment --------------------------------------------------------------------------------------------

/** A calendar date in Japan (YYYY-MM-DD). */
export type IsoDate = `${number}-${number}-${number}`

export const RECRUITMENT = {
  /** First day of the application period, whole day in Japan time. */
  opens: '2026-05-01',
  /** Last day of the application period, included in full (until 23:59:59 Japan time). */
  closes: '2026-06-30',
  note: '日程は変更になる場合があります',
} as const satisfies { opens: IsoDate; closes: IsoDate; note: string }

export type RecruitmentState = 'before' | 'open' | 'closed'

export const RECRUITMENT_STATE_LABELS = {
  before: '募集前',
  open: '募集中',
  closed: '募集終了',
} as const satisfies Record<RecruitmentState, string>

const DAY_MS = 24 * 60 * 60 * 1000

/** Midnight at the start of a Japanese calendar day. Japan has no daylight saving time, so +09:00 is always right. */
export function startOfJapanDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+09:00`)
}

/** Where `now` falls in the recruitment period; both end days count in full, in Japan time (Asia/Tokyo). */
export function recruitmentState(now: Date, period: { opens: IsoDate; closes: IsoDate } = RECRUITMENT): RecruitmentState {
  const opensAt = startOfJapanDay(period.opens).getTime()
  const closesAt = startOfJapanDay(period.closes).getTime() + DAY_MS // exclusive: midnight after the last day
  const time = now.getTime()
  if (time < opensAt) return 'before'
  if (time < closesAt) return 'open'
  return 'closed'
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const

/** The Japanese weekday of a calendar date, e.g. '2026-05-01' → '金'. */
export function japaneseWeekday(date: IsoDate): (typeof WEEKDAYS)[number] {
  // The date is a calendar day, so read it in UTC: the weekday is the same everywhere for a date without a time.
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!
}

// --- Courses ------------------------------------------------------------------------------------------------

export type CourseCode = 'CQSO' | 'EQSO' | 'AQSO'

export type Course = {
  code: CourseCode
  /** Japanese name shown next to the code. */
  name: string
  /** Who may apply. */
  eligibility: string
  feeYen: number
  /** Approximate hours of the whole course. */
  hours: number
  /** The cohort (期) that starts in FISCAL_YEAR. */
  cohort: number
  /** Counts as the MHLW-designated 医療安全管理者 (GRM) training. */
  grmTraining: boolean
}

export const COURSES = [
  {
    code: 'CQSO',
    name: '最高質安全責任者',
    eligibility: '医師・歯科医師（医療安全管理者養成研修の受講歴は問いません）',
    feeYen: 1_200_000,
    hours: 150,
    cohort: 8,
    grmTraining: true,
  },
  {
    code: 'EQSO',
    name: 'エキスパート',
    eligibility: '医師・歯科医師以外の医療職および事務職員（医療安全管理者養成研修の受講歴は問いません）',
    feeYen: 600_000,
    hours: 120,
    cohort: 5,
    grmTraining: true,
  },
  {
    code: 'AQSO',
    name: 'アドバンスト',
    eligibility: '医師・歯科医師以外の方で、原則として医療安全管理者養成研修を修了した方',
    feeYen: 250_000,
    hours: 50,
    cohort: 5,
    grmTraining: false,
  },
] as const satisfies readonly Course[]

export const GRM_TRAINING_NOTE = 'CQSO・EQSO は厚生労働省の定める医療安全管理者養成研修に該当します。'

/** Students per course in a past fiscal year (shown as the project's track record). */
export const STUDENTS_BY_YEAR = {
  fiscalYear: 2024,
  counts: { CQSO: 5, EQSO: 3, AQSO: 3 },
} as const satisfies { fiscalYear: number; counts: Record<CourseCode, number> }

// --- AQSO tracks --------------------------------------------------------------------------------------------

export type AqsoTrackCode = 'DAILY' | 'CRISIS' | 'NORMAL' | 'PROBLEM'

export type AqsoTrack = { code: AqsoTrackCode; name: string; description: string }

export const AQSO_TRACKS = [
  { code: 'DAILY', name: '日々', description: '日々の業務の中で続ける患者安全の取り組みを学びます。' },
  { code: 'CRISIS', name: '有事', description: '重大な有害事象が起きたとき（有事）の対応を学びます。' },
  { code: 'NORMAL', name: '平時', description: '平時の医療安全管理の体制づくりと運営を学びます。' },
  { code: 'PROBLEM', name: '問題', description: '現場の問題を分析し解決する実践（問題解決）を学びます。' },
] as const satisfies readonly AqsoTrack[]

// --- Schedule -----------------------------------------------------------------------------------------------

/** Column keys match the course codes in members/labels.ts (AQSO_DAILY …). */
export type ScheduleColumnKey = 'CQSO' | 'EQSO' | 'AQSO_DAILY' | 'AQSO_CRISIS' | 'AQSO_NORMAL' | 'AQSO_PROBLEM'

export type ScheduleColumn = { key: ScheduleColumnKey; label: string; course: CourseCode; track?: AqsoTrackCode }

export const SCHEDULE_COLUMNS = [
  { key: 'CQSO', label: 'CQSO', course: 'CQSO' },
  { key: 'EQSO', label: 'EQSO', course: 'EQSO' },
  { key: 'AQSO_DAILY', label: '日々', course: 'AQSO', track: 'DAILY' },
  { key: 'AQSO_CRISIS', label: '有事', course: 'AQSO', track: 'CRISIS' },
  { key: 'AQSO_NORMAL', label: '平時', course: 'AQSO', track: 'NORMAL' },
  { key: 'AQSO_PROBLEM', label: '問題', course: 'AQSO', track: 'PROBLEM' },
] as const satisfies readonly ScheduleColumn[]

/** The cell text for "no session for this course in this クール". */
export const NO_SESSION = '–'

/** Marks an online session inside a cell's text. */
export const WEB_MARK = 'Web'

/** One row of the schedule: a クール (session block) or the results meeting. Cells are display strings. */
export type ScheduleRow = {
  label: string
  cells: Record<ScheduleColumnKey, string>
}

const PROBLEM_SOLVING_PRACTICE = '問題解決実践: 2027/2/4, 2/19, 3/15, 4/23 (Web)'
const DAILY_PRACTICE_CLASS = '日々の取り組み授業: 日程未定 (Web)'
const RESULTS_MEETING = '2027/6/12'

export const SCHEDULE = {
  caption: `${FISCAL_YEAR}年度 日程（クール）`,
  note: '1年間は9月から3月までの「クール」で進み、6月に成果報告会を行います。Web はオンライン開催です。',
  rows: [
    {
      label: 'クール1',
      cells: {
        CQSO: '2026/9/15–18',
        EQSO: '2026/9/15–18',
        AQSO_DAILY: '2026/9/15–18',
        AQSO_CRISIS: '2026/9/15,16',
        AQSO_NORMAL: '2026/9/15,16',
        AQSO_PROBLEM: '2026/9/15,16',
      },
    },
    {
      label: 'クール2',
      cells: {
        CQSO: '2026/10/2–6',
        EQSO: '2026/10/2–6',
        AQSO_DAILY: '2026/10/6',
        AQSO_CRISIS: '2026/10/2–6',
        AQSO_NORMAL: '2026/10/6',
        AQSO_PROBLEM: '2026/10/6',
      },
    },
    {
      label: 'クール3',
      cells: {
        CQSO: '10/20 Web; 10/27–30',
        EQSO: '10/20 Web; 10/27–30',
        AQSO_DAILY: '10/20 Web; 10/28',
        AQSO_CRISIS: NO_SESSION,
        AQSO_NORMAL: '10/27,28',
        AQSO_PROBLEM: '10/27,30',
      },
    },
    {
      label: 'クール4',
      cells: {
        CQSO: '2026/11/18–20',
        EQSO: '2026/11/18–20',
        AQSO_DAILY: '2026/11/18',
        AQSO_CRISIS: '2026/11/18',
        AQSO_NORMAL: '2026/11/18–20',
        AQSO_PROBLEM: '2026/11/18,20',
      },
    },
    {
      label: 'クール5',
      cells: {
        CQSO: '2026/12/15–18',
        EQSO: '2026/12/15–17',
        AQSO_DAILY: '2026/12/16',
        AQSO_CRISIS: '2026/12/15',
        AQSO_NORMAL: '2026/12/16',
        AQSO_PROBLEM: '2026/12/17',
      },
    },
    {
      label: 'クール6',
      cells: {
        CQSO: '2027/2/2–4',
        EQSO: PROBLEM_SOLVING_PRACTICE,
        AQSO_DAILY: DAILY_PRACTICE_CLASS,
        AQSO_CRISIS: NO_SESSION,
        AQSO_NORMAL: NO_SESSION,
        AQSO_PROBLEM: PROBLEM_SOLVING_PRACTICE,
      },
    },
    {
      label: 'クール7',
      cells: {
        CQSO: '2027/3/11,12',
        EQSO: DAILY_PRACTICE_CLASS,
        AQSO_DAILY: NO_SESSION,
        AQSO_CRISIS: NO_SESSION,
        AQSO_NORMAL: NO_SESSION,
        AQSO_PROBLEM: NO_SESSION,
      },
    },
    {
      label: '成果報告会',
      cells: {
        CQSO: RESULTS_MEETING,
        EQSO: RESULTS_MEETING,
        AQSO_DAILY: RESULTS_MEETING,
        AQSO_CRISIS: RESULTS_MEETING,
        AQSO_NORMAL: RESULTS_MEETING,
        AQSO_PROBLEM: RESULTS_MEETING,
      },
    },
  ],
} as const satisfies { caption: string; note: string; rows: readonly ScheduleRow[] }

export type CellPart = { text: string; web: boolean }

/**
 * Splits a cell's text so the UI can mark online sessions, dropping the brackets around a "(Web)" mark:
 * '10/20 Web; 10/27–30' → [{ '10/20', web: false }, { 'Web', web: true }, { '; 10/27–30', web: false }].
 */
export function splitWebMarks(cell: string): CellPart[] {
  return cell
    .split(new RegExp(`(\\(${WEB_MARK}\\)|${WEB_MARK})`))
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => (part === WEB_MARK || part === `(${WEB_MARK})` ? { text: WEB_MARK, web: true } : { text: part, web: false }))
}

// --- Support programme (支援事業) for graduates --------------------------------------------------------------

export type SupportItem = { name: string; description: string; recentSessions?: readonly string[] }

export const SUPPORT_PROGRAMME = [
  {
    name: 'フォロー研修会',
    description: '修了後も学びを続けるための研修会です。',
    recentSessions: ['2024年12月', '2025年6月'],
  },
  { name: '再聴講研修', description: '修了生が講義をもう一度聴講できます。' },
  { name: '事例検討会', description: '修了生が事例を持ち寄り、ともに検討します。' },
  { name: '危機管理相談', description: '重大な事象が起きたときに、専門家に相談できます。' },
  { name: 'ベストプラクティス共有', description: '各病院でうまくいった取り組みを共有します。' },
  { name: 'リスク量・ベンチマーキング', description: 'インシデント報告件数などのリスク量を他の病院と比較します。' },
  { name: 'ASUISHI/QSO ハブセンター', description: 'ASUISHI・QSO の修了生をつなぐ拠点です。' },
] as const satisfies readonly SupportItem[]

// --- QSO Hub (this site) ------------------------------------------------------------------------------------

export const HUB = {
  name: 'QSO Hub',
  summary: 'QSO Hub は QSOプロジェクト修了生のための会員専用サイトで、支援事業のオンラインの拠点です。登録は事務局からの招待制です。',
  features: [
    { name: '事例共有', description: 'インシデント事例を匿名化して共有し、学び合います。' },
    { name: 'ベストプラクティス', description: 'うまくいった取り組みと、導入した病院の結果を共有します。' },
    { name: 'ベンチマーク', description: '報告件数・転倒率などを同規模の病院と比較します。' },
    { name: '危機管理相談', description: '重大事象の発生時に専門家へ相談できます（機密）。' },
  ],
} as const satisfies { name: string; summary: string; features: readonly { name: string; description: string }[] }

// --- Contact ------------------------------------------------------------------------------------------------

export const CONTACT = {
  organisation: '名古屋大学医学部附属病院 患者安全推進部',
  postcode: '466-8560',
  address: '愛知県名古屋市昭和区鶴舞町65番地',
  tel: '052-744-2609',
  email: 'hrcjimu@med.nagoya-u.ac.jp',
} as const
