import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { richTextFromInput } from '#app/modules/cases/schemas.ts'
import { addComment, deleteComment, editComment, setBookmarked, setCommentHidden, setFollowing, setReacted } from './discussion.server.ts'
import type { DiscussionSubject } from './subject.ts'

export type DiscussionFeedback = { intent: string; commentId: string | null; ok: boolean; error?: string; at: number; status: number }

const DISCUSSION_INTENTS = ['comment', 'edit-comment', 'delete-comment', 'react', 'bookmark', 'follow', 'hide-comment', 'unhide-comment'] as const

/**
 * Handles the discussion forms a subject page posts (comment, reply, edit, delete, 参考になった, bookmark,
 * follow, and moderators' hide/unhide). Returns null for intents that are not the discussion's, so the page can
 * handle its own. The caller has already checked that the user may see (and comment on) the subject.
 */
export async function handleDiscussionIntent(
  subject: DiscussionSubject,
  user: SessionUser,
  form: FormData,
  request: Request,
  options: { canComment: boolean },
): Promise<DiscussionFeedback | null> {
  const intent = String(form.get('intent') ?? '')
  if (!(DISCUSSION_INTENTS as readonly string[]).includes(intent)) return null
  const commentId = String(form.get('commentId') ?? '') || null
  const parentId = String(form.get('parentId') ?? '') || undefined
  const on = form.get('on') === '1'
  const done = (result: { ok: true } | { ok: false; status: number; message: string }, target: string | null = commentId): DiscussionFeedback =>
    result.ok
      ? { intent, commentId: target, ok: true, at: Date.now(), status: 200 }
      : { intent, commentId: target, ok: false, error: result.message, at: Date.now(), status: result.status }

  const body = () => richTextFromInput(form.get('body') ?? '', 'light')
  switch (intent) {
    case 'comment': {
      if (!options.canComment) return done({ ok: false, status: 403, message: 'この投稿にはコメントできません。' }, parentId ?? null)
      const parsed = body()
      if (!parsed.ok) return done({ ok: false, status: 400, message: parsed.error }, parentId ?? null)
      return done(await addComment(subject, user, { body: parsed.doc, parentId }), parentId ?? null)
    }
    case 'edit-comment': {
      const parsed = body()
      if (!parsed.ok || !commentId) return done({ ok: false, status: 400, message: parsed.ok ? 'コメントが見つかりません' : parsed.error })
      return done(await editComment(subject, user, commentId, parsed.doc))
    }
    case 'delete-comment':
      if (!commentId) return done({ ok: false, status: 400, message: 'コメントが見つかりません' })
      return done(await deleteComment(subject, user, commentId))
    case 'react':
      await setReacted(subject, user.id, on)
      return done({ ok: true })
    case 'bookmark':
      await setBookmarked(subject, user.id, on)
      return done({ ok: true })
    case 'follow':
      await setFollowing(subject, user.id, on)
      return done({ ok: true })
    case 'hide-comment': {
      const reason = String(form.get('reason') ?? '').trim()
      if (!commentId) return done({ ok: false, status: 400, message: 'コメントが見つかりません' })
      if (!reason || reason.length > 500) return done({ ok: false, status: 400, message: '非表示にする理由を500文字以内で入力してください' })
      return done(await setCommentHidden(subject, user, commentId, { reason }, request))
    }
    case 'unhide-comment':
      if (!commentId) return done({ ok: false, status: 400, message: 'コメントが見つかりません' })
      return done(await setCommentHidden(subject, user, commentId, null, request))
  }
  return null
}
