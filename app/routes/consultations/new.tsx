import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { DutiesChecklist } from '#app/components/consultations/duties-checklist.tsx'
import { RequestFormFields } from '#app/components/consultations/request-form-fields.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { obligationFromAnswer, type DutyAnswers } from '#app/modules/consultations/duties.ts'
import { hospitalJqObligation } from '#app/modules/consultations/jq-obligation.server.ts'
import { deleteDraft, getOwnDraft, saveDraft, submitConsultation } from '#app/modules/consultations/requests.server.ts'
import { describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import {
  ConsultationDraftSchema,
  ConsultationSubmitSchema,
  DEIDENTIFIED_FIELDS,
  type ConsultationDraft,
  type ConsultationField,
} from '#app/modules/consultations/schemas.ts'

export const meta: MetaFunction = () => [{ title: '危機管理相談を送る | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const url = new URL(request.url)
  const draftId = url.searchParams.get('draft')
  const draft = draftId ? await getOwnDraft(user, draftId.slice(0, 64)) : null
  const obligation = await hospitalJqObligation(user.hospitalId)
  return { draft, saved: url.searchParams.get('saved') === '1', contactName: user.name, obligation, askJqObligation: !!user.hospitalId && obligation === null }
}

const DraftId = (value: FormDataEntryValue | null) => (typeof value === 'string' && value && value.length <= 64 ? value : undefined)

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const formData = await request.formData()
  const intent = formData.get('intent')
  const draftId = DraftId(formData.get('draftId'))

  if (intent === 'delete') {
    if (draftId) await deleteDraft(user, draftId, request)
    throw redirect('/consultations')
  }

  if (intent === 'draft') {
    const autosave = formData.get('autosave') === '1'
    const submission = parseWithZod(formData, { schema: ConsultationDraftSchema })
    if (submission.status !== 'success') return data({ result: submission.reply(), draftId, savedAt: null }, { status: 400 })
    const id = await saveDraft(user, draftId, submission.value, request, { audit: !autosave || !draftId })
    if (autosave) return { result: undefined, draftId: id, savedAt: new Date().toISOString() }
    throw redirect(`/consultations/new?draft=${id}&saved=1`)
  }

  const submission = parseWithZod(formData, { schema: ConsultationSubmitSchema })
  if (submission.status !== 'success' || !submission.value.urgency) {
    // Not complete yet: keep everything typed as a draft on the server as well, then show what is missing.
    const lenient = parseWithZod(formData, { schema: ConsultationDraftSchema })
    const id = lenient.status === 'success' ? await saveDraft(user, draftId, lenient.value, request, { audit: !draftId }) : draftId
    return data({ result: submission.reply(), draftId: id, savedAt: lenient.status === 'success' ? new Date().toISOString() : null }, { status: 400 })
  }
  // De-identification: identifiers found with high confidence must be removed before the request is sent.
  const values = submission.value
  const blocking = await serverBlockingFindings(DEIDENTIFIED_FIELDS.map(({ field, label }) => ({ field, label, text: values[field] ?? '' })))
  if (blocking.length) {
    const id = await saveDraft(user, draftId, values, request, { audit: !draftId })
    const fieldErrors: Record<string, string[]> = {}
    for (const [index, message] of describeBlocking(blocking).entries()) {
      const field = blocking[index]?.field ?? 'summary'
      fieldErrors[field] = [...(fieldErrors[field] ?? []), message]
    }
    return data({ result: submission.reply({ fieldErrors }), draftId: id, savedAt: new Date().toISOString() }, { status: 400 })
  }
  const id = await submitConsultation(user, draftId, { ...values, urgency: submission.value.urgency }, request)
  throw redirect(`/consultations/${id}?sent=1`)
}

// An autosave must not reload the page's data under the member's fingers.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('autosave') === '1' ? false : defaultShouldRevalidate

const AUTOSAVE_DELAY_MS = 3000

type FormAnswers = DutyAnswers & { urgency?: string | null; hospitalJqObliged?: string | null }

function readAnswers(form: HTMLFormElement): FormAnswers {
  const formData = new FormData(form)
  const get = (name: string) => {
    const value = formData.get(name)
    return typeof value === 'string' ? value : null
  }
  return {
    urgency: get('urgency'),
    hospitalJqObliged: get('hospitalJqObliged'),
    impactLevel: get('impactLevel'),
    outcome: get('outcome'),
    unanticipated: get('unanticipated'),
    centreReport: get('centreReport'),
    policeReport: get('policeReport'),
    jqReport: get('jqReport'),
    familyInformed: get('familyInformed'),
    autopsy: get('autopsy'),
    evidencePreserved: get('evidencePreserved'),
    staffSupport: get('staffSupport'),
  }
}

export default function NewConsultation() {
  const { draft, saved, contactName, obligation, askJqObligation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const autosaver = useFetcher<typeof action>()
  const [draftId, setDraftId] = useState<string | undefined>(draft?.id)
  const [savedAt, setSavedAt] = useState<string | null>(saved && draft ? new Date(draft.updatedAt).toISOString() : null)
  const [answers, setAnswers] = useState<FormAnswers>(draft ?? {})
  const [texts, setTexts] = useState<Partial<Record<ConsultationField, string>>>(() =>
    Object.fromEntries(DEIDENTIFIED_FIELDS.map(({ field }) => [field, draft?.[field] ?? ''])),
  )
  const formRef = useRef<HTMLFormElement>(null)
  const timer = useRef<number | undefined>(undefined)
  const autosaveBusy = useRef(false)
  autosaveBusy.current = autosaver.state !== 'idle'

  useEffect(() => {
    const latest = autosaver.data
    if (latest?.draftId) setDraftId(latest.draftId)
    if (latest?.savedAt) setSavedAt(latest.savedAt)
  }, [autosaver.data])
  useEffect(() => {
    if (actionData?.draftId) setDraftId(actionData.draftId)
    if (actionData?.savedAt) setSavedAt(actionData.savedAt)
  }, [actionData])
  useEffect(() => () => window.clearTimeout(timer.current), [])
  // Once the draft exists, the address names it, so a reload (or a crash and a restored tab) reopens it.
  useEffect(() => {
    if (!draftId) return
    const url = new URL(window.location.href)
    if (url.searchParams.get('draft') === draftId) return
    url.searchParams.set('draft', draftId)
    url.searchParams.delete('saved')
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`)
  }, [draftId])

  const defaultValue: Record<string, string> = draft
    ? Object.fromEntries(Object.entries(draft).flatMap(([key, value]) => (key === 'id' || key === 'updatedAt' ? [] : [[key, String(value ?? '')]])))
    : { contactName }
  const [form, fields] = useForm<ConsultationDraft>({
    id: 'consultation-request',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ConsultationDraftSchema),
    defaultValue,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: formData.get('intent') === 'submit' ? ConsultationSubmitSchema : ConsultationDraftSchema }),
    shouldRevalidate: 'onInput',
  })

  function scheduleAutosave() {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(function save() {
      const element = formRef.current
      if (!element) return
      // One save at a time, so a first save that creates the draft is never raced by a second.
      if (autosaveBusy.current) {
        timer.current = window.setTimeout(save, 500)
        return
      }
      const formData = new FormData(element)
      formData.set('intent', 'draft')
      formData.set('autosave', '1')
      autosaver.submit(formData, { method: 'post', action: '/consultations/new' })
    }, AUTOSAVE_DELAY_MS)
  }

  function handleChange(event: FormEvent<HTMLFormElement>) {
    setAnswers(readAnswers(event.currentTarget))
    const formData = new FormData(event.currentTarget)
    setTexts(Object.fromEntries(DEIDENTIFIED_FIELDS.map(({ field }) => [field, String(formData.get(field) ?? '')])))
    scheduleAutosave()
  }

  const submitting = navigation.state === 'submitting'
  return (
    <section className="consultation-form">
      <div className="page-header">
        <h1>危機管理相談を送る</h1>
        <Link to="/consultations" className="button button--quiet">
          相談の一覧へ
        </Link>
      </div>
      <p>
        相談は、あなた・コンサルタント・事務局（管理者）だけが読めます。入力内容は数秒ごとに下書きとしてサーバーに保存されるため、
        途中で画面を閉じても失われません。下書きはあなたにしか見えません。
      </p>
      <p className="small muted" aria-live="polite">
        {savedAt ? `下書きを保存しました（${formatDateTime(savedAt)}）` : draft ? `下書き（${formatDateTime(draft.updatedAt)} 保存）を編集しています` : ''}
      </p>
      <Form method="post" {...getFormProps(form)} ref={formRef} onChange={handleChange} className="stack">
        {draftId ? <input type="hidden" name="draftId" value={draftId} /> : null}
        <RequestFormFields fields={fields} texts={texts} fastPath={answers.urgency === 'EMERGENCY'} askJqObligation={askJqObligation} />
        <DutiesChecklist answers={answers} obligation={obligation ?? obligationFromAnswer(answers.hospitalJqObliged)} />
        <ErrorList id={form.errorId} errors={form.errors} />
        {actionData?.result?.status === 'error' ? (
          <p className="notice notice--danger" role="alert">
            入力内容に不足があります。赤字の項目を確認してください。入力した内容は下書きとして保存されています。
          </p>
        ) : null}
        <div className="row">
          <button type="submit" name="intent" value="submit" className="button button--primary" disabled={submitting}>
            相談を送信する
          </button>
          <button type="submit" name="intent" value="draft" className="button" disabled={submitting} formNoValidate>
            下書き保存
          </button>
          {draftId ? (
            <button type="submit" name="intent" value="delete" className="button button--danger" disabled={submitting} formNoValidate>
              下書きを削除
            </button>
          ) : null}
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
