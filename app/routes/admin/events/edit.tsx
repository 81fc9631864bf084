import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, SelectField, TextareaField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { useHydrated } from '#app/components/use-hydrated.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { IMPACT_LEVELS, JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { caseLinkCandidates, unlinkableCaseIds } from '#app/modules/events/case-links.server.ts'
import { findEventForAdmin, postSummary, saveEvent, setEventCancelled } from '#app/modules/events/events.server.ts'
import { EVENT_KINDS } from '#app/modules/events/labels.ts'
import { EventSchema, requestedCaseIds, SUMMARY_MAX_LENGTH, SummarySchema, toTokyoLocal } from '#app/modules/events/schemas.ts'
import { COURSES } from '#app/modules/members/labels.ts'

// One module for /admin/events/new (no :id) and /admin/events/:id: the event form, and for an existing event
// the organiser's summary after the meeting and cancelling / reopening.
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event ? `${data.event.title}の編集` : '行事の登録'} | 管理 | QSO Hub` }]

async function eventOrNotFound(id: string | undefined) {
  if (id === undefined) return null
  const event = await findEventForAdmin(id)
  if (!event) throw new Response('行事が見つかりません。', { status: 404 })
  return event
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'event:manage')
  const event = await eventOrNotFound(params.id)
  return { event, picker: await caseLinkCandidates(event?.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'event:manage')
  const event = await eventOrNotFound(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (event && intent === 'summary') {
    const submission = parseWithZod(formData, { schema: SummarySchema })
    if (submission.status !== 'success') return data({ form: 'summary' as const, result: submission.reply() }, { status: 400 })
    const posted = await postSummary(event.id, submission.value.summary, admin, request)
    if (!posted.ok) return data({ form: 'summary' as const, result: submission.reply({ fieldErrors: { summary: posted.problems } }) }, { status: 400 })
    return { form: 'summary' as const, result: submission.reply(), saved: 'まとめを掲載しました。' }
  }
  if (event && (intent === 'cancel-event' || intent === 'reopen-event')) {
    await setEventCancelled(event.id, intent === 'cancel-event', admin, request)
    return { form: 'status' as const, result: null, saved: intent === 'cancel-event' ? '行事を中止にしました。' : '中止を取り消しました。' }
  }
  const submission = parseWithZod(formData, { schema: EventSchema })
  if (submission.status !== 'success') return data({ form: 'event' as const, result: submission.reply() }, { status: 400 })
  const caseIds = submission.value.kind === 'CASE_REVIEW' ? requestedCaseIds(submission.value) : []
  const refused = await unlinkableCaseIds(caseIds, event?.id)
  if (refused.length) {
    const message = `次の事例は見つからないか、公開中ではない（下書き・非表示）ため紐づけられません：${refused.join('、')}`
    return data({ form: 'event' as const, result: submission.reply({ fieldErrors: { caseRefs: [message] } }) }, { status: 400 })
  }
  const id = await saveEvent(submission.value, admin, request, event?.id, caseIds)
  throw redirect(`/admin/events/${id}`)
}

function DateTimeField({ field, label, required, help }: { field: FieldMetadata<string | undefined>; label: string; required?: boolean; help?: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span className="field__required">必須</span> : null}
      </label>
      <input {...getInputProps(field, { type: 'datetime-local', ariaDescribedBy: help ? field.descriptionId : undefined })} required={required} />
      {help ? (
        <p id={field.descriptionId} className="field__help">
          {help}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}

type PickerCase = {
  id: string
  title: string
  impactLevel: keyof typeof IMPACT_LEVELS
  jqCategory: keyof typeof JQ_CATEGORIES
  status: 'DRAFT' | 'PUBLISHED'
  hiddenAt: string | Date | null
}

/**
 * The cases discussed at a case-review meeting: tick boxes (linked ones first, then recent published cases), a
 * filter over them that works as you type (without JavaScript every box is simply shown), and a text box for
 * older cases by id or link. Disabled, and so not sent, unless the kind is 事例検討会.
 */
function CasePicker({
  candidates,
  checked,
  refsField,
  idsField,
  enabled,
}: {
  candidates: PickerCase[]
  checked: Set<string>
  refsField: FieldMetadata<string | undefined>
  idsField: FieldMetadata<string[] | undefined>
  enabled: boolean
}) {
  const [query, setQuery] = useState('')
  const needle = query.trim().toLowerCase()
  const matches = (item: PickerCase) => !needle || item.title.toLowerCase().includes(needle) || item.id.toLowerCase().includes(needle)
  const shown = candidates.filter(matches).length
  return (
    <fieldset className="field events-cases" disabled={!enabled} aria-describedby="case-picker-help">
      <legend>扱う事例（事例検討会のみ）</legend>
      <p id="case-picker-help" className="field__help">
        {enabled
          ? '公開中の事例から選びます。まとめを掲載すると、選んだ事例に「検討会で扱った」と表示されます。'
          : '種別で「事例検討会」を選ぶと、扱う事例を選べます。'}
      </p>
      <div className="field">
        <label htmlFor="case-picker-filter">題名・IDで絞り込む</label>
        <input id="case-picker-filter" type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-controls="case-picker-list" />
        <p className="field__help" aria-live="polite">
          {candidates.length}件中 {shown}件を表示
        </p>
      </div>
      <ul id="case-picker-list" className="events-cases__list">
        {candidates.map((item) => {
          const listed = item.status === 'PUBLISHED'
          return (
            <li key={item.id} hidden={!matches(item)}>
              <label className="events-courses__option">
                <input type="checkbox" name={idsField.name} value={item.id} defaultChecked={checked.has(item.id)} />{' '}
                {listed ? item.title : '下書きに戻された事例'}{' '}
                <span className="small muted">
                  （影響度{IMPACT_LEVELS[item.impactLevel]}・{JQ_CATEGORIES[item.jqCategory]}・ID {item.id}
                  {item.hiddenAt ? '・非表示' : ''}）
                </span>
              </label>
            </li>
          )
        })}
      </ul>
      <ErrorList id={idsField.errorId} errors={idsField.errors} />
      <TextareaField field={refsField} label="IDまたはURLで追加" rows={2} help="一覧にない事例は、事例のID か /cases/… のURLを空白か改行で区切って入力してください" />
    </fieldset>
  )
}

export default function EventEdit() {
  const { event, picker } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const hydrated = useHydrated()
  const [form, fields] = useForm({
    id: `event-${event?.id ?? 'new'}`,
    lastResult: actionData?.form === 'event' ? actionData.result : undefined,
    constraint: getZodConstraint(EventSchema),
    defaultValue: event
      ? {
          kind: event.kind,
          title: event.title,
          description: event.description,
          startsAt: toTokyoLocal(event.startsAt),
          endsAt: toTokyoLocal(event.endsAt),
          venue: event.venue ?? '',
          onlineUrl: event.onlineUrl ?? '',
          capacity: event.capacity === null ? '' : String(event.capacity),
          signupDeadline: event.signupDeadline ? toTokyoLocal(event.signupDeadline) : '',
          courses: event.courses,
          maxCohort: event.maxCohort === null ? '' : String(event.maxCohort),
          cool: event.cool === null ? '' : String(event.cool),
          showOnPublicPage: event.showOnPublicPage ? 'on' : '',
          caseIds: picker.linkedIds,
        }
      : { kind: 'FOLLOW_UP' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [summaryForm, summaryFields] = useForm({
    id: `event-summary-${event?.id ?? 'new'}`,
    lastResult: actionData?.form === 'summary' ? actionData.result : undefined,
    defaultValue: { summary: event?.summary ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SummarySchema }),
  })
  const selectedCourses = new Set(fields.courses.value === undefined ? [] : ([] as string[]).concat(fields.courses.value as string | string[]))
  const saved = actionData && 'saved' in actionData ? actionData.saved : null
  const checkedCases = new Set(fields.caseIds.value === undefined ? [] : ([] as string[]).concat(fields.caseIds.value as string | string[]))

  return (
    <section className="stack" style={{ maxWidth: '48rem' }}>
      <p>
        <Link to="/admin/events">← 行事の一覧</Link>
      </p>
      <div className="page-header">
        <h1>{event ? '行事の編集' : '行事の登録'}</h1>
        {event ? (
          <div className="row">
            <Link to={`/admin/events/${event.id}/participants`} className="button button--quiet">
              参加者
            </Link>
            <Link to={`/events/${event.id}`} className="button button--quiet">
              会員向けページ
            </Link>
          </div>
        ) : null}
      </div>
      {saved ? (
        <p className="notice notice--success" role="status">
          {saved}
        </p>
      ) : null}
      {event?.cancelledAt ? <p className="notice notice--danger">この行事は {formatDateTime(event.cancelledAt)} に中止にしました。</p> : null}

      <Form method="post" {...getFormProps(form)} className="stack card">
        <input type="hidden" name="intent" value="save" />
        <div className="form-grid">
          <SelectField field={fields.kind} label="種別" options={toOptions(EVENT_KINDS)} required />
          <TextField field={fields.cool} label="クール" type="number" help="再聴講研修のときのクール番号" />
        </div>
        <TextField field={fields.title} label="タイトル" required />
        <TextareaField field={fields.description} label="内容" rows={6} />
        <div className="form-grid">
          <DateTimeField field={fields.startsAt} label="開始日時" required help="日本時間" />
          <DateTimeField field={fields.endsAt} label="終了日時" required help="日本時間" />
        </div>
        <TextField field={fields.venue} label="会場" help="会員全員に表示されます" />
        <TextField field={fields.onlineUrl} label="オンライン参加のURL" type="url" help="参加が確定した会員にだけ表示・送信されます" />
        <div className="form-grid">
          <TextField field={fields.capacity} label="定員" type="number" help="空欄なら定員なし。増やすとキャンセル待ちが自動で繰り上がります" />
          <DateTimeField field={fields.signupDeadline} label="申込締切" help="空欄なら開始まで受け付けます" />
        </div>
        <fieldset className="field events-courses">
          <legend>対象コース（選ばなければ全コース）</legend>
          <div className="row">
            {Object.entries(COURSES).map(([value, label]) => (
              <label key={value} className="events-courses__option">
                <input type="checkbox" name={fields.courses.name} value={value} defaultChecked={selectedCourses.has(value)} /> {label}
              </label>
            ))}
          </div>
          <ErrorList id={fields.courses.errorId} errors={fields.courses.errors} />
        </fieldset>
        <TextField field={fields.maxCohort} label="対象の期（この期まで）" type="number" help="空欄ならすべての期。例：再聴講を修了生に限るとき" />
        <div className="field">
          <label className="events-courses__option">
            <input {...getInputProps(fields.showOnPublicPage, { type: 'checkbox' })} /> 公開ページ（QSOプロジェクトの紹介ページ）に日程を載せる
          </label>
          <p className="field__help">載るのは種別・タイトル・日時だけです。</p>
        </div>
        <CasePicker
          candidates={picker.candidates}
          checked={checkedCases}
          idsField={fields.caseIds}
          refsField={fields.caseRefs}
          // Without JavaScript the kind cannot switch the section on, so it stays open and the server checks the kind.
          enabled={!hydrated || fields.kind.value === 'CASE_REVIEW'}
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {event ? '保存する' : '登録する'}
          </button>
        </div>
      </Form>

      {event ? (
        <>
          <Form method="post" {...getFormProps(summaryForm)} className="stack card" aria-labelledby="summary-title">
            <h2 id="summary-title">開催後のまとめ</h2>
            <p className="small muted">会員向けページに掲載されます。個人や病院が特定される内容は書かないでください。</p>
            <input type="hidden" name="intent" value="summary" />
            <TextareaField field={summaryFields.summary} label="まとめ" rows={6} required maxLength={SUMMARY_MAX_LENGTH} deidentify />
            {event.summaryPostedAt ? <p className="small muted">最終掲載：{formatDateTime(event.summaryPostedAt)}</p> : null}
            <div className="row">
              <button type="submit" className="button button--primary" disabled={busy}>
                まとめを掲載する
              </button>
            </div>
          </Form>
          <Form method="post" className="card row">
            {event.cancelledAt ? (
              <button type="submit" name="intent" value="reopen-event" className="button" disabled={busy}>
                中止を取り消す
              </button>
            ) : (
              <button type="submit" name="intent" value="cancel-event" className="button button--danger" disabled={busy}>
                この行事を中止にする
              </button>
            )}
          </Form>
        </>
      ) : null}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
