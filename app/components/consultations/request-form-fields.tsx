import type { FieldMetadata } from '@conform-to/react'
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
import { DEIDENTIFIED_FIELDS, type ConsultationField } from '#app/modules/consultations/schemas.ts'
import { DeidentifyHint } from './deidentify-hint.tsx'

type Fields = Record<ConsultationField, FieldMetadata<string | undefined>>

const urgencyOptions = (Object.keys(URGENCY_LABELS) as (keyof typeof URGENCY_LABELS)[]).map((value) => ({
  value,
  label: `${URGENCY_LABELS[value]}（${URGENCY_TARGET_LABELS[value]}）`,
}))

/**
 * The request form's fields, grouped as the team reads them; every field keeps what was typed on errors. `texts`
 * holds the current free-text values for the live de-identification check.
 */
export function RequestFormFields({ fields, texts }: { fields: Fields; texts: Partial<Record<ConsultationField, string>> }) {
  const hint = (field: (typeof DEIDENTIFIED_FIELDS)[number]['field']) => {
    const label = DEIDENTIFIED_FIELDS.find((entry) => entry.field === field)?.label ?? ''
    return <DeidentifyHint fieldId={fields[field].id} label={label} text={texts[field] ?? ''} />
  }
  return (
    <>
      <fieldset className="card stack consultation-fieldset">
        <legend>緊急度と判断が必要な事項</legend>
        <SelectField field={fields.urgency} label="緊急度" options={urgencyOptions} required help="緊急は2時間以内、至急は24時間以内、通常は3日以内の回答を目標にしています。" />
        <TextareaField field={fields.decisionPending} label="判断が必要な事項" rows={3} required help="例: 医療事故調査・支援センターへ報告すべきか、本日中に判断したい。" />
        {hint('decisionPending')}
      </fieldset>

      <fieldset className="card stack consultation-fieldset">
        <legend>事象の概要</legend>
        <p className="notice notice--warning small">
          患者・職員の氏名、患者ID、生年月日、正確な日付、住所、他院の名称は書かないでください。日付は「X日目」、年月までにしてください。
        </p>
        <TextareaField field={fields.summary} label="事象の概要（匿名化したもの）" rows={8} required />
        {hint('summary')}
        <div className="form-grid">
          <SelectField field={fields.jqCategory} label="事象の分類（JQ）" options={toOptions(JQ_CATEGORY_LABELS)} required />
          <SelectField field={fields.impactLevel} label="影響度分類" options={toOptions(IMPACT_LEVEL_LABELS)} required />
        </div>
      </fieldset>

      <fieldset className="card stack consultation-fieldset">
        <legend>患者の転帰</legend>
        <div className="form-grid">
          <SelectField field={fields.outcome} label="転帰" options={toOptions(OUTCOME_LABELS)} required />
          <SelectField field={fields.unanticipated} label="予期しなかった死亡・死産か" options={toOptions(YES_NO_UNSURE_LABELS)} help="死亡・死産の場合は必須です。" />
          <SelectField field={fields.riskExplained} label="リスクを事前に説明し、記録していたか" options={toOptions(YES_NO_UNSURE_LABELS)} />
        </div>
      </fieldset>

      <fieldset className="card stack consultation-fieldset">
        <legend>報告と対応の状況</legend>
        <div className="form-grid">
          <SelectField field={fields.centreReport} label="医療事故調査・支援センターへの報告" options={toOptions(REPORT_STATUS_LABELS)} required />
          <SelectField field={fields.jqReport} label="JQ（医療事故情報収集等事業）への報告" options={toOptions(REPORT_STATUS_LABELS)} required />
          <SelectField field={fields.policeReport} label="警察への届出（医師法21条）" options={toOptions(REPORT_STATUS_LABELS)} required />
          <SelectField field={fields.familyInformed} label="ご家族への説明" options={toOptions(FAMILY_INFORMED_LABELS)} required />
          <SelectField field={fields.autopsy} label="解剖・Ai" options={toOptions(AUTOPSY_LABELS)} />
          <SelectField field={fields.evidencePreserved} label="証拠の保全（カルテ・機器・薬剤など）" options={toOptions(EVIDENCE_LABELS)} />
          <SelectField field={fields.mediaAttention} label="報道・SNS" options={toOptions(MEDIA_LABELS)} />
          <SelectField field={fields.legalInvolvement} label="弁護士・保険会社" options={toOptions(LEGAL_LABELS)} />
        </div>
        <TextareaField field={fields.familyConcerns} label="ご家族の受け止め・懸念" rows={3} />
        {hint('familyConcerns')}
        <TextareaField field={fields.staffSupport} label="関与した職員への支援" rows={3} />
        {hint('staffSupport')}
      </fieldset>

      <fieldset className="card stack consultation-fieldset">
        <legend>希望する助言</legend>
        <TextareaField field={fields.expertiseWanted} label="希望する助言・専門性" rows={3} required />
        {hint('expertiseWanted')}
      </fieldset>

      <fieldset className="card stack consultation-fieldset">
        <legend>24時間つながる連絡先</legend>
        <div className="form-grid">
          <TextField field={fields.contactName} label="氏名" required autoComplete="name" />
          <TextField field={fields.contactPhone} label="電話番号" type="tel" required autoComplete="tel" />
        </div>
        <TextField field={fields.contactNote} label="連絡方法の補足" help="例: 夜間は医療安全管理室の当直携帯へ。" />
      </fieldset>
    </>
  )
}
