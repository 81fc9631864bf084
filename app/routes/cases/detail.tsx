import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { ImpactBadge } from '#app/components/cases/case-card.tsx'
import { RichTextView } from '#app/modules/rich-text/rich-text-view.tsx'
import { CommentThread, DiscussionActions } from '#app/components/discussion/discussion.tsx'
import { clearEditorAutosave } from '#app/components/editor/rich-text-editor.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { TagLinks } from '#app/components/tag-links.tsx'
import { formatDate, formatDateTime } from '#app/lib/format.ts'
import { canEditCase, canMarkCaseReviewed, hasPermission } from '#app/modules/auth/permissions.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { findCaseForViewer, presentCase, setCaseHidden, setReviewedAtMeeting } from '#app/modules/cases/cases.server.ts'
import {
  CASE_PLACES,
  CASE_SECTIONS,
  COUNTERMEASURE_DIMENSIONS,
  COUNTERMEASURE_STRENGTHS,
  EXPERIENCE_BANDS,
  factorLabel,
  IMPACT_LEVEL_DESCRIPTIONS,
  JQ_CATEGORIES,
  occurredLabel,
} from '#app/modules/cases/labels.ts'
import { HideSchema, ReviewedSchema } from '#app/modules/cases/schemas.ts'
import { listComments, markSeen, viewerState } from '#app/modules/discussion/discussion.server.ts'
import { meetingsForCase } from '#app/modules/events/case-links.server.ts'
import { handleDiscussionIntent } from '#app/modules/discussion/intents.server.ts'
import { PROFESSIONS } from '#app/modules/members/labels.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? '事例'} | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const row = await findCaseForViewer(params.id ?? '', user)
  const subject = { kind: 'case' as const, id: row.id }
  const [comments, state, , meetings] = await Promise.all([
    row.status === 'PUBLISHED' ? listComments(subject, user, { maskAuthorId: row.anonymous ? row.authorId : null }) : Promise.resolve([]),
    viewerState(subject, user.id),
    markSeen(subject, user.id),
    meetingsForCase(row.id),
  ])
  return {
    item: presentCase(row, user),
    comments,
    state,
    meetings,
    can: {
      edit: canEditCase(user, row),
      markReviewed: canMarkCaseReviewed(user, row),
      moderate: hasPermission(user, 'case:moderate'),
      comment: row.status === 'PUBLISHED' && !row.hiddenAt,
    },
  }
}

type CaseFeedback = { intent: string; commentId: null; ok: boolean; error?: string; at: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const row = await findCaseForViewer(params.id ?? '', user)
  const form = await request.formData()
  const subject = { kind: 'case' as const, id: row.id }
  const discussion = await handleDiscussionIntent(subject, user, form, request, { canComment: row.status === 'PUBLISHED' && !row.hiddenAt })
  if (discussion) return data({ feedback: discussion }, { status: discussion.status })

  const intent = String(form.get('intent') ?? '')
  const reply = (status: number, error?: string) =>
    data({ feedback: { intent, commentId: null, ok: !error, error, at: Date.now() } satisfies CaseFeedback }, { status })
  switch (intent) {
    case 'reviewed':
    case 'unreviewed': {
      if (!canMarkCaseReviewed(user, row)) throw new Response('この操作を行えるのは投稿者と事務局だけです。', { status: 403 })
      if (intent === 'unreviewed') {
        await setReviewedAtMeeting(row.id, null, user, request)
        return reply(200)
      }
      const parsed = ReviewedSchema.safeParse({ meetingDate: form.get('meetingDate') ?? undefined })
      if (!parsed.success) return reply(400, parsed.error.issues[0]?.message)
      await setReviewedAtMeeting(row.id, new Date(`${parsed.data.meetingDate}T00:00:00Z`), user, request)
      return reply(200)
    }
    case 'hide-case':
    case 'unhide-case': {
      if (!hasPermission(user, 'case:moderate')) throw new Response('この操作を行う権限がありません。', { status: 403 })
      if (intent === 'unhide-case') {
        await setCaseHidden(row.id, null, user, request)
        return reply(200)
      }
      const parsed = HideSchema.safeParse({ reason: form.get('reason') ?? undefined })
      if (!parsed.success) return reply(400, parsed.error.issues[0]?.message)
      await setCaseHidden(row.id, { reason: parsed.data.reason }, user, request)
      return reply(200)
    }
  }
  return reply(400, '不明な操作です。')
}

function caseFeedback(feedback: { intent: string; error?: string } | undefined, ...intents: string[]) {
  return feedback && intents.includes(feedback.intent) && feedback.error ? [feedback.error] : undefined
}

export default function CaseDetail() {
  const { item, comments, state, can, meetings } = useLoaderData<typeof loader>()
  const reviewedOn = item.reviewedAtMeeting ?? meetings.discussed[0]?.startsAt ?? null
  const actionData = useActionData<typeof action>()
  const feedback = actionData?.feedback
  const [searchParams] = useSearchParams()
  const saved = searchParams.get('saved')
  // The case is in the database now: the editor's local copies (of a new case or of this one) can go.
  useEffect(() => {
    if (!saved) return
    clearEditorAutosave('case-draft:new:')
    clearEditorAutosave(`case-draft:${item.id}:`)
  }, [saved, item.id])
  return (
    <article className="case-detail">
      {saved === 'published' ? <p className="notice notice--success" role="status">事例を公開しました。</p> : null}
      {saved === 'draft' ? <p className="notice notice--success" role="status">下書きを保存しました（あなただけが見られます）。</p> : null}
      {item.status === 'DRAFT' ? <p className="notice notice--warning">この事例は下書きです。公開するまで他の会員には表示されません。</p> : null}
      {item.hiddenAt ? (
        <p className="notice notice--danger">
          この事例は事務局により非表示になっています（{formatDateTime(item.hiddenAt)}
          {item.hiddenByName ? `、${item.hiddenByName}` : ''}）。理由: {item.hiddenReason}
        </p>
      ) : null}

      <div className="page-header">
        <div>
          <h1>{item.title}</h1>
          <p className="case-card__badges">
            {/* The number members type to link this case from a practice (issue 17). */}
            <span className="badge">事例 No.{item.number}</span> <ImpactBadge level={item.impactLevel} /> <span className="badge">{JQ_CATEGORIES[item.jqCategory]}</span>{' '}
            <span className="badge">{CASE_PLACES[item.place]}</span>{' '}
            {reviewedOn ? <span className="badge badge--success">検討会で扱った（{formatDate(reviewedOn)}）</span> : null}
          </p>
        </div>
        {can.edit ? (
          <Link to={`/cases/${item.id}/edit`} className="button">
            編集する
          </Link>
        ) : null}
      </div>

      <MeetingsNotice meetings={meetings.discussed} className="notice notice--success case-meetings" label="この事例を扱った事例検討会" intro="検討会で扱った：" />
      <MeetingsNotice meetings={meetings.planned} className="notice case-meetings" label="この事例を扱う事例検討会" intro="この事例を扱う事例検討会：" markHeld />

      <dl className="definition-list card">
        <dt>投稿者</dt>
        <dd>
          {item.author.id ? <Link to={`/members/${item.author.id}`}>{item.author.name}</Link> : item.author.name}
          {item.author.hospitalName ? `（${item.author.hospitalName}）` : ''}
          {item.author.anonymous && item.author.id ? <span className="badge">会員として匿名で公開</span> : null}
        </dd>
        <dt>発生</dt>
        <dd>{occurredLabel(item.occurredYear, item.occurredMonth)}</dd>
        <dt>影響度</dt>
        <dd>{IMPACT_LEVEL_DESCRIPTIONS[item.impactLevel]}</dd>
        {item.professions.length ? (
          <>
            <dt>当事者</dt>
            <dd>{item.professions.map((p) => `${PROFESSIONS[p.profession]}（経験${EXPERIENCE_BANDS[p.experience]}）`).join('、')}</dd>
          </>
        ) : null}
        {item.publishedAt ? (
          <>
            <dt>公開</dt>
            <dd>{formatDate(item.publishedAt)}</dd>
          </>
        ) : null}
        {item.tags.length ? (
          <>
            <dt>タグ</dt>
            <dd>
              <TagLinks tags={item.tags} listPath="/cases" />
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">概要</h2>
        <p className="case-summary">{item.summary}</p>
      </section>

      {CASE_SECTIONS.slice(0, 3).map((section) =>
        item.sections[section.name].content?.length ? (
          <section key={section.name} aria-labelledby={`section-${section.name}`}>
            <h2 id={`section-${section.name}`}>{section.label}</h2>
            <RichTextView doc={item.sections[section.name]} profile="full" />
          </section>
        ) : null,
      )}

      {item.factors.length ? (
        <section aria-labelledby="factors-title">
          <h2 id="factors-title">要因</h2>
          <ul className="factor-list">
            {item.factors.map((factor) => (
              <li key={factor.id}>
                <span className="badge badge--primary">{factorLabel(factor.framework, factor.element)}</span> {factor.description}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {item.countermeasures.length ? (
        <section aria-labelledby="countermeasures-title">
          <h2 id="countermeasures-title">対策の一覧</h2>
          <div className="table-wrap">
            <table className="data-table card-table">
              <thead>
                <tr>
                  <th scope="col">対策</th>
                  <th scope="col">強さ・4E</th>
                  <th scope="col">担当</th>
                  <th scope="col">期限</th>
                  <th scope="col">効果の測り方</th>
                </tr>
              </thead>
              <tbody>
                {item.countermeasures.map((measure) => (
                  <tr key={measure.id}>
                    <td className="card-table__title">{measure.text}</td>
                    <td className="nowrap" data-label="強さ・4E">
                      <span className={`badge strength strength--${measure.strength.toLowerCase()}`}>{COUNTERMEASURE_STRENGTHS[measure.strength]}</span>
                      {measure.dimension ? (
                        <>
                          <br />
                          <span className="badge">{COUNTERMEASURE_DIMENSIONS[measure.dimension].split('（')[0]}</span>
                        </>
                      ) : null}
                    </td>
                    <td data-label="担当">{measure.responsibleRole}</td>
                    <td className="nowrap" data-label="期限">{measure.dueMonth ?? '—'}</td>
                    <td data-label="効果の測り方">{measure.effectMeasure}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {CASE_SECTIONS.slice(3).map((section) =>
        item.sections[section.name].content?.length ? (
          <section key={section.name} aria-labelledby={`section-${section.name}`}>
            <h2 id={`section-${section.name}`}>{section.label}</h2>
            <RichTextView doc={item.sections[section.name]} profile="full" />
          </section>
        ) : null,
      )}

      {item.status === 'PUBLISHED' ? <DiscussionActions state={state} /> : null}

      {can.markReviewed || can.moderate ? (
        <section className="card stack case-admin" aria-labelledby="case-admin-title">
          <h2 id="case-admin-title">{can.moderate ? '事務局・投稿者の操作' : '投稿者の操作'}</h2>
          {can.markReviewed ? (
            <Form method="post" preventScrollReset className="row">
              {item.reviewedAtMeeting ? (
                <>
                  <input type="hidden" name="intent" value="unreviewed" />
                  <span>検討会で扱った: {formatDate(item.reviewedAtMeeting)}</span>
                  <button type="submit" className="button button--quiet button--small">
                    記録を取り消す
                  </button>
                </>
              ) : (
                <>
                  <input type="hidden" name="intent" value="reviewed" />
                  <div className="field">
                    <label htmlFor="meetingDate">検討会で扱った日</label>
                    <input id="meetingDate" name="meetingDate" type="date" required />
                  </div>
                  <button type="submit" className="button button--small">
                    「検討会で扱った」として記録
                  </button>
                </>
              )}
              <ErrorList errors={caseFeedback(feedback, 'reviewed')} />
            </Form>
          ) : null}
          {can.moderate && item.status === 'PUBLISHED' ? (
            <Form method="post" preventScrollReset className="row">
              {item.hiddenAt ? (
                <>
                  <input type="hidden" name="intent" value="unhide-case" />
                  <button type="submit" className="button button--small">
                    事例を再表示する
                  </button>
                </>
              ) : (
                <>
                  <input type="hidden" name="intent" value="hide-case" />
                  <div className="field">
                    <label htmlFor="hide-reason">非表示にする理由（投稿者に通知されます）</label>
                    <input id="hide-reason" name="reason" required maxLength={500} />
                  </div>
                  <button type="submit" className="button button--danger button--small">
                    事例を非表示にする
                  </button>
                </>
              )}
              <ErrorList errors={caseFeedback(feedback, 'hide-case')} />
            </Form>
          ) : null}
        </section>
      ) : null}

      {item.status === 'PUBLISHED' ? (
        <CommentThread comments={comments} canComment={can.comment} canModerate={can.moderate} feedback={feedback} />
      ) : null}
    </article>
  )
}

type MeetingLink = { id: string; title: string; startsAt: string | Date }

/** `markHeld`: a meeting already held whose summary is not posted yet says so, rather than looking upcoming. */
function MeetingsNotice({ meetings, className, label, intro, markHeld = false }: { meetings: MeetingLink[]; className: string; label: string; intro: string; markHeld?: boolean }) {
  if (!meetings.length) return null
  const now = Date.now()
  return (
    <div className={className} role="note" aria-label={label}>
      {intro}
      <ul>
        {meetings.map((meeting) => (
          <li key={meeting.id}>
            <Link to={`/events/${meeting.id}`}>{meeting.title}</Link>（{formatDate(meeting.startsAt)}
            {markHeld && new Date(meeting.startsAt).getTime() < now ? '・開催済み、まとめの掲載待ち' : ''}）
          </li>
        ))}
      </ul>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
