import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { CompleteDetailsSchema, DEIDENTIFIED_FIELDS, type ConsultationDraft, type ConsultationField, type MissingDetail } from '#app/modules/consultations/schemas.ts'
import { RequestFormFields } from './request-form-fields.tsx'

type Props = {
  missing: MissingDetail[]
  /** The requester fills the fields in; the desk sees the list only. */
  editable: boolean
  askJqObligation: boolean
  lastResult: SubmissionResult<string[]> | undefined
  busy: boolean
}

/**
 * What a fast-path request still lacks. The requester completes it here, in the thread (any subset at a time:
 * what is known now can go first); the desk sees the same list, so nobody waits for an answer already given.
 */
export function MissingDetails({ missing, editable, askJqObligation, lastResult, busy }: Props) {
  const only: ConsultationField[] = [...missing.map((entry) => entry.field), ...(askJqObligation ? (['hospitalJqObliged'] as const) : [])]
  const [texts, setTexts] = useState<Partial<Record<ConsultationField, string>>>({})
  const [form, fields] = useForm<ConsultationDraft>({
    id: 'consultation-details',
    lastResult,
    constraint: getZodConstraint(CompleteDetailsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompleteDetailsSchema }),
    shouldRevalidate: 'onBlur',
  })
  if (!only.length) return null
  function handleChange(event: FormEvent<HTMLFormElement>) {
    const formData = new FormData(event.currentTarget)
    setTexts(Object.fromEntries(DEIDENTIFIED_FIELDS.map(({ field }) => [field, String(formData.get(field) ?? '')])))
  }
  return (
    <section className="card stack missing-details" aria-labelledby="missing-title">
      <h2 id="missing-title">{missing.length ? `まだ入力されていない項目（${missing.length}件）` : '病院について'}</h2>
      {missing.length ? (
        <p className="small" style={{ margin: 0 }}>
          {missing.map((entry) => entry.label).join('、')}
        </p>
      ) : null}
      {editable ? (
        <Form method="post" {...getFormProps(form)} className="stack" onChange={handleChange}>
          <input type="hidden" name="intent" value="details" />
          <p className="small muted" style={{ margin: 0 }}>
            わかるものから入力して「追記する」を押してください。残りは後からでも入力できます。
          </p>
          <RequestFormFields fields={fields} texts={texts} fastPath={false} askJqObligation={askJqObligation} only={only} />
          <ErrorList id={form.errorId} errors={form.errors} />
          <div>
            <button type="submit" className="button button--primary" disabled={busy}>
              追記する
            </button>
          </div>
        </Form>
      ) : (
        <p className="small muted" style={{ margin: 0 }}>
          相談者が相談のページで入力すると、ここに反映されます。必要なら電話で確認してください。
        </p>
      )}
    </section>
  )
}
