import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { SelectField, TextareaField, TextField, toOptions } from '#app/components/ui/fields.tsx'
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
  URGENCY_TARGET_LABELS,
  YES_NO_UNSURE_LABELS,
} from '#app/modules/consultations/labels.ts'
import { DEIDENTIFIED_FIELDS, EMERGENCY_REQUIRED, missingDetails, type ConsultationField } from '#app/modules/consultations/schemas.ts'
import { DeidentifyHint } from './deidentify-hint.tsx'

type Fields = Record<ConsultationField, FieldMetadata<string | undefined>>

const urgencyOptions = (Object.keys(URGENCY_LABELS) as (keyof typeof URGENCY_LABELS)[]).map((value) => ({
  value,
  label: `${URGENCY_LABELS[value]}（${URGENCY_TARGET_LABELS[value]}）`,
}))

// The fields a complete request needs (the same list the server checks), for the 必須 marks.
const COMPLETE_REQUIRED = new Set(missingDetails({}).map(({ field }) => field))
const FAST_REQUIRED: ReadonlySet<ConsultationField> = new Set(EMERGENCY_REQUIRED)

type Props = {
  fields: Fields
  /** Current free-text values, for the live de-identification check. */
  texts: Partial<Record<ConsultationField, string>>
  /** 緊急 selected: only the three fast-path fields are marked required. */
  fastPath: boolean
  /** Ask whether the member's hospital is a 報告義務対象医療機関 (its flag is still unknown). */
  askJqObligation: boolean
  /** Show only these fields (the thread's "still missing" form); all when absent. */
  only?: readonly ConsultationField[]
}

/**
 * The request's fields, grouped as the team reads them, the fast-path three first; every field keeps what was
 * typed on errors. The same component renders the whole form and, in the thread, just the missing fields.
 */
export function RequestFormFields({ fields, texts, fastPath, askJqObligation, only }: Props) {
  const shown = (field: ConsultationField) => !only || only.includes(field)
  const required = (field: ConsultationField) => (fastPath && !only ? FAST_REQUIRED.has(field) : COMPLETE_REQUIRED.has(field))
  const hint = (field: (typeof DEIDENTIFIED_FIELDS)[number]['field']) => {
    const label = DEIDENTIFIED_FIELDS.find((entry) => entry.field === field)?.label ?? ''
    return <DeidentifyHint fieldId={fields[field].id} label={label} text={texts[field] ?? ''} />
  }
  const group = (legend: string, members: readonly ConsultationField[], children: ReactNode, intro?: ReactNode) =>
    members.some(shown) ? (
      <fieldset className="card stack consultation-fieldset">
        <legend>{legend}</legend>
        {intro}
        {children}
      </fieldset>
    ) : null
  const select = (field: ConsultationField, label: string, labels: Record<string, string>, help?: string) =>
    shown(field) ? <SelectField field={fields[field]} label={label} options={toOptions(labels)} required={required(field)} help={help} /> : null
  const textarea = (field: (typeof DEIDENTIFIED_FIELDS)[number]['field'], label: string, rows: number, help?: string) =>
    shown(field) ? (
      <>
        <TextareaField field={fields[field]} label={label} rows={rows} required={required(field)} help={help} />
        {hint(field)}
      </>
    ) : null

  return (
    <>
      {group(
        only ? '連絡先と件名' : 'まず送る3項目',
        ['urgency', 'subject', 'contactPhone', 'contactName'],
        <>
          {shown('urgency') ? (
            <SelectField field={fields.urgency} label="緊急度" options={urgencyOptions} required help="緊急は2時間以内、至急は24時間以内、通常は3日以内の回答を目標にしています。" />
          ) : null}
          {shown('subject') ? (
            <>
              <TextField field={fields.subject} label="件名（匿名化した一行の要約）" required={required('subject')} help="例: 術後の急変で死亡、センター報告の要否を判断したい" />
              {hint('subject')}
            </>
          ) : null}
          <div className="form-grid">
            {shown('contactPhone') ? <TextField field={fields.contactPhone} label="24時間つながる電話番号" type="tel" required={required('contactPhone')} autoComplete="tel" /> : null}
            {shown('contactName') ? <TextField field={fields.contactName} label="連絡先の氏名" required={required('contactName')} autoComplete="name" /> : null}
          </div>
        </>,
        only ? undefined : (
          <p className="notice small" style={{ margin: 0 }}>
            <strong>緊急</strong>の場合は、緊急度・件名・電話番号の3項目だけで送信できます。当番のコンサルタントにすぐメールが届き、残りの項目は送信後に相談のページで入力できます。
          </p>
        ),
      )}

      {group(
        '判断が必要な事項と事象の概要',
        ['decisionPending', 'summary', 'jqCategory', 'impactLevel'],
        <>
          {textarea('decisionPending', '判断が必要な事項', 3, '例: 医療事故調査・支援センターへ報告すべきか、本日中に判断したい。')}
          {textarea('summary', '事象の概要（匿名化したもの）', 8)}
          <div className="form-grid">
            {select('jqCategory', '事象の分類（JQ）', JQ_CATEGORY_LABELS)}
            {select('impactLevel', '影響度分類', IMPACT_LEVEL_LABELS)}
          </div>
        </>,
        shown('summary') || shown('decisionPending') ? (
          <p className="notice notice--warning small">
            患者・職員の氏名、患者ID、生年月日、正確な日付、住所、他院の名称は書かないでください。日付は「X日目」、年月までにしてください。
          </p>
        ) : undefined,
      )}

      {group(
        '患者の転帰',
        ['outcome', 'unanticipated', 'riskExplained'],
        <div className="form-grid">
          {select('outcome', '転帰', OUTCOME_LABELS)}
          {select('unanticipated', '予期しなかった死亡・死産か', YES_NO_UNSURE_LABELS, '死亡・死産の場合は必須です。')}
          {select('riskExplained', 'リスクを事前に説明し、記録していたか', YES_NO_UNSURE_LABELS)}
        </div>,
      )}

      {group(
        '報告と対応の状況',
        ['centreReport', 'jqReport', 'policeReport', 'familyInformed', 'autopsy', 'evidencePreserved', 'mediaAttention', 'legalInvolvement', 'familyConcerns', 'staffSupport', ...(askJqObligation ? (['hospitalJqObliged'] as const) : [])],
        <>
          {askJqObligation && shown('hospitalJqObliged') ? (
            <SelectField
              field={fields.hospitalJqObliged}
              label="あなたの病院は医療事故情報収集等事業の報告義務対象医療機関ですか"
              options={toOptions(YES_NO_UNSURE_LABELS)}
              help="特定機能病院・国立高度専門医療研究センター・大学病院などです。回答は病院の情報として保存され、次回からは聞かれません（わからない場合は保存されません）。"
            />
          ) : null}
          <div className="form-grid">
            {select('centreReport', '医療事故調査・支援センターへの報告', REPORT_STATUS_LABELS)}
            {select('jqReport', 'JQ（医療事故情報収集等事業）への報告', REPORT_STATUS_LABELS)}
            {select('policeReport', '警察への届出（医師法21条）', REPORT_STATUS_LABELS)}
            {select('familyInformed', 'ご家族への説明', FAMILY_INFORMED_LABELS)}
            {select('autopsy', '解剖・Ai', AUTOPSY_LABELS)}
            {select('evidencePreserved', '証拠の保全（カルテ・機器・薬剤など）', EVIDENCE_LABELS)}
            {select('mediaAttention', '報道・SNS', MEDIA_LABELS)}
            {select('legalInvolvement', '弁護士・保険会社', LEGAL_LABELS)}
          </div>
          {textarea('familyConcerns', 'ご家族の受け止め・懸念', 3)}
          {textarea('staffSupport', '関与した職員への支援', 3)}
        </>,
      )}

      {group('希望する助言', ['expertiseWanted'], textarea('expertiseWanted', '希望する助言・専門性', 3))}

      {shown('contactNote') ? (
        <fieldset className="card stack consultation-fieldset">
          <legend>連絡方法の補足</legend>
          <TextField field={fields.contactNote} label="連絡方法の補足" help="例: 夜間は医療安全管理室の当直携帯へ。" />
        </fieldset>
      ) : null}
    </>
  )
}
