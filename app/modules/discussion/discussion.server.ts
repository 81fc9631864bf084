import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canChangeComment, hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { ANONYMOUS_AUTHOR } from '#app/modules/cases/labels.ts'
import { describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import type { JobPayloads } from '#app/modules/jobs/names.ts'
import { enqueueJob } from '#app/modules/jobs/queue.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { contentHiddenMail, discussionCommentMail } from '#app/modules/mail/templates.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { subjectColumn, subjectNoun, subjectPath, type DiscussionSubject } from './subject.ts'

// The discussion under a case (and later a practice): comments with one level of replies, 「参考になった」,
// bookmarks and follows. Routes check that the viewer may see the subject before calling anything here.

type Viewer = Pick<SessionUser, 'id' | 'role'>
type Tx = Prisma.TransactionClient

export type DiscussionError = { ok: false; status: 400 | 403 | 404; message: string }
const fail = (status: DiscussionError['status'], message: string): DiscussionError => ({ ok: false, status, message })

/** Keeps the subject's visible-comment count and last comment time in step (for sorting and /home). */
async function refreshSubjectActivity(tx: Tx, subject: DiscussionSubject) {
  const where = { ...subjectColumn(subject), deletedAt: null, hiddenAt: null }
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it in v9.
  const count = await tx.comment.count({ where })
  const last = await tx.comment.findFirst({ where, orderBy: { createdAt: 'desc' }, select: { createdAt: true } })
  switch (subject.kind) {
    case 'case':
      await tx.case.update({ where: { id: subject.id }, data: { commentCount: count, lastCommentAt: last?.createdAt ?? null } })
      break
    case 'practice':
      await tx.practice.update({ where: { id: subject.id }, data: { commentCount: count, lastCommentAt: last?.createdAt ?? null } })
  }
}

/** Comments refuse identifiers like case text does (block findings), with the same messages. */
async function identifierProblems(body: RichTextDoc): Promise<string[]> {
  return describeBlocking(await serverBlockingFindings([{ field: 'body', label: 'コメント', text: richTextToPlainText(body) }]))
}

export async function addComment(
  subject: DiscussionSubject,
  author: SessionUser,
  input: { body: RichTextDoc; parentId?: string },
): Promise<{ ok: true; id: string } | DiscussionError> {
  if (!richTextToPlainText(input.body).trim()) return fail(400, 'コメントを入力してください')
  if (richTextToPlainText(input.body).length > 5000) return fail(400, 'コメントは5000文字以内で入力してください')
  const problems = await identifierProblems(input.body)
  if (problems.length) return fail(400, problems.join('\n'))
  let parentId: string | null = null
  if (input.parentId) {
    const parent = await prisma.comment.findFirst({
      where: { id: input.parentId, ...subjectColumn(subject) },
      select: { id: true, parentId: true, deletedAt: true, hiddenAt: true },
    })
    if (!parent || parent.deletedAt || parent.hiddenAt) return fail(404, '返信先のコメントが見つかりません')
    // One level of replies: answering a reply joins the same thread.
    parentId = parent.parentId ?? parent.id
  }
  const created = await prisma.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { ...subjectColumn(subject), parentId, authorId: author.id, body: input.body as unknown as Prisma.InputJsonObject },
      select: { id: true },
    })
    await refreshSubjectActivity(tx, subject)
    // Commenters follow the discussion they joined.
    await followIn(tx, subject, author.id)
    // The followers' notifications and mails are a job, queued in this transaction: however many follow the
    // subject, the comment's request does not wait for them, and they exist only if the comment does.
    await enqueueJob('discussion.comment-followers', { subject, commentId: comment.id, authorId: author.id }, { db: tx })
    await enqueueSearchChange(tx, { type: 'comment', id: comment.id })
    return { id: comment.id }
  })
  return { ok: true, id: created.id }
}

/** The job behind a new comment: an in-app notification and a mail (a link only, never the text) per follower. */
export async function notifyCommentFollowers({ subject, commentId, authorId }: JobPayloads['discussion.comment-followers']): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: { id: commentId, deletedAt: null, hiddenAt: null }, select: { id: true } })
    if (!comment) return
    const followers = await tx.follow.findMany({
      where: { ...subjectColumn(subject), userId: { not: authorId }, user: { status: 'ACTIVE' } },
      select: { user: { select: { id: true, email: true } } },
    })
    const path = `${subjectPath(subject)}#comment-${commentId}`
    await notify({ userIds: followers.map((follower) => follower.user.id), kind: `${subject.kind}.comment`, title: `フォロー中の${subjectNoun(subject)}に新しいコメントがあります`, url: path }, tx)
    // Each mail is its own job (in this transaction): one bad address is retried alone, and a retry of this job
    // after a failure has written nothing twice.
    for (const follower of followers) await sendMail({ to: follower.user.email, ...discussionCommentMail({ link: `${getEnv().APP_ORIGIN}${path}` }) }, { db: tx })
  })
}

async function ownComment(subject: DiscussionSubject, commentId: string, user: Viewer) {
  const comment = await prisma.comment.findFirst({
    where: { id: commentId, ...subjectColumn(subject) },
    select: { id: true, authorId: true, deletedAt: true, hiddenAt: true },
  })
  if (!comment || comment.deletedAt) return fail(404, 'コメントが見つかりません')
  if (!canChangeComment(user, comment)) return fail(403, '自分のコメントだけを編集・削除できます')
  return { ok: true as const, comment }
}

export async function editComment(subject: DiscussionSubject, user: Viewer, commentId: string, body: RichTextDoc): Promise<{ ok: true } | DiscussionError> {
  const found = await ownComment(subject, commentId, user)
  if (!found.ok) return found
  if (!richTextToPlainText(body).trim()) return fail(400, 'コメントを入力してください')
  if (richTextToPlainText(body).length > 5000) return fail(400, 'コメントは5000文字以内で入力してください')
  const problems = await identifierProblems(body)
  if (problems.length) return fail(400, problems.join('\n'))
  await prisma.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { body: body as unknown as Prisma.InputJsonObject, editedAt: new Date() } })
    await enqueueSearchChange(tx, { type: 'comment', id: commentId })
  })
  return { ok: true }
}

/** Soft delete: the text is erased, the place stays so that replies keep their context (「削除されたコメント」). */
export async function deleteComment(subject: DiscussionSubject, user: Viewer, commentId: string): Promise<{ ok: true } | DiscussionError> {
  const found = await ownComment(subject, commentId, user)
  if (!found.ok) return found
  await prisma.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date(), body: { type: 'doc', content: [] } } })
    await refreshSubjectActivity(tx, subject)
    await enqueueSearchChange(tx, { type: 'comment', id: commentId })
  })
  return { ok: true }
}

/** Moderation of a comment: hide with a reason (author told in-app and by mail) or show again. Audited. */
export async function setCommentHidden(
  subject: DiscussionSubject,
  moderator: SessionUser,
  commentId: string,
  hide: { reason: string } | null,
  request: Request,
): Promise<{ ok: true } | DiscussionError> {
  if (!hasPermission(moderator, 'case:moderate')) return fail(403, 'この操作を行う権限がありません。')
  const comment = await prisma.comment.findFirst({ where: { id: commentId, ...subjectColumn(subject) }, select: { id: true, deletedAt: true } })
  if (!comment || comment.deletedAt) return fail(404, 'コメントが見つかりません')
  const author = await prisma.$transaction(async (tx) => {
    const updated = await tx.comment.update({
      where: { id: commentId },
      data: hide ? { hiddenAt: new Date(), hiddenReason: hide.reason, hiddenById: moderator.id } : { hiddenAt: null, hiddenReason: null, hiddenById: null },
      select: { authorId: true, author: { select: { email: true, status: true } } },
    })
    await refreshSubjectActivity(tx, subject)
    await recordAudit(
      {
        action: hide ? 'comment.hidden' : 'comment.unhidden',
        actorId: moderator.id,
        target: { type: 'comment', id: commentId },
        request,
        details: { subject: `${subject.kind}:${subject.id}`, ...(hide ? { reason: hide.reason } : {}) },
      },
      tx,
    )
    await enqueueSearchChange(tx, { type: 'comment', id: commentId })
    if (hide && updated.authorId !== moderator.id) {
      await notify({ userIds: [updated.authorId], kind: 'comment.hidden', title: 'あなたのコメントが非表示になりました', url: `${subjectPath(subject)}#comment-${commentId}` }, tx)
    }
    return updated
  })
  if (hide && author.authorId !== moderator.id && author.author.status === 'ACTIVE') {
    await sendMail({
      to: author.author.email,
      ...contentHiddenMail({ what: 'コメント', reason: hide.reason, link: `${getEnv().APP_ORIGIN}${subjectPath(subject)}#comment-${commentId}` }),
    })
  }
  return { ok: true }
}

export type CommentView = {
  id: string
  parentId: string | null
  author: { id: string | null; name: string }
  body: RichTextDoc | null
  createdAt: Date
  editedAt: Date | null
  state: 'visible' | 'deleted' | 'hidden'
  hiddenReason: string | null
  canChange: boolean
  replies: CommentView[]
}

/**
 * The thread as this viewer may see it. Hidden comments keep their text only for moderators and their author
 * (with the reason); deleted ones are placeholders, dropped when nothing answers them. `maskAuthorId`: on an
 * anonymous case the case author's own comments show 「投稿者（会員）」 to members, so they do not unmask it.
 */
export async function listComments(subject: DiscussionSubject, viewer: Viewer, options: { maskAuthorId?: string | null } = {}): Promise<CommentView[]> {
  const rows = await prisma.comment.findMany({
    where: subjectColumn(subject),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      parentId: true,
      authorId: true,
      author: { select: { name: true } },
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      hiddenAt: true,
      hiddenReason: true,
    },
  })
  const moderator = hasPermission(viewer, 'case:moderate')
  const views = rows.map((row): CommentView => {
    const state = row.deletedAt ? 'deleted' : row.hiddenAt ? 'hidden' : 'visible'
    const mayRead = state === 'visible' || (state === 'hidden' && (moderator || row.authorId === viewer.id))
    const masked = options.maskAuthorId === row.authorId && row.authorId !== viewer.id && !moderator
    const showAuthor = state !== 'deleted' && (state === 'visible' || mayRead)
    return {
      id: row.id,
      parentId: row.parentId,
      author: !showAuthor ? { id: null, name: '' } : masked ? { id: null, name: `投稿者（${ANONYMOUS_AUTHOR}）` } : { id: row.authorId, name: row.author.name },
      body: mayRead ? (row.body as unknown as RichTextDoc) : null,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      state,
      hiddenReason: state === 'hidden' && mayRead ? row.hiddenReason : null,
      canChange: state !== 'deleted' && canChangeComment(viewer, { authorId: row.authorId }),
      replies: [],
    }
  })
  const byId = new Map(views.map((view) => [view.id, view]))
  const roots: CommentView[] = []
  for (const view of views) {
    const parent = view.parentId ? byId.get(view.parentId) : undefined
    if (parent) parent.replies.push(view)
    else roots.push(view)
  }
  const worthShowing = (view: CommentView) => view.state !== 'deleted' || view.replies.length > 0
  return roots.filter(worthShowing).map((root) => ({ ...root, replies: root.replies.filter((reply) => reply.state !== 'deleted') }))
}

async function followIn(tx: Tx, subject: DiscussionSubject, userId: string) {
  const column = subjectColumn(subject)
  const existing = await tx.follow.findFirst({ where: { ...column, userId }, select: { id: true } })
  if (!existing) await tx.follow.create({ data: { ...column, userId } })
}

export async function setFollowing(subject: DiscussionSubject, userId: string, on: boolean) {
  if (on) await prisma.$transaction((tx) => followIn(tx, subject, userId))
  else await prisma.follow.deleteMany({ where: { ...subjectColumn(subject), userId } })
}

export async function setBookmarked(subject: DiscussionSubject, userId: string, on: boolean) {
  const column = subjectColumn(subject)
  if (!on) return void (await prisma.bookmark.deleteMany({ where: { ...column, userId } }))
  const existing = await prisma.bookmark.findFirst({ where: { ...column, userId }, select: { id: true } })
  if (!existing) await prisma.bookmark.create({ data: { ...column, userId } })
}

/** 「参考になった」 */
export async function setReacted(subject: DiscussionSubject, userId: string, on: boolean) {
  const column = subjectColumn(subject)
  if (!on) return void (await prisma.reaction.deleteMany({ where: { ...column, userId } }))
  const existing = await prisma.reaction.findFirst({ where: { ...column, userId }, select: { id: true } })
  if (!existing) await prisma.reaction.create({ data: { ...column, userId } })
}

/** The viewer's own state on a subject, and the reaction count everyone sees. */
export async function viewerState(subject: DiscussionSubject, userId: string) {
  const column = subjectColumn(subject)
  const [reacted, bookmarked, following, reactionCount] = await Promise.all([
    prisma.reaction.count({ where: { ...column, userId } }),
    prisma.bookmark.count({ where: { ...column, userId } }),
    prisma.follow.count({ where: { ...column, userId } }),
    prisma.reaction.count({ where: column }),
  ])
  return { reacted: reacted > 0, bookmarked: bookmarked > 0, following: following > 0, reactionCount }
}

/** Opening the subject marks its comments as seen for the follower (for 「新しいコメント」 on /home). */
export async function markSeen(subject: DiscussionSubject, userId: string) {
  await prisma.follow.updateMany({ where: { ...subjectColumn(subject), userId }, data: { lastSeenAt: new Date() } })
}

/** Followed cases with comments since the member last opened them, newest activity first. */
export async function followedCasesWithNewComments(userId: string, take = 5) {
  const follows = await prisma.follow.findMany({
    where: { userId, case: { status: 'PUBLISHED', hiddenAt: null, lastCommentAt: { not: null } } },
    select: { lastSeenAt: true, case: { select: { id: true, title: true, lastCommentAt: true, commentCount: true } } },
    orderBy: { case: { lastCommentAt: 'desc' } },
    take: 50,
  })
  const fresh = follows.filter((follow) => follow.case && follow.case.lastCommentAt && follow.case.lastCommentAt > follow.lastSeenAt)
  const items = await Promise.all(
    fresh.slice(0, take).map(async (follow) => {
      const item = follow.case!
      const newComments = await prisma.comment.count({
        where: { caseId: item.id, deletedAt: null, hiddenAt: null, createdAt: { gt: follow.lastSeenAt }, authorId: { not: userId } },
      })
      return { id: item.id, title: item.title, lastCommentAt: item.lastCommentAt!, newComments }
    }),
  )
  return items.filter((item) => item.newComments > 0)
}

/** Hidden comments (on cases and practices) for the moderators' list, newest first. */
export async function hiddenComments() {
  return prisma.comment.findMany({
    where: { hiddenAt: { not: null }, deletedAt: null },
    orderBy: { hiddenAt: 'desc' },
    take: 200,
    select: {
      id: true,
      caseId: true,
      hiddenAt: true,
      hiddenReason: true,
      author: { select: { name: true } },
      hiddenBy: { select: { name: true } },
      case: { select: { title: true } },
      // practices (issue 7): comments under a practice are moderated here too
      practiceId: true,
      practice: { select: { title: true } },
    },
  })
}
