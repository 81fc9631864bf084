import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { StatusBadge, UrgencyBadge } from '#app/components/consultations/badges.tsx'
import { DeidentifyHint } from '#app/components/consultations/deidentify-hint.tsx'
import { DutiesChecklist } from '#app/components/consultations/duties-checklist.tsx'
import { MissingDetails } from '#app/components/consultations/missing-details.tsx'
import { ResponseCell } from '#app/components/consultations/response-cell.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { requireConsultationAccess } from '#app/modules/consultations/access.server.ts'
import { CONSULTATION_UPLOAD_FORM } from '#app/modules/consultations/thread.server.ts'
import { withUploadForm } from '#app/modules/uploads/multipart.server.ts'
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
  URGENCY_TARGET_HOURS,
  URGENCY_TARGET_LABELS,
  YES_NO_UNSURE_LABELS,
} from '#app/modules/consultations/labels.ts'
import { CompleteDetailsSchema, DEIDENTIFIED_FIELDS, MessageSchema, missingDetails } from '#app/modules/consultations/schemas.ts'
import { blockingFindings, describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import { ATTACHMENT_RULES, MAX_ATTACHMENTS } from '#app/modules/consultations/attachments.ts'
import { assignConsultant, changeStatus, completeDetails, ConsultationConflict, getThread, postMessage, unassignConsultant } from '#app/modules/consultations/thread.server.ts'
import { responseClock } from '#app/modules/consultations/timing.ts'
import { TRANSITION_LABELS, type Transition } from '#app/modules/consultations/workflow.ts'
import { formatFileSize } from '#app/modules/uploads/file-types.ts'

export const meta: MetaFunction = () => [{ title: '危機管理相談 | QSO Hub' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const access = await requireConsultationAccess(user, params.id ?? '', request)
  if (access.status === 'DRAFT') throw redirect(`/consultations/new?draft=${access.id}`)
  const thread = await getThread(user, access, request)
  const { consultation } = thread
  const now = new Date()
  const clock =
    consultation.submittedAt && consultation.urgency
      ? responseClock({ submittedAt: consultation.submittedAt, urgency: consultation.urgency, firstResponseAt: consultation.firstResponseAt }, now)
      : null
  const obligation = consultation.hospital?.jqReportObliged ?? null
  // Asked of the requester only, about the hospital they belong to now (where the answer is kept).
  const askJqObligation = access.isRequester && !!user.hospitalId && user.hospitalId === consultation.hospitalId && obligation === null
  return {
    ...thread,
    clock,
    obligation,
    askJqObligation,
    missing: missingDetails(consultation),
    isDesk: access.isDesk,
    isRequester: access.isRequester,
    currentUserId: user.id,
  }
}

// The whole body is read into memory (Request.formData); refuse oversized bodies before reading them.
const MAX_BODY_BYTES = MAX_ATTACHMENTS * ATTACHMENT_RULES.maxBytes + 1024 * 1024

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('transition'), transition: z.enum(['accept', 'answer', 'close', 'reopen']) }),
  z.object({ intent: z.literal('assign'), consultantId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal('unassign'), consultantId: z.string().min(1).max(64) }),
])

type Composer = 'reply' | 'note'
type ActionResult = {
  ok: boolean
  notice?: string
  error?: string
  fieldErrors?: { body?: string[]; attachments?: string[] }
  body?: string
  /** Which composer the message came from, so an error and the typed text return to that one. */
  composer?: Composer
  detailsResult?: SubmissionResult<string[]>
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const access = await requireConsultationAccess(user, params.id ?? '', request)
  if (access.status === 'DRAFT') throw redirect(`/consultations/new?draft=${access.id}`)
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > MAX_BODY_BYTES) {
    return data<ActionResult>({ ok: false, error: `添付ファイルが大きすぎます。1件${formatFileSize(ATTACHMENT_RULES.maxBytes)}以下、${MAX_ATTACHMENTS}件までにしてください。` }, { status: 413 })
  }
  // Streamed: attachments go to temporary files as they arrive, each stopped at its cap (413, the message kept).
  return withUploadForm(request, CONSULTATION_UPLOAD_FORM, async ({ formData, files, refused, tooLarge }) => {
    try {
      if (formData.get('intent') === 'details') {
        const submission = parseWithZod(formData, { schema: CompleteDetailsSchema })
        if (submission.status !== 'success') return data<ActionResult>({ ok: false, detailsResult: submission.reply() }, { status: 400 })
        const values = submission.value
        // The same rule as the request form: identifiers found with high confidence are removed before saving.
        const blocking = blockingFindings(DEIDENTIFIED_FIELDS.map(({ field, label }) => ({ field, label, text: values[field] ?? '' })))
        if (blocking.length) {
          const fieldErrors: Record<string, string[]> = {}
          for (const [index, message] of describeBlocking(blocking).entries()) {
            const field = blocking[index]?.field ?? 'summary'
            fieldErrors[field] = [...(fieldErrors[field] ?? []), message]
          }
          return data<ActionResult>({ ok: false, detailsResult: submission.reply({ fieldErrors }) }, { status: 400 })
        }
        const written = await completeDetails(user, access, values, request)
        return data<ActionResult>({ ok: true, notice: written.length ? `${written.length}項目を追記しました。` : '追記する内容がありませんでした。', detailsResult: submission.reply({ resetForm: true }) })
      }
      if (formData.get('intent') === 'message') {
        const composer: Composer = formData.get('composer') === 'note' ? 'note' : 'reply'
        const parsed = MessageSchema.safeParse({
          body: formData.get('body') ?? undefined,
          // A note comes only from the note composer, never from a box ticked beside 送信.
          internal: composer === 'note' ? 'on' : undefined,
          markAnswered: formData.get('markAnswered') ?? undefined,
        })
        const body = typeof formData.get('body') === 'string' ? String(formData.get('body')) : ''
        if (!parsed.success) {
          const fieldErrors = z.flattenError(parsed.error).fieldErrors
          return data<ActionResult>({ ok: false, fieldErrors: { body: fieldErrors.body }, body, composer }, { status: 400 })
        }
        const refusedFiles = refused.attachments ?? []
        if (refusedFiles.length) return data<ActionResult>({ ok: false, fieldErrors: { attachments: refusedFiles }, body, composer }, { status: tooLarge ? 413 : 400 })
        const result = await postMessage(
          user,
          access,
          { body: parsed.data.body, internal: !!parsed.data.internal, markAnswered: !!parsed.data.markAnswered, files },
          request,
        )
        if (!result.ok) return data<ActionResult>({ ok: false, fieldErrors: { [result.field]: [result.message] }, body, composer }, { status: 400 })
        return data<ActionResult>({ ok: true, notice: parsed.data.internal ? '内部メモを追加しました。' : 'メッセージを送信しました。' })
      }
      const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
      if (!parsed.success) return data<ActionResult>({ ok: false, error: '操作の内容を読み取れませんでした。ページを再読み込みしてください。' }, { status: 400 })
      const input = parsed.data
      if (input.intent === 'transition') {
        await changeStatus(user, access, input.transition, request)
        return data<ActionResult>({ ok: true, notice: `「${TRANSITION_LABELS[input.transition]}」を行いました。` })
      }
      if (input.intent === 'assign') {
        await assignConsultant(user, access, input.consultantId, request)
        return data<ActionResult>({ ok: true, notice: '担当者を割り当てました。' })
      }
      await unassignConsultant(user, access, input.consultantId, request)
      return data<ActionResult>({ ok: true, notice: '担当を外しました。' })
    } catch (error) {
      if (error instanceof ConsultationConflict) return data<ActionResult>({ ok: false, error: error.message }, { status: 409 })
      throw error
    }
  })
}

const detailRows = (c: ReturnType<typeof useLoaderData<typeof loader>>['consultation']) =>
  [
    ['事象の分類（JQ）', c.jqCategory ? JQ_CATEGORY_LABELS[c.jqCategory as keyof typeof JQ_CATEGORY_LABELS] : null],
    ['影響度分類', c.impactLevel ? IMPACT_LEVEL_LABELS[c.impactLevel as keyof typeof IMPACT_LEVEL_LABELS] : null],
    ['転帰', c.outcome ? OUTCOME_LABELS[c.outcome] : null],
    ['予期しなかった死亡・死産か', c.unanticipated ? YES_NO_UNSURE_LABELS[c.unanticipated as keyof typeof YES_NO_UNSURE_LABELS] : null],
    ['リスクの事前説明と記録', c.riskExplained ? YES_NO_UNSURE_LABELS[c.riskExplained as keyof typeof YES_NO_UNSURE_LABELS] : null],
    ['医療事故調査・支援センターへの報告', c.centreReport ? REPORT_STATUS_LABELS[c.centreReport as keyof typeof REPORT_STATUS_LABELS] : null],
    ['JQへの報告', c.jqReport ? REPORT_STATUS_LABELS[c.jqReport as keyof typeof REPORT_STATUS_LABELS] : null],
    ['警察への届出', c.policeReport ? REPORT_STATUS_LABELS[c.policeReport as keyof typeof REPORT_STATUS_LABELS] : null],
    ['ご家族への説明', c.familyInformed ? FAMILY_INFORMED_LABELS[c.familyInformed as keyof typeof FAMILY_INFORMED_LABELS] : null],
    ['ご家族の受け止め・懸念', c.familyConcerns],
    ['解剖・Ai', c.autopsy ? AUTOPSY_LABELS[c.autopsy as keyof typeof AUTOPSY_LABELS] : null],
    ['証拠の保全', c.evidencePreserved ? EVIDENCE_LABELS[c.evidencePreserved as keyof typeof EVIDENCE_LABELS] : null],
    ['関与した職員への支援', c.staffSupport],
    ['報道・SNS', c.mediaAttention ? MEDIA_LABELS[c.mediaAttention as keyof typeof MEDIA_LABELS] : null],
    ['弁護士・保険会社', c.legalInvolvement ? LEGAL_LABELS[c.legalInvolvement as keyof typeof LEGAL_LABELS] : null],
    ['希望する助言・専門性', c.expertiseWanted],
  ] as const

export default function ConsultationThread() {
  const { consultation: c, consultants, transitions, clock, isDesk, isRequester, currentUserId, obligation, askJqObligation, missing } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [searchParams] = useSearchParams()
  const formRef = useRef<HTMLFormElement>(null)
  const busy = navigation.state !== 'idle'
  const noteRef = useRef<HTMLFormElement>(null)
  const failed = actionData?.ok === false ? actionData : undefined
  const [messageText, setMessageText] = useState((failed?.composer === 'reply' ? failed.body : undefined) ?? '')
  useEffect(() => {
    if (!actionData?.ok) return
    formRef.current?.reset()
    noteRef.current?.reset()
    setMessageText('')
  }, [actionData])
  const assignedIds = new Set(c.assignments.map((assignment) => assignment.consultant.id))
  const unassigned = consultants.filter((consultant) => !assignedIds.has(consultant.id))
  const closed = c.status === 'CLOSED'
  return (
    <article className="consultation">
      <div className="page-header">
        <div>
          <p className="muted small" style={{ margin: 0 }}>
            <Link to={isDesk ? '/consultations' : '/consultations?view=mine'}>{isDesk ? '相談デスク' : '危機管理相談'}</Link> ›
          </p>
          <h1 className="consultation__subject">{c.subject || '危機管理相談'}</h1>
        </div>
        <div className="row">
          <UrgencyBadge urgency={c.urgency} />
          <StatusBadge status={c.status} />
        </div>
      </div>

      {searchParams.get('sent') === '1' && isRequester ? (
        <p className="notice notice--success" role="status">
          相談を送信しました。{c.urgency ? `${URGENCY_TARGET_LABELS[c.urgency]}することを目標にしています。` : ''}
          回答が届くと、メールとお知らせでお知らせします。
        </p>
      ) : null}
      {actionData?.notice ? (
        <p className="notice notice--success" role="status">
          {actionData.notice}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="notice notice--danger" role="alert">
          {actionData.error}
        </p>
      ) : null}

      <section className="card stack" aria-labelledby="request-title">
        <h2 id="request-title">判断が必要な事項</h2>
        <p className="consultation-text">{c.decisionPending || <span className="muted">（まだ入力されていません）</span>}</p>
        <dl className="definition-list">
          <dt>相談者</dt>
          <dd>
            {c.requester.name}
            {c.hospital ? `（${c.hospital.name}）` : ''}
          </dd>
          <dt>24時間つながる連絡先</dt>
          <dd>
            {c.contactName} {c.contactPhone}
            {c.contactNote ? <span className="muted small">（{c.contactNote}）</span> : null}
          </dd>
          <dt>受付日時</dt>
          <dd>{c.submittedAt ? formatDateTime(c.submittedAt) : '—'}</dd>
          <dt>初回回答</dt>
          <dd>{clock && c.urgency ? <ResponseCell clock={clock} targetHours={URGENCY_TARGET_HOURS[c.urgency]} /> : '—'}</dd>
          <dt>担当</dt>
          <dd>{c.assignments.length ? c.assignments.map((assignment) => assignment.consultant.name).join('、') : '未割り当て'}</dd>
        </dl>
        <h3>事象の概要</h3>
        <p className="consultation-text">{c.summary || <span className="muted">（まだ入力されていません）</span>}</p>
        <details>
          <summary>報告・対応の状況と詳細</summary>
          <dl className="definition-list" style={{ marginTop: '0.75rem' }}>
            {detailRows(c).map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt>{label}</dt>
                <dd className="consultation-text">{value || '—'}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <MissingDetails missing={missing} editable={isRequester && !closed} askJqObligation={askJqObligation && !closed} lastResult={actionData?.detailsResult} busy={busy} />

      <DutiesChecklist answers={c} obligation={obligation} />

      {transitions.length ? (
        <section className="card" aria-labelledby="workflow-title">
          <h2 id="workflow-title">状態の変更</h2>
          <div className="row">
            {transitions.map((transition: Transition) => (
              <Form method="post" key={transition} className="inline-form">
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="transition" value={transition} />
                <button type="submit" className={`button ${transition === 'close' ? 'button--quiet' : ''}`} disabled={busy}>
                  {TRANSITION_LABELS[transition]}
                </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}

      {isDesk ? (
        <section className="card stack" aria-labelledby="assign-title">
          <h2 id="assign-title">担当</h2>
          <ul className="on-call-list">
            {c.assignments.map(({ consultant }) => (
              <li key={consultant.id} className="row">
                <span>
                  {consultant.name}
                  {consultant.id === currentUserId ? <span className="muted small">（あなた）</span> : null}
                </span>
                {!closed ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="unassign" />
                    <input type="hidden" name="consultantId" value={consultant.id} />
                    <button type="submit" className="button button--small button--quiet" disabled={busy}>
                      担当を外す
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {!closed && unassigned.length ? (
            <div className="row">
              {!assignedIds.has(currentUserId) ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="assign" />
                  <input type="hidden" name="consultantId" value={currentUserId} />
                  <button type="submit" className="button button--primary button--small" disabled={busy}>
                    自分が担当する
                  </button>
                </Form>
              ) : null}
              <Form method="post" className="row" style={{ gap: '0.4rem' }}>
                <input type="hidden" name="intent" value="assign" />
                <label htmlFor="assign-consultant">担当者を追加</label>
                <select id="assign-consultant" name="consultantId" required>
                  {unassigned.map((consultant) => (
                    <option key={consultant.id} value={consultant.id}>
                      {consultant.name}（{ROLE_LABELS[consultant.role]}）
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--small" disabled={busy}>
                  割り当てる
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="thread-title">
        <h2 id="thread-title">やりとり</h2>
        {c.messages.length ? (
          <ol className="thread">
            {c.messages.map((message) => (
              <li key={message.id} className={`thread__message${message.internal ? ' thread__message--internal' : ''}${message.author?.id === c.requester.id ? ' thread__message--requester' : ''}`}>
                <p className="thread__meta small">
                  <strong>{message.author?.name ?? '退会した会員'}</strong>
                  {message.author && message.author.id !== c.requester.id ? <span className="muted">（{ROLE_LABELS[message.author.role]}）</span> : null}
                  {message.internal ? <span className="badge badge--warning">内部メモ（相談者には見えません）</span> : null}
                  <span className="muted">{formatDateTime(message.createdAt)}</span>
                </p>
                <p className="consultation-text">{message.body}</p>
                {message.attachments.length ? (
                  <ul className="thread__attachments small">
                    {message.attachments.map((attachment) => (
                      <li key={attachment.id}>
                        <a href={`/consultations/${c.id}/attachments/${attachment.id}`}>{attachment.file.fileName}</a>
                        <span className="muted">（{formatFileSize(attachment.file.size)}）</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">まだメッセージはありません。</p>
        )}
      </section>

      {closed ? (
        <p className="notice">この相談は完了しています。続けて相談する場合は「再開する」を押してください。</p>
      ) : (
        <>
          <section className="card" aria-labelledby="reply-title">
            <h2 id="reply-title">{isDesk && !isRequester ? '相談者へ返信する' : 'メッセージを送る'}</h2>
            <Form method="post" encType="multipart/form-data" className="stack" ref={formRef}>
              <input type="hidden" name="intent" value="message" />
              <input type="hidden" name="composer" value="reply" />
              <div className="field">
                <label htmlFor="message-body">メッセージ</label>
                <textarea
                  id="message-body"
                  name="body"
                  rows={6}
                  defaultValue={failed?.composer === 'reply' ? failed.body : undefined}
                  aria-invalid={failed?.composer === 'reply' && failed.fieldErrors?.body ? true : undefined}
                  aria-describedby={failed?.composer === 'reply' && failed.fieldErrors?.body ? 'message-body-error' : 'message-body-help'}
                  onChange={(event) => setMessageText(event.currentTarget.value)}
                />
                <p id="message-body-help" className="field__help">
                  患者・職員の氏名や正確な日付など、個人を特定できる情報は書かないでください。
                </p>
                <DeidentifyHint fieldId="message-body" label="メッセージ" text={messageText} advisory />
                <ErrorList id="message-body-error" errors={failed?.composer === 'reply' ? failed.fieldErrors?.body : undefined} />
              </div>
              <AttachmentsField id="message-attachments" errors={failed?.composer === 'reply' ? failed.fieldErrors?.attachments : undefined} />
              {isDesk && !isRequester ? (
                c.status === 'SUBMITTED' || c.status === 'IN_PROGRESS' ? (
                  <label className="row" style={{ gap: '0.4rem' }}>
                    <input type="checkbox" name="markAnswered" value="on" />
                    この返信で「回答済」にする
                  </label>
                ) : null
              ) : c.status === 'ANSWERED' ? (
                <p className="small muted">回答後にメッセージを送ると、相談は「対応中」に戻ります。</p>
              ) : null}
              <div>
                <button type="submit" className="button button--primary" disabled={busy}>
                  {isDesk && !isRequester ? '相談者へ送信する' : '送信する'}
                </button>
              </div>
            </Form>
          </section>

          {isDesk ? (
            <section className="card internal-note" aria-labelledby="note-title">
              <h2 id="note-title">内部メモを書く</h2>
              <p className="small" style={{ marginTop: 0 }}>
                <span className="badge badge--warning">相談者には見えません</span> コンサルタントと管理者だけが読めます。相談者への通知もしません。
              </p>
              <Form method="post" encType="multipart/form-data" className="stack" ref={noteRef}>
                <input type="hidden" name="intent" value="message" />
                <input type="hidden" name="composer" value="note" />
                <div className="field">
                  <label htmlFor="note-body">内部メモ</label>
                  <textarea
                    id="note-body"
                    name="body"
                    rows={3}
                    defaultValue={failed?.composer === 'note' ? failed.body : undefined}
                    aria-invalid={failed?.composer === 'note' && failed.fieldErrors?.body ? true : undefined}
                    aria-describedby={failed?.composer === 'note' && failed.fieldErrors?.body ? 'note-body-error' : undefined}
                  />
                  <ErrorList id="note-body-error" errors={failed?.composer === 'note' ? failed.fieldErrors?.body : undefined} />
                </div>
                <AttachmentsField id="note-attachments" errors={failed?.composer === 'note' ? failed.fieldErrors?.attachments : undefined} />
                <div>
                  <button type="submit" className="button internal-note__button" disabled={busy}>
                    内部メモを保存する
                  </button>
                </div>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </article>
  )
}

function AttachmentsField({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>添付ファイル（PDF・PNG・JPEG、1件{formatFileSize(ATTACHMENT_RULES.maxBytes)}まで、{MAX_ATTACHMENTS}件まで）</label>
      <input id={id} name="attachments" type="file" multiple accept="application/pdf,image/png,image/jpeg" aria-describedby={errors ? `${id}-help ${id}-error` : `${id}-help`} />
      <p id={`${id}-help`} className="field__help">
        PDFは文字を読み取って確認し、氏名などがあればページを示して添付を断ります。画像（PNG・JPEG）の中の文字は確認されません。
      </p>
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
