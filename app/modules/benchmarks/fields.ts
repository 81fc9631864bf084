/**
 * The figures a hospital submits each month: one list for the form, the CSV columns, the database columns and
 * the validation messages. Shared by server and browser.
 */
export const COUNT_FIELDS = [
  { key: 'beds', column: 'beds', label: '稼働病床数', unit: '床' },
  { key: 'patientDays', column: 'patient_days', label: '延べ入院患者数（患者日）', unit: '患者日' },
  { key: 'reportsTotal', column: 'reports_total', label: 'インシデント報告総数', unit: '件' },
  { key: 'level0', column: 'level_0', label: 'レベル0', unit: '件' },
  { key: 'level1', column: 'level_1', label: 'レベル1', unit: '件' },
  { key: 'level2', column: 'level_2', label: 'レベル2', unit: '件' },
  { key: 'level3a', column: 'level_3a', label: 'レベル3a', unit: '件' },
  { key: 'level3b', column: 'level_3b', label: 'レベル3b', unit: '件' },
  { key: 'level4a', column: 'level_4a', label: 'レベル4a', unit: '件' },
  { key: 'level4b', column: 'level_4b', label: 'レベル4b', unit: '件' },
  { key: 'level5', column: 'level_5', label: 'レベル5', unit: '件' },
  { key: 'levelOther', column: 'level_other', label: 'その他（レベル）', unit: '件' },
  { key: 'byPhysician', column: 'by_physician', label: '医師・歯科医師', unit: '件' },
  { key: 'byNurse', column: 'by_nurse', label: '看護師', unit: '件' },
  { key: 'byPharmacist', column: 'by_pharmacist', label: '薬剤師', unit: '件' },
  { key: 'byCe', column: 'by_ce', label: '臨床工学技士', unit: '件' },
  { key: 'byRadiology', column: 'by_radiology', label: '診療放射線技師', unit: '件' },
  { key: 'byLab', column: 'by_lab', label: '臨床検査技師', unit: '件' },
  { key: 'byOther', column: 'by_other', label: 'その他（職種）', unit: '件' },
  { key: 'catMedication', column: 'cat_medication', label: '薬剤', unit: '件' },
  { key: 'catTransfusion', column: 'cat_transfusion', label: '輸血', unit: '件' },
  { key: 'catTreatment', column: 'cat_treatment', label: '治療・処置', unit: '件' },
  { key: 'catDevice', column: 'cat_device', label: '医療機器等', unit: '件' },
  { key: 'catDrainTube', column: 'cat_drain_tube', label: 'ドレーン・チューブ', unit: '件' },
  { key: 'catTest', column: 'cat_test', label: '検査', unit: '件' },
  { key: 'catCare', column: 'cat_care', label: '療養上の世話', unit: '件' },
  { key: 'catOther', column: 'cat_other', label: 'その他（分類）', unit: '件' },
  { key: 'falls', column: 'falls', label: '入院患者の転倒・転落', unit: '件' },
  { key: 'fallsInjury', column: 'falls_injury', label: 'うちレベル3b以上の転倒・転落', unit: '件' },
] as const

export type CountKey = (typeof COUNT_FIELDS)[number]['key']
export type Counts = Record<CountKey, number>

export const LEVEL_KEYS = ['level0', 'level1', 'level2', 'level3a', 'level3b', 'level4a', 'level4b', 'level5', 'levelOther'] as const satisfies readonly CountKey[]
export const PROFESSION_KEYS = ['byPhysician', 'byNurse', 'byPharmacist', 'byCe', 'byRadiology', 'byLab', 'byOther'] as const satisfies readonly CountKey[]
export const CATEGORY_KEYS = [
  'catMedication',
  'catTransfusion',
  'catTreatment',
  'catDevice',
  'catDrainTube',
  'catTest',
  'catCare',
  'catOther',
] as const satisfies readonly CountKey[]
/** Impact levels counted as harm in the 3b+ share: 3b, 4a, 4b and 5. */
export const HARM_LEVEL_KEYS = ['level3b', 'level4a', 'level4b', 'level5'] as const satisfies readonly CountKey[]

/** Each breakdown must add up to the total number of reports. */
export const BREAKDOWNS = [
  { key: 'levels', label: '影響度レベル別', keys: LEVEL_KEYS },
  { key: 'professions', label: '報告者の職種別', keys: PROFESSION_KEYS },
  { key: 'categories', label: '事象の分類別', keys: CATEGORY_KEYS },
] as const

export type BreakdownKey = (typeof BREAKDOWNS)[number]['key']

export const FIELD_BY_KEY = Object.fromEntries(COUNT_FIELDS.map((field) => [field.key, field])) as Record<CountKey, (typeof COUNT_FIELDS)[number]>

/** The CSV columns of import, template and export, in this order. */
export const CSV_COLUMNS = ['period', ...COUNT_FIELDS.map((field) => field.column)] as const

export const COUNT_KEYS: readonly CountKey[] = COUNT_FIELDS.map((field) => field.key)

// Filled key by key: Object.fromEntries over the keys was a visible share of the dashboard's CPU time.
export function emptyCounts(): Counts {
  const counts = {} as Counts
  for (const key of COUNT_KEYS) counts[key] = 0
  return counts
}

export function pickCounts(row: Counts): Counts {
  const counts = {} as Counts
  for (const key of COUNT_KEYS) counts[key] = row[key]
  return counts
}
