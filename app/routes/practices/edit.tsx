import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { RichTextEditor } from '#app/components/editor/rich-text-editor.tsx'
import { RelatedCasePicker } from '#app/components/cases/related-case-picker.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { PublishButtons } from '#app/components/publish-buttons.tsx'
import { DeidentifyHint } from '#app/components/consultations/deidentify-hint.tsx'
import { CharacterCount, ErrorList, SelectField, TextareaField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'
import type { RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { PRACTICE_THEMES } from '#app/modules/practices/labels.ts'
import { deletePracticeDraft, findPracticeForEditing, PRACTICE_UPLOAD_FORM, practiceFormDefaults, savePractice, visibleRelatedCases } from '#app/modules/practices/practices.server.ts'
import { MAX_PRACTICE_ATTACHMENTS, PRACTICE_ATTACHMENT_RULES, PracticeSchema } from '#app/modules/practices/schemas.ts'
import { acceptAttribute, formatFileSize } from '#app/modules/uploads/file-types.ts'
import { withUploadForm } from '#app/modules/uploads/multipart.server.ts'
import { validateUploads } from '#app/modules/uploads/uploads.server.ts'

// One module for /practices/new (no :id) and /practices/:id/edit. Only the author edits; drafts can always be
// saved, publishing is refused while the de-identification guard finds identifiers (and says where).
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.existing ? 'プラクティスの編集' : 'プラクティスを投稿'} | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!params.id) return { existing: null }
  const row = await findPracticeForEditing(params.id, user)
  return {
    existing: {
      id: row.id,
      status: row.status,
      defaults: practiceFormDefaults(row),
      whatWasDone: row.whatWasDone as unknown as RichTextDoc,
      steps: row.steps as unknown as RichTextDoc,
      attachments: row.attachments.map((item) => ({ id: item.id, fileName: item.file.fileName, size: item.file.size })),
      relatedCases: visibleRelatedCases(row, user),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const existing = params.id ? await findPracticeForEditing(params.id, user) : null
  // Streamed: attachments go to temporary files as they arrive, each stopped at its cap (413 below, the text kept).
  return withUploadForm(request, PRACTICE_UPLOAD_FORM, async ({ formData, files, refused, tooLarge }) => {
    if (formData.get('intent') === 'delete-draft' && existing) {
      if (!(await deletePracticeDraft(existing.id, user))) throw new Response('公開済みのプラクティスは削除できません。', { status: 400 })
      throw redirect('/practices?view=mine')
    }
    const submission = parseWithZod(formData, { schema: PracticeSchema })
    const refusedFiles = refused.attachments ?? []
    const status = tooLarge ? 413 : 400
    const chooseAgain = '添付ファイルを確認してください。ファイルはもう一度選び直してください。'
    // Adding or removing a result row (without JavaScript) comes back here too: answer with the form as it now is.
    if (submission.status !== 'success') {
      if (refusedFiles.length) return data({ result: submission.reply({ formErrors: [chooseAgain], fieldErrors: { attachments: refusedFiles } }) }, { status })
      return data({ result: submission.reply() }, { status: submission.status === 'error' ? 400 : 200 })
    }

    // New files: checked by content and size; one bad file refuses the save and names the file.
    const { uploads, errors } = await validateUploads(files, PRACTICE_ATTACHMENT_RULES)
    const fileErrors = [...refusedFiles, ...errors]
    const kept = existing ? existing.attachments.filter((item) => !submission.value.removeAttachment.includes(item.id)).length : 0
    if (kept + uploads.length > MAX_PRACTICE_ATTACHMENTS) fileErrors.push(`添付ファイルは${MAX_PRACTICE_ATTACHMENTS}個までです。`)
    if (fileErrors.length) return data({ result: submission.reply({ formErrors: [chooseAgain], fieldErrors: { attachments: fileErrors } }) }, { status })

    const saved = await savePractice(submission.value, user, { id: existing?.id, uploads })
    if (!saved.ok) {
      const again = uploads.length ? ['添付ファイルはもう一度選び直してください。'] : []
      return data({ result: submission.reply({ formErrors: [...saved.formErrors, ...again], fieldErrors: saved.fieldErrors }) }, { status: 400 })
    }
    throw redirect(`/practices/${saved.id}?saved=${saved.status === 'PUBLISHED' ? 'published' : 'draft'}`)
  })
}

/** A result row's field, with its character count and the live de-identification hint (the server checks both). */
function RowInput({ field, label, placeholder, maxLength }: { field: FieldMetadata<string | undefined>; label: string; placeholder?: string; maxLength: number }) {
  const value = field.value ?? ''
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...getInputProps(field, { type: 'text' })} placeholder={placeholder} />
      <ErrorList id={field.errorId} errors={field.errors} />
      <CharacterCount value={value} max={maxLength} />
      <DeidentifyHint fieldId={field.id} label={label} text={value} />
    </div>
  )
}

export default function PracticeEdit() {
  const { existing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: `practice-${existing?.id ?? 'new'}`,
    lastResult: actionData?.result,
    defaultValue: existing?.defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PracticeSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onBlur',
  })
  const results = fields.results.getFieldList()
  const autosave = (name: string) => `practice-draft:${existing?.id ?? 'new'}:${name}`
  const busy = navigation.state === 'submitting'
  const published = existing?.status === 'PUBLISHED'
  const attachmentErrors = form.allErrors.attachments

  return (
    <section className="practice-edit">
      <div className="page-header">
        <h1>{existing ? 'プラクティスの編集' : 'プラクティスを投稿'}</h1>
        <Link to={existing ? `/practices/${existing.id}` : '/practices'} className="button button--quiet">
          {existing ? 'プラクティスに戻る' : '一覧へ戻る'}
        </Link>
      </div>
      <p className="notice notice--warning">
        患者・職員の氏名、ID、正確な日付、住所・電話番号、病院名は書かないでください（あなたの所属病院は投稿者情報として表示されます）。
        公開前に自動で確認し、残っていると公開できません。下書きは本人だけが見られます。
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />

        <fieldset className="card stack">
          <legend>概要</legend>
          <TextField field={fields.title} label="題名" required maxLength={120} deidentify help="例: 転倒予防バンドルの全病棟展開" />
          <TextareaField field={fields.problem} label="解決したい課題" rows={3} required maxLength={2000} deidentify />
          <div className="form-grid">
            <SelectField field={fields.theme} label="テーマ" options={toOptions(PRACTICE_THEMES)} required />
            <TextField field={fields.tags} label="タグ" help="カンマまたは空白で区切って10個まで（例: 転倒, 夜間）" />
          </div>
        </fieldset>

        <RichTextEditor
          name="whatWasDone"
          label="取り組みの内容"
          profile="full"
          defaultValue={existing?.whatWasDone ?? null}
          autosaveKey={autosave('whatWasDone')}
          deidentify
          errors={form.allErrors.whatWasDone}
        />

        <fieldset className="card stack">
          <legend>測定した結果（例: 転倒率 3.1 → 2.2 ‰、12か月）</legend>
          {results.map((row, index) => {
            const item = row.getFieldset()
            return (
              <div key={row.key} className="practice-result-row">
                <RowInput field={item.metric} label={`指標 ${index + 1}`} placeholder="転倒率" maxLength={60} />
                <RowInput field={item.before} label="導入前" placeholder="3.1" maxLength={30} />
                <RowInput field={item.after} label="導入後" placeholder="2.2" maxLength={30} />
                <RowInput field={item.unit} label="単位" placeholder="‰" maxLength={20} />
                <RowInput field={item.period} label="期間" placeholder="12か月" maxLength={40} />
                <button {...form.remove.getButtonProps({ name: fields.results.name, index })} className="button button--quiet button--small">
                  削除
                </button>
              </div>
            )
          })}
          <div>
            <button {...form.insert.getButtonProps({ name: fields.results.name })} className="button button--small">
              結果を追加
            </button>
          </div>
        </fieldset>

        <fieldset className="card stack">
          <legend>導入の仕方</legend>
          <RichTextEditor
            name="steps"
            label="手順"
            profile="full"
            defaultValue={existing?.steps ?? null}
            autosaveKey={autosave('steps')}
            deidentify
            errors={form.allErrors.steps}
          />
          <TextareaField field={fields.resources} label="必要な人員・費用" rows={3} maxLength={2000} deidentify />
          <TextareaField field={fields.pitfalls} label="つまずきやすい点" rows={3} maxLength={2000} deidentify />
        </fieldset>

        <fieldset className="card stack">
          <legend>関連事例と添付ファイル</legend>
          <RelatedCasePicker
            name={fields.relatedCases.name}
            initial={existing?.relatedCases ?? []}
            typed={fields.relatedCases.initialValue}
            errors={fields.relatedCases.errors}
          />
          {existing?.attachments.length ? (
            <fieldset className="stack">
              <legend>添付済みのファイル（削除するものにチェック）</legend>
              {existing.attachments.map((item) => (
                <label key={item.id} className="field--checkbox">
                  <input type="checkbox" name="removeAttachment" value={item.id} /> {item.fileName}（{formatFileSize(item.size)}）を削除
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="field">
            <label htmlFor="practice-attachments">ファイルを添付</label>
            {/* A refused file's message is read out with the field (aria-describedby), not only shown beside it. */}
            <input
              id="practice-attachments"
              name="attachments"
              type="file"
              multiple
              accept={acceptAttribute(PRACTICE_ATTACHMENT_RULES.allowed)}
              aria-invalid={attachmentErrors?.length ? true : undefined}
              aria-describedby={attachmentErrors?.length ? 'practice-attachments-help practice-attachments-error' : 'practice-attachments-help'}
            />
            <p id="practice-attachments-help" className="field__help">
              PDF・PNG・JPEG・Word（docx）・Excel（xlsx）・PowerPoint（pptx）、1ファイル{formatFileSize(PRACTICE_ATTACHMENT_RULES.maxBytes)}まで、合わせて{MAX_PRACTICE_ATTACHMENTS}個まで。マクロ付きの文書（docm・xlsm・pptm）は添付できません。患者や職員が写った写真、実名の入った書類は添付しないでください。
              PDFは文字を読み取って確認し、氏名などがあればページを示して添付を断ります。画像（PNG・JPEG）とOffice文書の中の文字は確認されないため、添付前にご自身で確認してください。
            </p>
            <ErrorList id="practice-attachments-error" errors={attachmentErrors} />
          </div>
        </fieldset>

        <PublishButtons published={published} canDeleteDraft={Boolean(existing) && !published} busy={busy} />
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
