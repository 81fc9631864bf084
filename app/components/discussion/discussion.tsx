import { Form, Link, useNavigation } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import { clearEditorAutosave, RichTextEditor } from '#app/components/editor/rich-text-editor.tsx'
import { RichTextView } from '#app/modules/rich-text/rich-text-view.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import type { RichTextDoc } from '#app/modules/rich-text/rich-text.ts'

// The discussion under a subject (a case now, a practice in issue 7): toolbar of reactions/bookmark/follow and
// the comment thread. Every form posts to the page's own action with an `intent`; the page handles them through
// app/modules/discussion.

export type CommentItem = {
  id: string
  parentId: string | null
  author: { id: string | null; name: string }
  body: RichTextDoc | null
  createdAt: string | Date
  editedAt: string | Date | null
  state: 'visible' | 'deleted' | 'hidden'
  hiddenReason: string | null
  canChange: boolean
  replies: CommentItem[]
}

export type DiscussionState = { reacted: boolean; bookmarked: boolean; following: boolean; reactionCount: number }

/** Where the last comment action went wrong, so the message shows next to the right form. */
export type DiscussionFeedback = { intent: string; commentId?: string | null; error?: string; ok?: boolean; at?: number } | undefined

function Toggle({ intent, on, labelOn, labelOff, pressedLabel }: { intent: string; on: boolean; labelOn: string; labelOff: string; pressedLabel?: string }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="on" value={on ? '0' : '1'} />
      <button type="submit" className="button button--small" aria-pressed={on} title={pressedLabel}>
        {on ? labelOn : labelOff}
      </button>
    </Form>
  )
}

export function DiscussionActions({ state }: { state: DiscussionState }) {
  return (
    <div className="row discussion-actions">
      <Toggle intent="react" on={state.reacted} labelOn={`✓ 参考になった ${formatNumber(state.reactionCount)}`} labelOff={`参考になった ${formatNumber(state.reactionCount)}`} />
      <Toggle intent="bookmark" on={state.bookmarked} labelOn="✓ ブックマーク済み" labelOff="ブックマーク" />
      <Toggle intent="follow" on={state.following} labelOn="✓ フォロー中（新しいコメントを通知）" labelOff="フォローする" />
    </div>
  )
}

function CommentForm({ intent, parentId, commentId, defaultValue, submitLabel, feedback, onCancel }: {
  intent: 'comment' | 'edit-comment'
  parentId?: string
  commentId?: string
  defaultValue?: RichTextDoc | null
  submitLabel: string
  feedback: DiscussionFeedback
  onCancel?: () => void
}) {
  const navigation = useNavigation()
  const target = commentId ?? parentId ?? null
  const mine = feedback?.intent === intent && (feedback.commentId ?? null) === target
  const key = `${intent}:${target ?? 'root'}`
  const saved = mine && feedback?.ok ? feedback.at : null
  // Saved: drop the local copy before the emptied editor mounts, or it would offer to restore it.
  useMemo(() => {
    if (saved !== null && typeof window !== 'undefined') clearEditorAutosave(`comment:${key}`)
  }, [saved, key])
  return (
    // A successful post remounts the form (new key), which empties it; a refused one keeps what was typed.
    <Form method="post" preventScrollReset className="stack comment-form" key={saved !== null ? `${key}:${saved}` : key}>
      <input type="hidden" name="intent" value={intent} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <RichTextEditor
        name="body"
        label={intent === 'edit-comment' ? 'コメントを編集' : parentId ? '返信' : 'コメント'}
        profile="light"
        defaultValue={defaultValue ?? null}
        autosaveKey={`comment:${key}`}
        deidentify
        maxLength={5000}
        errors={mine && feedback?.error ? [feedback.error] : undefined}
      />
      <div className="row">
        <button type="submit" className="button button--primary button--small" disabled={navigation.state === 'submitting'}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--quiet button--small" onClick={onCancel}>
            キャンセル
          </button>
        ) : null}
      </div>
    </Form>
  )
}

function ModerateComment({ comment }: { comment: CommentItem }) {
  if (comment.state === 'hidden') {
    return (
      <Form method="post" preventScrollReset className="row">
        <input type="hidden" name="intent" value="unhide-comment" />
        <input type="hidden" name="commentId" value={comment.id} />
        <button type="submit" className="button button--quiet button--small">
          再表示する
        </button>
      </Form>
    )
  }
  return (
    <details className="moderate">
      <summary>非表示にする</summary>
      <Form method="post" preventScrollReset className="row">
        <input type="hidden" name="intent" value="hide-comment" />
        <input type="hidden" name="commentId" value={comment.id} />
        <label className="visually-hidden" htmlFor={`hide-reason-${comment.id}`}>
          非表示にする理由
        </label>
        <input id={`hide-reason-${comment.id}`} name="reason" required maxLength={500} placeholder="理由（投稿者に通知されます）" />
        <button type="submit" className="button button--danger button--small">
          非表示にする
        </button>
      </Form>
    </details>
  )
}

function CommentBlock({ comment, canReply, canModerate, feedback }: { comment: CommentItem; canReply: boolean; canModerate: boolean; feedback: DiscussionFeedback }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view')
  const savedHere = feedback?.ok && feedback.commentId === comment.id ? feedback.at : null
  useEffect(() => {
    if (savedHere !== null) setMode('view')
  }, [savedHere])
  const failedHere = feedback?.error && feedback.commentId === comment.id
  const current = failedHere && mode === 'view' ? (feedback.intent === 'edit-comment' ? 'edit' : 'reply') : mode
  return (
    <article id={`comment-${comment.id}`} className={`comment comment--${comment.state}`}>
      {comment.state === 'deleted' ? (
        <p className="muted">このコメントは削除されました。</p>
      ) : (
        <>
          <header className="comment__meta small">
            {comment.author.id ? <Link to={`/members/${comment.author.id}`}>{comment.author.name}</Link> : <span>{comment.author.name}</span>}{' '}
            <span className="muted">
              {formatDateTime(comment.createdAt)}
              {comment.editedAt ? '（編集済み）' : ''}
            </span>
          </header>
          {comment.state === 'hidden' ? (
            <p className="notice notice--danger small">
              このコメントは事務局により非表示になっています。{comment.hiddenReason ? `理由: ${comment.hiddenReason}` : ''}
            </p>
          ) : null}
          {comment.body && current !== 'edit' ? <RichTextView doc={comment.body} profile="light" /> : null}
          {current === 'edit' ? (
            <CommentForm intent="edit-comment" commentId={comment.id} defaultValue={comment.body} submitLabel="保存する" feedback={feedback} onCancel={() => setMode('view')} />
          ) : null}
          <div className="row comment__actions">
            {canReply && comment.state === 'visible' && current === 'view' ? (
              <button type="button" className="button button--quiet button--small" onClick={() => setMode('reply')}>
                返信
              </button>
            ) : null}
            {comment.canChange && current === 'view' ? (
              <>
                <button type="button" className="button button--quiet button--small" onClick={() => setMode('edit')}>
                  編集
                </button>
                <Form method="post" preventScrollReset onSubmit={(event) => (!confirm('このコメントを削除しますか？') ? event.preventDefault() : undefined)}>
                  <input type="hidden" name="intent" value="delete-comment" />
                  <input type="hidden" name="commentId" value={comment.id} />
                  <button type="submit" className="button button--quiet button--small">
                    削除
                  </button>
                </Form>
              </>
            ) : null}
            {canModerate ? <ModerateComment comment={comment} /> : null}
          </div>
          {current === 'reply' ? (
            <CommentForm intent="comment" parentId={comment.id} submitLabel="返信する" feedback={feedback} onCancel={() => setMode('view')} />
          ) : null}
        </>
      )}
      {comment.replies.length ? (
        <ol className="comment-replies">
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <CommentBlock comment={reply} canReply={false} canModerate={canModerate} feedback={feedback} />
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  )
}

export function CommentThread({ comments, canComment, canModerate, feedback }: {
  comments: CommentItem[]
  canComment: boolean
  canModerate: boolean
  feedback: DiscussionFeedback
}) {
  const count = comments.reduce((sum, comment) => sum + (comment.state === 'visible' ? 1 : 0) + comment.replies.filter((reply) => reply.state === 'visible').length, 0)
  return (
    <section className="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">コメント（{formatNumber(count)}件）</h2>
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentBlock comment={comment} canReply={canComment} canModerate={canModerate} feedback={feedback} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">まだコメントはありません。</p>
      )}
      {canComment ? (
        <CommentForm intent="comment" submitLabel="コメントする" feedback={feedback} />
      ) : (
        <ErrorList errors={feedback?.error && !feedback.commentId ? [feedback.error] : undefined} />
      )}
    </section>
  )
}
