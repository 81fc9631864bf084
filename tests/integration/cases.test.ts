import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { EXPERIENCE_BANDS } from '#app/modules/cases/labels.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import * as adminCasesRoute from '#app/routes/admin/cases.tsx'
import * as detailRoute from '#app/routes/cases/detail.tsx'
import * as editRoute from '#app/routes/cases/edit.tsx'
import * as listRoute from '#app/routes/cases/index.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { caseForm, createCase, sessionUser } from '#tests/fixtures/cases.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, type RouteHandler } from '#tests/fixtures/routes.ts'

const args = routeArgs

async function member(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides)
  return { user, session: await sessionUser(user.id), cookie: await sessionCookieFor(user.id) }
}

/** The loader's data as the browser would receive it. */
async function loaderJson(result: unknown): Promise<string> {
  if (result instanceof Response) return result.text()
  return JSON.stringify(result)
}

function dataOf<T>(result: unknown): T {
  // Actions return `data(...)` (a DataWithResponseInit) — read its payload.
  return (result as { data: T }).data
}

describe('anonymous visitors are sent to /login', () => {
  test.each<[string, RouteHandler, Record<string, string>]>([
    ['/cases', listRoute.loader, {}],
    ['/cases/new', editRoute.loader, {}],
    ['/cases/x1', detailRoute.loader, { id: 'x1' }],
    ['/cases/x1/edit', editRoute.loader, { id: 'x1' }],
  ])('GET %s', async (path, loader, params) => {
    expectLoginRedirect(await settle(() => loader(args(makeRequest(path), params))), path)
  })

  test.each<[string, RouteHandler, Record<string, string>]>([
    ['/cases/new', editRoute.action, {}],
    ['/cases/x1', detailRoute.action, { id: 'x1' }],
  ])('POST %s', async (path, action, params) => {
    expectLoginRedirect(await settle(() => action(args(makeRequest(path, { form: { intent: 'comment', body: 'x' } }), params))), path)
  })
})

describe('writing a case', () => {
  // The first publish of the file starts the de-identification worker (analyser load): allow for a busy machine.
  test('a draft is saved, seen only by its author (not other members, not admins), and then published', { timeout: 60_000 }, async () => {
    const hospital = await createHospital({ name: 'テスト記念病院' })
    const author = await member({ hospitalId: hospital.id })
    const other = await member()
    const admin = await member({ role: 'ADMIN' })

    const saved = expectResponse(
      await settle(() => editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: caseForm({ intent: 'draft' }) })))),
      302,
    )
    const id = /\/cases\/([^?]+)/.exec(saved.headers.get('Location') ?? '')?.[1] ?? ''
    const row = await prisma.case.findUniqueOrThrow({ where: { id }, include: { professions: true, factors: true, countermeasures: true, follows: true } })
    expect(row).toMatchObject({ status: 'DRAFT', hospitalName: 'テスト記念病院', occurredYear: 2024, occurredMonth: 5, tags: ['誤薬', '患者確認'] })
    expect(row.professions).toHaveLength(1)
    expect(row.factors[0]).toMatchObject({ framework: 'SHELL', element: 'L' })
    expect(row.countermeasures[0]).toMatchObject({ strength: 'STRONG', dueMonth: '2024-09' })
    expect(row.follows.map((follow) => follow.userId)).toEqual([author.user.id])
    expect(await prisma.searchOutbox.count({ where: { docType: 'case', docId: id } })).toBe(1)

    const mine = await detailRoute.loader(args(makeRequest(`/cases/${id}`, { cookie: author.cookie }), { id }))
    expect(mine.item.status).toBe('DRAFT')
    for (const viewer of [other, admin]) {
      expectResponse(await settle(() => detailRoute.loader(args(makeRequest(`/cases/${id}`, { cookie: viewer.cookie }), { id }))), 404)
    }
    const othersList = await listRoute.loader(args(makeRequest('/cases', { cookie: other.cookie })))
    expect(othersList.items.map((item) => item.id)).not.toContain(id)
    const ownList = await listRoute.loader(args(makeRequest('/cases?view=mine', { cookie: author.cookie })))
    expect(ownList.items.map((item) => item.id)).toContain(id)

    expectResponse(
      await settle(() => editRoute.action(args(makeRequest(`/cases/${id}/edit`, { cookie: author.cookie, form: caseForm() }), { id }))),
      302,
    )
    const seen = await detailRoute.loader(args(makeRequest(`/cases/${id}`, { cookie: other.cookie }), { id }))
    expect(seen.item.status).toBe('PUBLISHED')
    expect(seen.item.author.name).toBe(author.user.name)
  })

  test('publishing is refused while identifiers remain, saying where; the typed text is kept and a draft still saves', async () => {
    const author = await member()
    const form = caseForm({ analysis: '山田太郎様の内服薬を確認しなかった。', 'countermeasures[0].effectMeasure': '2024年5月3日から集計' })
    const result = await editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form })))
    const body = JSON.stringify(result)
    expect((result as { init: { status: number } }).init.status).toBe(400)
    expect(body).toContain('「要因分析」の「山田太郎様」（')
    expect(body).toContain('対策1の効果の測り方')
    expect(body).toContain('山田太郎様の内服薬を確認しなかった。')
    expect(await prisma.case.count({ where: { authorId: author.user.id } })).toBe(0)

    expectResponse(await settle(() => editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: { ...form, intent: 'draft' } })))), 302)
    expect(await prisma.case.count({ where: { authorId: author.user.id, status: 'DRAFT' } })).toBe(1)
  })

  test('publishing needs factors, countermeasures and lessons (issue 17): each missing one is a message on its field; the typed text is kept and a draft still saves', async () => {
    const author = await member()
    const withoutLearning = Object.fromEntries(
      Object.entries(caseForm({ analysis: '', countermeasuresText: '', lessons: '' })).filter(([name]) => !name.startsWith('factors[') && !name.startsWith('countermeasures[')),
    )
    const result = await editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: withoutLearning })))
    expect((result as { init: { status: number } }).init.status).toBe(400)
    const reply = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }>(result).result
    expect(reply.error.analysis?.[0]).toContain('公開するには要因')
    expect(reply.error.countermeasuresText?.[0]).toContain('公開するには対策')
    expect(reply.error.lessons).toEqual(['公開するには教訓を入力してください'])
    expect(reply.error.chronology).toBeUndefined()
    expect(reply.error['']?.[0]).toBe('公開に必要な項目が足りません（要因分析・対策・教訓）。下書きとしては保存できます。')
    expect(reply.initialValue.title).toBe(withoutLearning.title)
    expect(reply.initialValue.summary).toBe(withoutLearning.summary)
    expect(await prisma.case.count({ where: { authorId: author.user.id } })).toBe(0)

    expectResponse(await settle(() => editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: { ...withoutLearning, intent: 'draft' } })))), 302)
    expect(await prisma.case.count({ where: { authorId: author.user.id, status: 'DRAFT' } })).toBe(1)
  })

  test('a countermeasure may carry a 4E dimension (optional); experience bands are stored without overlapping edges', async () => {
    const author = await member()
    const form = caseForm({
      intent: 'draft',
      'countermeasures[0].dimension': 'ENGINEERING',
      'countermeasures[1].text': '新人への教育を行う',
      'countermeasures[1].strength': 'WEAK',
      'countermeasures[1].responsibleRole': '看護部',
      'countermeasures[1].effectMeasure': '受講率',
      'professions[0].experience': 'Y3_UNDER_5',
    })
    const saved = expectResponse(await settle(() => editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form })))), 302)
    const id = /\/cases\/([^?]+)/.exec(saved.headers.get('Location') ?? '')?.[1] ?? ''
    const row = await prisma.case.findUniqueOrThrow({ where: { id }, include: { professions: true, countermeasures: { orderBy: { position: 'asc' } } } })
    expect(row.countermeasures.map((measure) => measure.dimension)).toEqual(['ENGINEERING', null])
    expect(row.professions[0]?.experience).toBe('Y3_UNDER_5')
    expect(EXPERIENCE_BANDS.Y3_UNDER_5).toBe('3年以上5年未満')

    const refused = await editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: caseForm({ 'countermeasures[0].dimension': 'EXCUSES' }) })))
    expect(JSON.stringify(refused)).toContain('4Eの区分を選び直してください')
  })

  test('validation errors are field errors in Japanese; nothing typed is lost', async () => {
    const author = await member()
    const result = await editRoute.action(
      args(makeRequest('/cases/new', { cookie: author.cookie, form: caseForm({ title: '', occurredOn: '2024-05-03', 'countermeasures[0].strength': '' }) })),
    )
    const body = JSON.stringify(result)
    expect(body).toContain('題名を入力してください')
    expect(body).toContain('発生年月は「2024-05」のように年と月で入力してください')
    expect(body).toContain('対策の強さを選んでください')
    expect(body).toContain('配薬時のバーコード認証を必須にする')
  })

  test('section JSON outside the allow-list (a javascript: link, an unknown node) is refused on the field', async () => {
    const author = await member()
    const evil = JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    })
    const unknown = JSON.stringify({ type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] })
    const result = await editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: caseForm({ analysis: evil, lessons: unknown, intent: 'draft' }) })))
    expect((result as { init: { status: number } }).init.status).toBe(400)
    const errors = (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error
    expect(errors.analysis?.length).toBeGreaterThan(0)
    expect(errors.lessons?.length).toBeGreaterThan(0)
    expect(await prisma.case.count({ where: { authorId: author.user.id } })).toBe(0)
  })

  test('an oversized section (3 MB, as text or as editor JSON) is a field message in Japanese, not a 500; nothing is saved', { timeout: 60_000 }, async () => {
    const author = await member()
    const huge = '経過'.repeat(1_500_000)
    const hugeJson = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'あ'.repeat(1_000_000) }] }] })
    const justOver = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'あ'.repeat(20_001) }] }] })
    for (const [field, value] of [['chronology', huge], ['analysis', hugeJson], ['lessons', justOver]] as const) {
      const result = await settle(() => editRoute.action(args(makeRequest('/cases/new', { cookie: author.cookie, form: caseForm({ [field]: value }) }))))
      expect((result as { init: { status: number } }).init.status).toBe(400)
      const errors = (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error
      expect(errors[field]?.join('')).toMatch(/20,000文字以内で入力してください|大きすぎ|長すぎ/)
    }
    expect(await prisma.case.count({ where: { authorId: author.user.id } })).toBe(0)
  })

  test('another member cannot open the edit page nor post to it', async () => {
    const author = await member()
    const other = await member()
    const item = await createCase(author.session)
    expectResponse(await settle(() => editRoute.loader(args(makeRequest(`/cases/${item.id}/edit`, { cookie: other.cookie }), { id: item.id }))), 403)
    expectResponse(
      await settle(() => editRoute.action(args(makeRequest(`/cases/${item.id}/edit`, { cookie: other.cookie, form: caseForm({ title: '乗っ取り' }) }), { id: item.id }))),
      403,
    )
    expect((await prisma.case.findUniqueOrThrow({ where: { id: item.id } })).title).not.toBe('乗っ取り')
  })
})

describe('anonymous publishing', () => {
  test('members see 「匿名の会員」 and nothing of the author in the loader data; the author and admins see who wrote it', async () => {
    const hospital = await createHospital({ name: 'ひみつ総合病院' })
    const author = await member({ hospitalId: hospital.id, name: '匿名 希望子' })
    const other = await member()
    const admin = await member({ role: 'ADMIN' })
    const item = await createCase(author.session, { anonymous: 'on' })
    const other2 = await sessionUser(other.user.id)
    // The author comments on their own anonymous case: that must not unmask them either.
    const { addComment } = await import('#app/modules/discussion/discussion.server.ts')
    await addComment({ kind: 'case', id: item.id }, author.session, { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '補足します' }] }] } })
    void other2

    for (const json of [
      await loaderJson(await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie }), { id: item.id }))),
      await loaderJson(await listRoute.loader(args(makeRequest('/cases', { cookie: other.cookie })))),
      JSON.stringify((await homeRoute.loader(args(makeRequest('/home', { cookie: other.cookie })))).cases),
    ]) {
      expect(json).toContain('匿名の会員')
      expect(json).not.toContain('匿名 希望子')
      expect(json).not.toContain('ひみつ総合病院')
      expect(json).not.toContain(author.user.id)
    }
    const asAdmin = await loaderJson(await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: admin.cookie }), { id: item.id })))
    expect(asAdmin).toContain('匿名 希望子')
    expect(asAdmin).toContain('ひみつ総合病院')
    const asAuthor = await loaderJson(await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie }), { id: item.id })))
    expect(asAuthor).toContain('匿名 希望子')
  })
})

describe('moderation', () => {
  test('an admin hides a case with a reason: members get 404, the author sees it with the reason and is told, the audit log keeps it', async () => {
    const author = await member()
    const other = await member()
    const admin = await member({ role: 'ADMIN' })
    const item = await createCase(author.session)

    // Members cannot hide.
    expectResponse(
      await settle(() => detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie, form: { intent: 'hide-case', reason: 'x' } }), { id: item.id }))),
      403,
    )
    await detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: admin.cookie, form: { intent: 'hide-case', reason: '施設名が特定できるため' } }), { id: item.id }))

    expectResponse(await settle(() => detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie }), { id: item.id }))), 404)
    const list = await listRoute.loader(args(makeRequest('/cases', { cookie: other.cookie })))
    expect(list.items.map((row) => row.id)).not.toContain(item.id)
    const own = await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie }), { id: item.id }))
    expect(own.item.hiddenReason).toBe('施設名が特定できるため')
    expect(own.can.comment).toBe(false)
    const asAdmin = await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: admin.cookie }), { id: item.id }))
    expect(asAdmin.item.hiddenAt).not.toBeNull()

    expect(await prisma.notification.count({ where: { userId: author.user.id, kind: 'case.hidden' } })).toBe(1)
    const mails = await mailsTo(author.user.email)
    expect(mails.map((mail) => mail.subject)).toContain('【QSO Hub】あなたの事例が非表示になりました')
    expect(mails[0]?.text).toContain('施設名が特定できるため')
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'case.hidden', targetId: item.id } })
    expect(audit).toMatchObject({ actorId: admin.user.id, details: { reason: '施設名が特定できるため' } })

    const adminPage = await adminCasesRoute.loader(args(makeRequest('/admin/cases', { cookie: admin.cookie })))
    expect(adminPage.cases.map((row) => row.id)).toContain(item.id)
    expectResponse(await settle(() => adminCasesRoute.loader(args(makeRequest('/admin/cases', { cookie: other.cookie })))), 403)
    expectResponse(await settle(() => adminCasesRoute.action(args(makeRequest('/admin/cases', { cookie: other.cookie, form: {} })))), 403)

    await detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: admin.cookie, form: { intent: 'unhide-case' } }), { id: item.id }))
    expect((await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie }), { id: item.id }))).item.hiddenAt).toBeNull()
  })

  test('the admin re-scan lists published content the detector flags now', async () => {
    const author = await member()
    const admin = await member({ role: 'ADMIN' })
    const item = await createCase(author.session)
    // Text written before a detector improvement (or straight into the database) is caught by the re-scan.
    await prisma.case.update({ where: { id: item.id }, data: { summary: '患者の佐藤花子さんに誤って配薬した' } })
    await prisma.comment.create({
      data: { caseId: item.id, authorId: author.user.id, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '連絡先は 090-1234-5678 です' }] }] } },
    })
    expect(await adminCasesRoute.action(args(makeRequest('/admin/cases', { cookie: admin.cookie, form: {} })))).toMatchObject({ started: true })
    await runDueJobs()
    const { scan } = await adminCasesRoute.loader(args(makeRequest('/admin/cases', { cookie: admin.cookie })))
    expect(scan).toMatchObject({ status: 'DONE', percent: 100 })
    expect(scan?.scannedCases).toBe(await prisma.case.count({ where: { status: 'PUBLISHED' } }))
    expect(scan?.scannedComments).toBeGreaterThanOrEqual(1)
    const mine = (scan?.findings ?? []).filter((flag) => flag.url.startsWith(`/cases/${item.id}`))
    expect(mine.map((flag) => flag.kind).sort()).toEqual(['case', 'comment'])
    expect(JSON.stringify(scan?.findings)).toContain('佐藤花子さん')
  })
})

describe('discussion', () => {
  const text = (value: string) => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] })

  test('comments notify followers (author auto-follows; commenters auto-follow) but never the commenter; mail carries only a link', async () => {
    const author = await member()
    const commenter = await member()
    const third = await member()
    const item = await createCase(author.session)
    const post = (who: { cookie: string }, form: Record<string, string>) =>
      detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: who.cookie, form }), { id: item.id }))

    await post(commenter, { intent: 'comment', body: text('バーコード認証の導入はどのくらいかかりましたか') })
    await runDueJobs()
    expect(await prisma.notification.count({ where: { userId: author.user.id, kind: 'case.comment' } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: commenter.user.id } })).toBe(0)
    const authorMail = (await mailsTo(author.user.email))[0]
    expect(authorMail?.text).toContain(`/cases/${item.id}#comment-`)
    expect(authorMail?.text).not.toContain('バーコード認証の導入')
    expect(await mailsTo(commenter.user.email)).toHaveLength(0)

    // third follows explicitly, then the author answers: commenter (auto-followed) and third are told.
    await post(third, { intent: 'follow', on: '1' })
    const root = await prisma.comment.findFirstOrThrow({ where: { caseId: item.id } })
    await post(author, { intent: 'comment', parentId: root.id, body: text('3か月ほどです') })
    await runDueJobs()
    expect(await prisma.notification.count({ where: { userId: commenter.user.id } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: third.user.id } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: author.user.id } })).toBe(1)

    // /home shows the followed case with a new comment to the commenter, until they open the case.
    const home = await homeRoute.loader(args(makeRequest('/home', { cookie: commenter.cookie })))
    expect(home.cases.followed).toMatchObject([{ id: item.id, newComments: 1 }])
    await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: commenter.cookie }), { id: item.id }))
    expect((await homeRoute.loader(args(makeRequest('/home', { cookie: commenter.cookie })))).cases.followed).toEqual([])

    // Unfollowing stops notifications.
    await post(third, { intent: 'follow', on: '0' })
    await post(commenter, { intent: 'comment', body: text('ありがとうございます') })
    await runDueJobs()
    expect(await prisma.notification.count({ where: { userId: third.user.id } })).toBe(1)
    const commentIds = (await prisma.comment.findMany({ where: { caseId: item.id }, select: { id: true } })).map((row) => row.id)
    expect(await prisma.searchOutbox.count({ where: { docType: 'comment', docId: { in: commentIds } } })).toBe(3)
    expect((await prisma.case.findUniqueOrThrow({ where: { id: item.id } })).commentCount).toBe(3)
  })

  test('replies are one level deep: answering a reply joins the same thread', async () => {
    const author = await member()
    const item = await createCase(author.session)
    const post = (form: Record<string, string>) => detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie, form }), { id: item.id }))
    await post({ intent: 'comment', body: text('最初のコメント') })
    const root = await prisma.comment.findFirstOrThrow({ where: { caseId: item.id, parentId: null } })
    await post({ intent: 'comment', parentId: root.id, body: text('返信') })
    const reply = await prisma.comment.findFirstOrThrow({ where: { parentId: root.id } })
    await post({ intent: 'comment', parentId: reply.id, body: text('返信への返信') })
    const nested = await prisma.comment.findFirstOrThrow({ where: { caseId: item.id, body: { path: ['content', '0', 'content', '0', 'text'], equals: '返信への返信' } } })
    expect(nested.parentId).toBe(root.id)
    const page = await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie }), { id: item.id }))
    expect(page.comments).toHaveLength(1)
    expect(page.comments[0]?.replies).toHaveLength(2)
  })

  test('only the author edits or deletes a comment; identifiers in comments are refused', async () => {
    const author = await member()
    const other = await member()
    const item = await createCase(author.session)
    const post = (who: { cookie: string }, form: Record<string, string>) =>
      detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: who.cookie, form }), { id: item.id }))
    await post(author, { intent: 'comment', body: text('元のコメント') })
    const comment = await prisma.comment.findFirstOrThrow({ where: { caseId: item.id } })

    const denied = await post(other, { intent: 'edit-comment', commentId: comment.id, body: text('書き換え') })
    expect(dataOf<{ feedback: { ok: boolean; status: number } }>(denied).feedback).toMatchObject({ ok: false, status: 403 })
    const deniedDelete = await post(other, { intent: 'delete-comment', commentId: comment.id })
    expect(dataOf<{ feedback: { status: number } }>(deniedDelete).feedback.status).toBe(403)

    await post(author, { intent: 'edit-comment', commentId: comment.id, body: text('直したコメント') })
    const edited = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })
    expect(JSON.stringify(edited.body)).toContain('直したコメント')
    expect(edited.editedAt).not.toBeNull()

    const refused = await post(author, { intent: 'comment', body: text('鈴木一郎様の件です') })
    expect(dataOf<{ feedback: { ok: boolean; error: string } }>(refused).feedback.error).toContain('「鈴木一郎様」')
    expect(await prisma.comment.count({ where: { caseId: item.id } })).toBe(1)

    await post(author, { intent: 'delete-comment', commentId: comment.id })
    const deleted = await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })
    expect(deleted.deletedAt).not.toBeNull()
    expect(JSON.stringify(deleted.body)).not.toContain('直したコメント')
    const page = await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie }), { id: item.id }))
    expect(page.comments).toHaveLength(0)
  })

  test('a hidden comment keeps its text only for admins and its author; the author is told', async () => {
    const author = await member()
    const commenter = await member()
    const admin = await member({ role: 'ADMIN' })
    const item = await createCase(author.session)
    await detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: commenter.cookie, form: { intent: 'comment', body: text('不適切な内容のコメント') } }), { id: item.id }))
    const comment = await prisma.comment.findFirstOrThrow({ where: { caseId: item.id } })
    const denied = await detailRoute.action(
      args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie, form: { intent: 'hide-comment', commentId: comment.id, reason: 'x' } }), { id: item.id }),
    )
    expect(dataOf<{ feedback: { status: number } }>(denied).feedback.status).toBe(403)
    await detailRoute.action(
      args(makeRequest(`/cases/${item.id}`, { cookie: admin.cookie, form: { intent: 'hide-comment', commentId: comment.id, reason: '誹謗中傷のため' } }), { id: item.id }),
    )
    const asMember = await loaderJson(await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: author.cookie }), { id: item.id })))
    expect(asMember).not.toContain('不適切な内容のコメント')
    expect(asMember).not.toContain('誹謗中傷のため')
    const asCommenter = await loaderJson(await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: commenter.cookie }), { id: item.id })))
    expect(asCommenter).toContain('不適切な内容のコメント')
    expect(asCommenter).toContain('誹謗中傷のため')
    expect(await prisma.notification.count({ where: { userId: commenter.user.id, kind: 'comment.hidden' } })).toBe(1)
    expect((await mailsTo(commenter.user.email)).map((mail) => mail.subject)).toContain('【QSO Hub】あなたのコメントが非表示になりました')
    expect(await prisma.auditEvent.count({ where: { action: 'comment.hidden', targetId: comment.id } })).toBe(1)
  })

  test('reactions, bookmarks (listed under ブックマーク) and 「検討会で扱った」 (author or admin only)', async () => {
    const author = await member()
    const other = await member()
    const item = await createCase(author.session)
    const post = (who: { cookie: string }, form: Record<string, string>) =>
      settle(() => detailRoute.action(args(makeRequest(`/cases/${item.id}`, { cookie: who.cookie, form }), { id: item.id })))
    await post(other, { intent: 'react', on: '1' })
    await post(other, { intent: 'react', on: '1' })
    await post(other, { intent: 'bookmark', on: '1' })
    const page = await detailRoute.loader(args(makeRequest(`/cases/${item.id}`, { cookie: other.cookie }), { id: item.id }))
    expect(page.state).toMatchObject({ reacted: true, bookmarked: true, reactionCount: 1 })
    const bookmarks = await listRoute.loader(args(makeRequest('/cases?view=bookmarked', { cookie: other.cookie })))
    expect(bookmarks.items.map((row) => row.id)).toEqual([item.id])
    expect((await listRoute.loader(args(makeRequest('/cases?view=bookmarked', { cookie: author.cookie })))).total).toBe(0)

    expectResponse(await post(other, { intent: 'reviewed', meetingDate: '2025-06-12' }), 403)
    await post(author, { intent: 'reviewed', meetingDate: '2025-06-12' })
    expect((await prisma.case.findUniqueOrThrow({ where: { id: item.id } })).reviewedAtMeeting?.toISOString().slice(0, 10)).toBe('2025-06-12')
  })
})

describe('the list', () => {
  test('filters by category, level, place, year and tag, sorts by most discussed, and counts', async () => {
    const author = await member()
    // Other tests' cases share this database: these two are told apart by their years and a shared tag.
    const a = await createCase(author.session, { jqCategory: 'CARE', impactLevel: 'LEVEL_3B', place: 'OPERATING_ROOM', occurredOn: '2011-11', tags: '一覧試験 転倒' })
    const b = await createCase(author.session, { jqCategory: 'TRANSFUSION', impactLevel: 'LEVEL_4A', place: 'PHARMACY', occurredOn: '2012-02', tags: '一覧試験 輸血' })
    await prisma.case.update({ where: { id: a.id }, data: { commentCount: 5 } })
    const list = (query: string) => listRoute.loader(args(makeRequest(`/cases?tag=${encodeURIComponent('一覧試験')}&${query}`, { cookie: author.cookie })))
    const ids = async (query: string) => (await list(query)).items.map((row) => row.id)
    expect((await list('')).total).toBe(2)
    expect(await ids('category=CARE')).toEqual([a.id])
    expect(await ids('level=LEVEL_4A')).toEqual([b.id])
    expect(await ids('place=PHARMACY')).toEqual([b.id])
    expect(await ids('year=2011')).toEqual([a.id])
    expect(await ids('sort=discussed')).toEqual([a.id, b.id])
    expect(await ids('sort=newest')).toEqual([b.id, a.id])
    expect((await list('category=nonsense&page=abc')).total).toBe(2)
    expect((await list('')).options.tags).toEqual(expect.arrayContaining(['一覧試験', '転倒', '輸血']))
    expect((await list('')).options.years).toEqual(expect.arrayContaining([2011, 2012]))
  })
})
