import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect } from 'react'
import { clearEditorAutosave } from '#app/components/editor/rich-text-editor.tsx'
import { RichTextView } from '#app/modules/rich-text/rich-text-view.tsx'
import { CommentThread, DiscussionActions } from '#app/components/discussion/discussion.tsx'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { AdoptionForm, AdoptionSummary } from '#app/components/practices/adoptions.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { TagLinks } from '#app/components/tag-links.tsx'
import { formatDate, formatDateTime } from '#app/lib/format.ts'
import { canEditPractice, hasPermission } from '#app/modules/auth/permissions.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { HideSchema } from '#app/modules/cases/schemas.ts'
import { isRichTextEmpty } from '#app/modules/rich-text/rich-text.ts'
import { listComments, markSeen, viewerState } from '#app/modules/discussion/discussion.server.ts'
import { handleDiscussionIntent } from '#app/modules/discussion/intents.server.ts'
import { adoptionSummary, deleteAdoption, saveAdoption } from '#app/modules/practices/adoptions.server.ts'
import { PRACTICE_THEMES } from '#app/modules/practices/labels.ts'
import { findPracticeForViewer, presentPractice, setPracticeHidden } from '#app/modules/practices/practices.server.ts'
import { AdoptionSchema } from '#app/modules/practices/schemas.ts'
import { formatFileSize } from '#app/modules/uploads/file-types.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? 'プラクティス'} | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const row = await findPracticeForViewer(params.id ?? '', user)
  const subject = { kind: 'practice' as const, id: row.id }
  const open = row.status === 'PUBLISHED' && !row.hiddenAt
  const [comments, state, adoptions] = await Promise.all([
    row.status === 'PUBLISHED' ? listComments(subject, user) : Promise.resolve([]),
    viewerState(subject, user.id),
    adoptionSummary(row.id, user),
    markSeen(subject, user.id),
  ])
  return {
    item: presentPractice(row, user),
    comments,
    state,
    adoptions,
    can: {
      edit: canEditPractice(user, row),
      moderate: hasPermission(user, 'practice:moderate'),
      comment: open,
      // Any member with a hospital records 「自院で導入」 on a published practice.
      adopt: open && !!user.hospitalId,
      hasHospital: !!user.hospitalId,
    },
  }
}

export type PracticeFeedback = { intent: string; commentId: string | null; ok: boolean; error?: string; fieldErrors?: Record<string, string[]>; at: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const row = await findPracticeForViewer(params.id ?? '', user)
  const form = await request.formData()
  const subject = { kind: 'practice' as const, id: row.id }
  const open = row.status === 'PUBLISHED' && !row.hiddenAt
  const discussion = await handleDiscussionIntent(subject, user, form, request, { canComment: open })
  if (discussion) return data({ feedback: discussion }, { status: discussion.status })

  const intent = String(form.get('intent') ?? '')
  const adoptionId = String(form.get('adoptionId') ?? '') || null
  const reply = (status: number, error?: string, fieldErrors?: Record<string, string[]>) =>
    data({ feedback: { intent, commentId: adoptionId, ok: !error, error, fieldErrors, at: Date.now() } satisfies PracticeFeedback }, { status })
  switch (intent) {
    case 'adopt': {
      const parsed = AdoptionSchema.safeParse({
        status: form.get('status') || undefined,
        resultBefore: form.get('resultBefore') ?? undefined,
        resultAfter: form.get('resultAfter') ?? undefined,
        note: form.get('note') ?? undefined,
      })
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {}
        for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] = [...(fieldErrors[String(issue.path[0])] ?? []), issue.message]
        return reply(400, '入力内容を確認してください。', fieldErrors)
      }
      const saved = await saveAdoption(row, user, parsed.data, request, { adoptionId: adoptionId ?? undefined })
      if (!saved.ok) return reply(saved.status, saved.formErrors.join('\n'), saved.fieldErrors)
      return reply(200)
    }
    case 'delete-adoption': {
      if (!adoptionId) return reply(400, '導入の記録が見つかりません。')
      const result = await deleteAdoption(row.id, adoptionId, user, request)
      if (!result.ok) return reply(result.status, result.formErrors.join('\n'))
      return reply(200)
    }
    case 'hide-practice':
    case 'unhide-practice': {
      if (!hasPermission(user, 'practice:moderate')) throw new Response('この操作を行う権限がありません。', { status: 403 })
      if (row.status !== 'PUBLISHED') return reply(400, '下書きは非表示にできません。')
      if (intent === 'unhide-practice') {
        await setPracticeHidden(row.id, null, user, request)
        return reply(200)
      }
      const parsed = HideSchema.safeParse({ reason: form.get('reason') ?? undefined })
      if (!parsed.success) return reply(400, parsed.error.issues[0]?.message)
      await setPracticeHidden(row.id, { reason: parsed.data.reason }, user, request)
      return reply(200)
    }
  }
  return reply(400, '不明な操作です。')
}

function errorsFor(feedback: { intent: string; error?: string } | undefined, intent: string) {
  return feedback && feedback.intent === intent && feedback.error ? [feedback.error] : undefined
}

export default function PracticeDetail() {
  const { item, comments, state, adoptions, can } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const feedback = actionData?.feedback as PracticeFeedback | undefined
  const [searchParams] = useSearchParams()
  const saved = searchParams.get('saved')
  // Saved on the server: the editor's local drafts for this practice (and for a new one) are no longer needed.
  useEffect(() => {
    if (!saved) return
    clearEditorAutosave(`practice-draft:${item.id}:`)
    clearEditorAutosave('practice-draft:new:')
  }, [saved, item.id])
  return (
    <article className="practice-detail">
      {saved === 'published' ? <p className="notice notice--success" role="status">プラクティスを公開しました。</p> : null}
      {saved === 'draft' ? <p className="notice notice--success" role="status">下書きを保存しました（あなただけが見られます）。</p> : null}
      {item.status === 'DRAFT' ? <p className="notice notice--warning">このプラクティスは下書きです。公開するまで他の会員には表示されません。</p> : null}
      {item.hiddenAt ? (
        <p className="notice notice--danger">
          このプラクティスは事務局により非表示になっています（{formatDateTime(item.hiddenAt)}
          {item.hiddenByName ? `、${item.hiddenByName}` : ''}）。理由: {item.hiddenReason}
        </p>
      ) : null}

      <div className="page-header">
        <div>
          <h1>{item.title}</h1>
          <p className="practice-card__badges">
            <span className="badge badge--primary">{PRACTICE_THEMES[item.theme]}</span>{' '}
            <a href="#adoptions" className="badge badge--success">
              導入 {adoptions.total}病院
            </a>
          </p>
        </div>
        {can.edit ? (
          <Link to={`/practices/${item.id}/edit`} className="button">
            編集する
          </Link>
        ) : null}
      </div>

      <dl className="definition-list card">
        <dt>投稿者</dt>
        <dd>
          <Link to={`/members/${item.author.id}`}>{item.author.name}</Link>
          {item.hospitalName ? `（${item.hospitalName}）` : ''}
        </dd>
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
              <TagLinks tags={item.tags} listPath="/practices" />
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="problem-title">
        <h2 id="problem-title">解決したい課題</h2>
        <p className="practice-text">{item.problem}</p>
      </section>

      {!isRichTextEmpty(item.whatWasDone) ? (
        <section aria-labelledby="done-title">
          <h2 id="done-title">取り組みの内容</h2>
          <RichTextView doc={item.whatWasDone} profile="full" />
        </section>
      ) : null}

      {item.results.length ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">測定した結果</h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">指標</th>
                  <th scope="col">導入前</th>
                  <th scope="col">導入後</th>
                  <th scope="col">期間</th>
                </tr>
              </thead>
              <tbody>
                {item.results.map((result) => (
                  <tr key={result.id}>
                    <th scope="row">{result.metric}</th>
                    <td className="nowrap">
                      {result.before}
                      {result.unit}
                    </td>
                    <td className="nowrap">
                      {result.after}
                      {result.unit}
                    </td>
                    <td>{result.period || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {!isRichTextEmpty(item.steps) || item.resources || item.pitfalls ? (
        <section aria-labelledby="how-title">
          <h2 id="how-title">導入の仕方</h2>
          {!isRichTextEmpty(item.steps) ? (
            <>
              <h3>手順</h3>
              <RichTextView doc={item.steps} profile="full" />
            </>
          ) : null}
          {item.resources ? (
            <>
              <h3>必要な人員・費用</h3>
              <p className="practice-text">{item.resources}</p>
            </>
          ) : null}
          {item.pitfalls ? (
            <>
              <h3>つまずきやすい点</h3>
              <p className="practice-text">{item.pitfalls}</p>
            </>
          ) : null}
        </section>
      ) : null}

      {item.relatedCases.length || item.attachments.length ? (
        <div className="practice-links">
          {item.relatedCases.length ? (
            <section className="card" aria-labelledby="related-title">
              <h2 id="related-title">関連する事例</h2>
              <ul>
                {item.relatedCases.map((related) => (
                  <li key={related.id}>
                    <Link to={`/cases/${related.id}`}>{related.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {item.attachments.length ? (
            <section className="card" aria-labelledby="attachments-title">
              <h2 id="attachments-title">添付ファイル</h2>
              <ul>
                {item.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    <a href={`/practices/${item.id}/attachments/${attachment.id}`} download>
                      {attachment.file.fileName}
                    </a>{' '}
                    <span className="muted small">{formatFileSize(attachment.file.size)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}

      <section id="adoptions" className="card stack" aria-labelledby="adoptions-title">
        <h2 id="adoptions-title">導入した病院</h2>
        <AdoptionSummary summary={adoptions} feedback={feedback} />
        {can.adopt ? (
          <AdoptionForm mine={adoptions.mine} feedback={feedback} />
        ) : item.status === 'PUBLISHED' && !item.hiddenAt && !can.hasHospital ? (
          <p className="muted small">所属病院を登録すると「自院で導入」を記録できます（プロフィールの編集から）。</p>
        ) : null}
      </section>

      {item.status === 'PUBLISHED' ? <DiscussionActions state={state} /> : null}

      {can.moderate && item.status === 'PUBLISHED' ? (
        <section className="card stack" aria-labelledby="practice-admin-title">
          <h2 id="practice-admin-title">事務局の操作</h2>
          <Form method="post" preventScrollReset className="row">
            {item.hiddenAt ? (
              <>
                <input type="hidden" name="intent" value="unhide-practice" />
                <button type="submit" className="button button--small">
                  プラクティスを再表示する
                </button>
              </>
            ) : (
              <>
                <input type="hidden" name="intent" value="hide-practice" />
                <div className="field">
                  <label htmlFor="hide-reason">非表示にする理由（投稿者に通知されます）</label>
                  <input id="hide-reason" name="reason" required maxLength={500} />
                </div>
                <button type="submit" className="button button--danger button--small">
                  プラクティスを非表示にする
                </button>
              </>
            )}
            <ErrorList errors={errorsFor(feedback, 'hide-practice')} />
          </Form>
        </section>
      ) : null}

      {item.status === 'PUBLISHED' ? <CommentThread comments={comments} canComment={can.comment} canModerate={can.moderate} feedback={feedback} /> : null}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
