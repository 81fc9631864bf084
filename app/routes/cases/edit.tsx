import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { RichTextEditor } from '#app/components/editor/rich-text-editor.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PublishButtons } from '#app/components/publish-buttons.tsx'
import { DeidentifyHint } from '#app/components/consultations/deidentify-hint.tsx'
import { CharacterCount, ErrorList, SelectField, TextareaField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { caseFormDefaults, deleteDraft, findCaseForEditing, saveCase } from '#app/modules/cases/cases.server.ts'
import {
  CASE_PLACES,
  CASE_SECTIONS,
  COUNTERMEASURE_STRENGTH_HINTS,
  RCA2_DOUBLE_CHECK_NOTE,
  COUNTERMEASURE_DIMENSIONS,
  COUNTERMEASURE_STRENGTHS,
  EXPERIENCE_BANDS,
  FACTOR_OPTIONS,
  IMPACT_LEVEL_DESCRIPTIONS,
  IMPACT_LEVELS,
  JQ_CATEGORIES,
} from '#app/modules/cases/labels.ts'
import type { RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { CaseSchema } from '#app/modules/cases/schemas.ts'
import { PROFESSIONS } from '#app/modules/members/labels.ts'

// One module for /cases/new (no :id) and /cases/:id/edit. Only the author edits; drafts can always be saved,
// publishing is refused while the de-identification guard finds identifiers (and says where).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.existing ? '事例の編集' : '事例を投稿'} | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!params.id) return { existing: null }
  const row = await findCaseForEditing(params.id, user)
  return {
    existing: {
      id: row.id,
      status: row.status,
      defaults: caseFormDefaults(row),
      sections: Object.fromEntries(CASE_SECTIONS.map((section) => [section.name, row[section.name] as unknown as RichTextDoc])) as Record<string, RichTextDoc>,
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const existing = params.id ? await findCaseForEditing(params.id, user) : null
  const formData = await request.formData()
  if (formData.get('intent') === 'delete-draft' && existing) {
    if (!(await deleteDraft(existing.id, user))) throw new Response('公開済みの事例は削除できません。', { status: 400 })
    throw redirect('/cases?view=mine')
  }
  const submission = parseWithZod(formData, { schema: CaseSchema })
  // Adding or removing a row (without JavaScript) comes back here too: answer with the form as it now is.
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })
  const saved = await saveCase(submission.value, user, { id: existing?.id })
  if (!saved.ok) return data({ result: submission.reply({ formErrors: saved.formErrors, fieldErrors: saved.fieldErrors }) }, { status: 400 })
  throw redirect(`/cases/${saved.id}?saved=${saved.status === 'PUBLISHED' ? 'published' : 'draft'}`)
}

function RowSelect({ field, label, options, help }: { field: FieldMetadata<string | undefined>; label: string; options: { value: string; label: string }[]; help?: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)} aria-describedby={help ? field.descriptionId : undefined}>
        <option value="">選択してください</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {help ? (
        <p id={field.descriptionId} className="field__help">
          {help}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}

type RowOptions = { maxLength?: number; deidentify?: boolean }

/** The character count and the live de-identification hint of a row field (the server checks both again). */
function RowExtras({ field, label, maxLength, deidentify }: RowOptions & { field: FieldMetadata<string | undefined>; label: string }) {
  const value = field.value ?? ''
  return (
    <>
      {maxLength ? <CharacterCount value={value} max={maxLength} /> : null}
      {deidentify ? <DeidentifyHint fieldId={field.id} label={label} text={value} /> : null}
    </>
  )
}

function RowInput({
  field,
  label,
  type = 'text',
  placeholder,
  ...options
}: RowOptions & { field: FieldMetadata<string | undefined>; label: string; type?: 'text' | 'month'; placeholder?: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...getInputProps(field, { type: type === 'month' ? 'text' : type })} placeholder={placeholder} inputMode={type === 'month' ? 'numeric' : undefined} />
      <ErrorList id={field.errorId} errors={field.errors} />
      <RowExtras field={field} label={label} {...options} />
    </div>
  )
}

function RowTextarea({ field, label, ...options }: RowOptions & { field: FieldMetadata<string | undefined>; label: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea {...getTextareaProps(field)} rows={2} />
      <ErrorList id={field.errorId} errors={field.errors} />
      <RowExtras field={field} label={label} {...options} />
    </div>
  )
}

const impactOptions = Object.entries(IMPACT_LEVELS).map(([value, label]) => ({
  value,
  label: `${label === 'その他' ? 'その他' : `レベル${label}`}: ${IMPACT_LEVEL_DESCRIPTIONS[value as keyof typeof IMPACT_LEVELS]}`,
}))
const dimensionOptions = Object.entries(COUNTERMEASURE_DIMENSIONS).map(([value, label]) => ({ value, label }))
const strengthOptions = Object.entries(COUNTERMEASURE_STRENGTHS).map(([value, label]) => ({
  value,
  label: `${label}（${COUNTERMEASURE_STRENGTH_HINTS[value as keyof typeof COUNTERMEASURE_STRENGTHS]}）`,
}))

export default function CaseEdit() {
  const { existing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `case-${existing?.id ?? 'new'}`,
    lastResult: actionData?.result,
    defaultValue: existing?.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CaseSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  const professions = fields.professions.getFieldList()
  const factors = fields.factors.getFieldList()
  const countermeasures = fields.countermeasures.getFieldList()
  const autosave = (name: string) => `case-draft:${existing?.id ?? 'new'}:${name}`
  const busy = navigation.state === 'submitting'
  const published = existing?.status === 'PUBLISHED'

  return (
    <section className="case-edit">
      <div className="page-header">
        <h1>{existing ? '事例の編集' : '事例を投稿'}</h1>
        <Link to={existing ? `/cases/${existing.id}` : '/cases'} className="button button--quiet">
          {existing ? '事例に戻る' : '一覧へ戻る'}
        </Link>
      </div>
      <p className="notice notice--warning">
        患者・職員の氏名、ID、正確な日付（「X日目」などに置き換える）、住所・電話番号、他院の名称は書かないでください。
        公開前に自動で確認し、残っていると公開できません。下書きは本人だけが見られます。
      </p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />

        <fieldset className="card stack">
          <legend>概要</legend>
          <TextField field={fields.title} label="題名" required maxLength={120} deidentify help="例: 同姓患者の取り違えによる誤投与（ヒヤリ・ハット）" />
          <TextareaField field={fields.summary} label="概要" rows={3} required maxLength={600} deidentify />
          <div className="form-grid">
            <SelectField field={fields.impactLevel} label="影響度レベル" options={impactOptions} required />
            <SelectField field={fields.jqCategory} label="事象の分類（JQ）" options={toOptions(JQ_CATEGORIES)} required />
            <SelectField field={fields.place} label="発生場所" options={toOptions(CASE_PLACES)} required />
            <TextField field={fields.occurredOn} label="発生年月" required help="年と月だけ（例: 2024-05）。日付は書きません。" />
          </div>
          <TextField field={fields.tags} label="タグ" help="カンマまたは空白で区切って10個まで（例: 転倒, 夜間, 睡眠薬）" />
          <div className="field field--checkbox">
            <label>
              <input {...getInputProps(fields.anonymous, { type: 'checkbox' })} /> 氏名と病院名を出さずに公開する（「匿名の会員」と表示。事務局には表示されます）
            </label>
          </div>
        </fieldset>

        <fieldset className="card stack">
          <legend>当事者の職種・経験年数</legend>
          {professions.map((row, index) => {
            const item = row.getFieldset()
            return (
              <div key={row.key} className="case-row">
                <RowSelect field={item.profession} label={`職種 ${index + 1}`} options={toOptions(PROFESSIONS)} />
                <RowSelect field={item.experience} label="経験年数" options={toOptions(EXPERIENCE_BANDS)} />
                <button {...form.remove.getButtonProps({ name: fields.professions.name, index })} className="button button--quiet button--small">
                  削除
                </button>
              </div>
            )
          })}
          <div>
            <button {...form.insert.getButtonProps({ name: fields.professions.name })} className="button button--small">
              職種を追加
            </button>
          </div>
        </fieldset>

        {CASE_SECTIONS.slice(0, 3).map((section) => (
          <RichTextEditor
            key={section.name}
            name={section.name}
            label={section.label}
            profile="full"
            defaultValue={existing?.sections[section.name] ?? null}
            autosaveKey={autosave(section.name)}
            deidentify
            errors={form.allErrors[section.name]}
          />
        ))}

        <fieldset className="card stack">
          <legend>要因（SHELL / P-mSHELL / 4M）</legend>
          {factors.map((row, index) => {
            const item = row.getFieldset()
            return (
              <div key={row.key} className="case-row">
                <RowSelect field={item.factor} label={`要因 ${index + 1} の要素`} options={FACTOR_OPTIONS} />
                <RowTextarea field={item.description} label="内容" maxLength={1000} deidentify />
                <button {...form.remove.getButtonProps({ name: fields.factors.name, index })} className="button button--quiet button--small">
                  削除
                </button>
              </div>
            )
          })}
          <div>
            <button {...form.insert.getButtonProps({ name: fields.factors.name })} className="button button--small">
              要因を追加
            </button>
          </div>
        </fieldset>

        <fieldset className="card stack">
          <legend>対策（強さは行動階層: 強い＝仕組みで防ぐ、弱い＝注意喚起・教育）</legend>
          {countermeasures.map((row, index) => {
            const item = row.getFieldset()
            return (
              <div key={row.key} className="case-row case-row--wide">
                <RowTextarea field={item.text} label={`対策 ${index + 1}`} maxLength={1000} deidentify />
                <RowSelect field={item.strength} label="強さ" options={strengthOptions} help={RCA2_DOUBLE_CHECK_NOTE} />
                <RowSelect field={item.dimension} label="4Eの区分（任意）" options={dimensionOptions} />
                <RowInput field={item.responsibleRole} label="担当（職種・部署）" maxLength={100} deidentify />
                <RowInput field={item.dueMonth} label="期限（年月）" type="month" placeholder="2025-09" />
                <RowTextarea field={item.effectMeasure} label="効果の測り方" maxLength={500} deidentify />
                <button {...form.remove.getButtonProps({ name: fields.countermeasures.name, index })} className="button button--quiet button--small">
                  削除
                </button>
              </div>
            )
          })}
          <div>
            <button {...form.insert.getButtonProps({ name: fields.countermeasures.name })} className="button button--small">
              対策を追加
            </button>
          </div>
        </fieldset>

        {CASE_SECTIONS.slice(3).map((section) => (
          <RichTextEditor
            key={section.name}
            name={section.name}
            label={section.label}
            profile="full"
            defaultValue={existing?.sections[section.name] ?? null}
            autosaveKey={autosave(section.name)}
            deidentify
            errors={form.allErrors[section.name]}
          />
        ))}

        <PublishButtons published={published} canDeleteDraft={Boolean(existing) && !published} busy={busy} />
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
