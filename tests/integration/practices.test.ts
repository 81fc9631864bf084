import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import * as adminCasesRoute from '#app/routes/admin/cases.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as attachmentRoute from '#app/routes/practices/attachment.ts'
import * as detailRoute from '#app/routes/practices/detail.tsx'
import * as editRoute from '#app/routes/practices/edit.tsx'
import * as indexRoute from '#app/routes/practices/index.tsx'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle, type UploadPart } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, expectResponse, routeArgs } from '#tests/fixtures/routes.ts'

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
// A Windows executable ("MZ…") renamed to .pdf and declared as a PDF.
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])

type Payload = { data: unknown; init: { status?: number } | null }
/** What `data(...)` returned from an action: its body and status. */
function unwrap<T>(result: unknown): { body: T; status: number } {
  if (result instanceof Response) throw new Error(`Expected data, got a ${result.status} response: ${result.headers.get('Location') ?? ''}`)
  const payload = result as Payload
  return { body: payload.data as T, status: payload.init?.status ?? 200 }
}

const baseForm = {
  title: '転倒予防バンドルの試行',
  problem: '夜間の転倒が多い',
  whatWasDone: '高リスク患者に5項目のバンドルを実施した。',
  steps: '1. モデル病棟で試行\n2. 全病棟へ展開',
  resources: 'リンクナース各病棟1名',
  pitfalls: 'センサーの鳴りすぎ',
  theme: 'CARE',
  tags: '転倒, 夜間',
  'results[0].metric': '転倒率',
  'results[0].before': '3.1',
  'results[0].after': '2.2',
  'results[0].unit': '‰',
  'results[0].period': '12か月',
}

function multipart(path: string, cookie: string, fields: Record<string, string>, files: readonly UploadPart[] = []): Request {
  return multipartRequest(path, { cookie, fields, files: files.map((file) => ({ type: 'application/pdf', ...file })) })
}

async function createPractice(cookie: string, fields: Record<string, string> = {}, files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = []): Promise<string> {
  const result = await settle(() => editRoute.action(routeArgs(multipart('/practices/new', cookie, { ...baseForm, intent: 'publish', ...fields }, files))))
  const response = expectResponse(result, 302)
  const location = response.headers.get('Location') ?? ''
  expect(location).toMatch(/^\/practices\/[a-z0-9]+\?saved=/)
  return location.split('/')[2]!.split('?')[0]!
}

async function world() {
  const [hospitalA, hospitalB, hospitalC] = await Promise.all([createHospital(), createHospital(), createHospital()])
  const [author, memberB, colleagueB, memberC, admin, homeless] = await Promise.all([
    createUser({ hospitalId: hospitalA.id }),
    createUser({ hospitalId: hospitalB.id }),
    createUser({ hospitalId: hospitalB.id }),
    createUser({ hospitalId: hospitalC.id }),
    createUser({ role: 'ADMIN' }),
    createUser(),
  ])
  const cookies = Object.fromEntries(
    await Promise.all(Object.entries({ author, memberB, colleagueB, memberC, admin, homeless }).map(async ([key, user]) => [key, await sessionCookieFor(user.id)] as const)),
  ) as Record<'author' | 'memberB' | 'colleagueB' | 'memberC' | 'admin' | 'homeless', string>
  return { hospitalA, hospitalB, hospitalC, author, memberB, colleagueB, memberC, admin, homeless, cookies }
}

type DetailData = Awaited<ReturnType<typeof detailRoute.loader>>
const detail = async (id: string, cookie: string) => (await detailRoute.loader(routeArgs(makeRequest(`/practices/${id}`, { cookie }), { id }))) as DetailData
const adopt = (id: string, cookie: string, form: Record<string, string>) =>
  settle(() => detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie, form: { intent: 'adopt', ...form } }), { id })))

describe('practices: access', () => {
  test('anonymous visitors are sent to sign in from every practice page and the download', async () => {
    expectLoginRedirect(await settle(() => indexRoute.loader(routeArgs(makeRequest('/practices')))), '/practices')
    expectLoginRedirect(await settle(() => editRoute.loader(routeArgs(makeRequest('/practices/new')))), '/practices/new')
    expectLoginRedirect(await settle(() => detailRoute.loader(routeArgs(makeRequest('/practices/abc'), { id: 'abc' }))), '/practices/abc')
    expectLoginRedirect(
      await settle(() => attachmentRoute.loader(routeArgs(makeRequest('/practices/abc/attachments/def'), { id: 'abc', attachmentId: 'def' }))),
      '/practices/abc/attachments/def',
    )
    expectLoginRedirect(await settle(() => detailRoute.action(routeArgs(makeRequest('/practices/abc', { form: { intent: 'adopt' } }), { id: 'abc' }))), '/practices/abc')
  })

  test('a draft is seen by its author only: 404 for other members and admins, absent from lists', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author, { intent: 'draft', title: '下書きのプラクティス' })
    expect((await detail(id, w.cookies.author)).item.status).toBe('DRAFT')
    for (const cookie of [w.cookies.memberB, w.cookies.admin]) {
      expectResponse(await settle(() => detail(id, cookie)), 404)
    }
    const list = (await indexRoute.loader(routeArgs(makeRequest('/practices', { cookie: w.cookies.memberB })))) as Awaited<ReturnType<typeof indexRoute.loader>>
    expect(JSON.stringify(list)).not.toContain('下書きのプラクティス')
    const mine = (await indexRoute.loader(routeArgs(makeRequest('/practices?view=mine', { cookie: w.cookies.author })))) as Awaited<ReturnType<typeof indexRoute.loader>>
    expect(mine.items.map((item) => item.title)).toEqual(['下書きのプラクティス'])
  })

  test('only the author edits: another member and an admin get 403 from the edit page and its action', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    for (const cookie of [w.cookies.memberB, w.cookies.admin]) {
      expectResponse(await settle(() => editRoute.loader(routeArgs(makeRequest(`/practices/${id}/edit`, { cookie }), { id }))), 403)
      expectResponse(await settle(() => editRoute.action(routeArgs(multipart(`/practices/${id}/edit`, cookie, { ...baseForm, title: '乗っ取り', intent: 'publish' }), { id }))), 403)
    }
    expect((await prisma.practice.findUniqueOrThrow({ where: { id } })).title).toBe(baseForm.title)

    const edited = await settle(() => editRoute.action(routeArgs(multipart(`/practices/${id}/edit`, w.cookies.author, { ...baseForm, title: '改訂版', intent: 'publish' }), { id })))
    expectResponse(edited, 302)
    expect((await prisma.practice.findUniqueOrThrow({ where: { id } })).title).toBe('改訂版')
  })

  test('a hidden practice is 404 for members, visible to its author and admins', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    const hide = await settle(() => detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie: w.cookies.memberB, form: { intent: 'hide-practice', reason: 'x' } }), { id })))
    expectResponse(hide, 403)
    unwrap(await detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie: w.cookies.admin, form: { intent: 'hide-practice', reason: '確認のため' } }), { id })))
    expectResponse(await settle(() => detail(id, w.cookies.memberB)), 404)
    expect((await detail(id, w.cookies.author)).item.hiddenReason).toBe('確認のため')
    expect((await detail(id, w.cookies.admin)).item.hiddenAt).not.toBeNull()
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'practice.hidden' } })
    expect(audit).not.toBeNull()
  })
})

describe('practices: writing and publishing', () => {
  test('publishing saves results, tags and related cases and enqueues the search change', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    const page = await detail(id, w.cookies.memberB)
    expect(page.item.results.map((row) => [row.metric, row.before, row.after, row.unit])).toEqual([['転倒率', '3.1', '2.2', '‰']])
    expect(page.item.tags).toEqual(['転倒', '夜間'])
    expect(page.item.hospitalName).toBe(w.hospitalA.name)
    expect(await prisma.searchOutbox.count({ where: { docType: 'practice', docId: id } })).toBeGreaterThan(0)
  })

  test('publishing is refused while identifiers remain (and says where); the draft can still be saved', async () => {
    const w = await world()
    const fields = { ...baseForm, problem: '連絡先は 052-744-1234 まで' }
    const refused = unwrap<{ result: { error: Record<string, string[]> } }>(
      await editRoute.action(routeArgs(multipart('/practices/new', w.cookies.author, { ...fields, intent: 'publish' }))),
    )
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body.result.error)).toContain('解決したい課題')
    expect(await prisma.practice.count({ where: { authorId: w.author.id } })).toBe(0)

    const draft = await settle(() => editRoute.action(routeArgs(multipart('/practices/new', w.cookies.author, { ...fields, intent: 'draft' }))))
    expect(expectResponse(draft, 302).headers.get('Location')).toContain('saved=draft')
  })

  test('bad input comes back with Japanese field messages', async () => {
    const w = await world()
    const result = unwrap<{ result: { error: Record<string, string[]> } }>(
      await editRoute.action(routeArgs(multipart('/practices/new', w.cookies.author, { ...baseForm, title: '', theme: 'NOPE', intent: 'publish' }))),
    )
    expect(result.status).toBe(400)
    expect(result.body.result.error.title).toEqual(['題名を入力してください'])
    expect(result.body.result.error.theme).toEqual(['テーマを選んでください'])
  })
})

describe('practices: attachments through the route', () => {
  test('a PDF is stored and downloadable by members who may see the practice', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author, {}, [{ name: '手順書.pdf', bytes: PDF }])
    const page = await detail(id, w.cookies.memberB)
    expect(page.item.attachments.map((item) => item.file.fileName)).toEqual(['手順書.pdf'])
    const attachmentId = page.item.attachments[0]!.id
    const response = await attachmentRoute.loader(routeArgs(makeRequest(`/practices/${id}/attachments/${attachmentId}`, { cookie: w.cookies.memberB }), { id, attachmentId }))
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
    // The attachment id of one practice does not open through another practice's address.
    const other = await createPractice(w.cookies.memberB)
    expectResponse(await settle(() => attachmentRoute.loader(routeArgs(makeRequest('/x', { cookie: w.cookies.memberB }), { id: other, attachmentId }))), 404)
  })

  test('a draft’s attachment is 404 for other members', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author, { intent: 'draft' }, [{ name: 'draft.pdf', bytes: PDF }])
    const attachment = await prisma.practiceAttachment.findFirstOrThrow({ where: { practiceId: id } })
    expectResponse(
      await settle(() => attachmentRoute.loader(routeArgs(makeRequest('/x', { cookie: w.cookies.memberB }), { id, attachmentId: attachment.id }))),
      404,
    )
  })

  test('a renamed executable is refused, naming the file; nothing is saved', async () => {
    const w = await world()
    const result = unwrap<{ result: { error: Record<string, string[]> } }>(
      await editRoute.action(routeArgs(multipart('/practices/new', w.cookies.author, { ...baseForm, intent: 'publish' }, [{ name: '報告書.pdf', bytes: EXE }]))),
    )
    expect(result.status).toBe(400)
    expect(result.body.result.error.attachments).toEqual(['「報告書.pdf」は添付できない種類のファイルです（PDF・PNG・JPEG・Word・Excel・PowerPoint のみ）。'])
    expect(await prisma.practice.count({ where: { authorId: w.author.id } })).toBe(0)
    expect(await prisma.storedFile.count({ where: { uploadedById: w.author.id } })).toBe(0)
  })

  test('a file over 10 MB is refused with 413 while it is read (the text typed comes back)', async () => {
    const w = await world()
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(PDF)
    const result = unwrap<{ result: { error: Record<string, string[]> } }>(
      await editRoute.action(routeArgs(multipart('/practices/new', w.cookies.author, { ...baseForm, intent: 'publish' }, [{ name: 'big.pdf', bytes: big }]))),
    )
    expect(result.status).toBe(413)
    expect(result.body.result.error.attachments?.[0]).toBe('「big.pdf」は 10.0 MB を超えています。10.0 MB 以下のファイルを選んでください。')
    expect(await prisma.storedFile.count({ where: { uploadedById: w.author.id } })).toBe(0)
  })

  test('the author removes an attachment when editing', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author, {}, [{ name: 'a.pdf', bytes: PDF }])
    const attachment = await prisma.practiceAttachment.findFirstOrThrow({ where: { practiceId: id } })
    await settle(() => editRoute.action(routeArgs(multipart(`/practices/${id}/edit`, w.cookies.author, { ...baseForm, intent: 'publish', removeAttachment: attachment.id }), { id })))
    expect(await prisma.practiceAttachment.count({ where: { practiceId: id } })).toBe(0)
    expect(await prisma.storedFile.count({ where: { id: attachment.fileId } })).toBe(0)
  })
})

describe('practices: adoption', () => {
  test('a member records 「自院で導入」 for their hospital; the count and /home follow', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    expect((await detail(id, w.cookies.memberB)).adoptions.total).toBe(0)

    unwrap(await adopt(id, w.cookies.memberB, { status: 'TRIAL' }))
    let page = await detail(id, w.cookies.memberC)
    expect(page.adoptions.total).toBe(1)
    expect(page.adoptions.counts.TRIAL).toBe(1)
    expect(page.adoptions.items[0]!.hospital.name).toBe(w.hospitalB.name)
    expect(page.adoptions.items[0]!.canEdit).toBe(false)

    // A colleague at the same hospital updates the same record (one per hospital), with results.
    unwrap(await adopt(id, w.cookies.colleagueB, { status: 'ADOPTED', resultBefore: '3.4‰', resultAfter: '2.6‰', note: '6か月で評価' }))
    page = await detail(id, w.cookies.memberB)
    expect(page.adoptions.items).toHaveLength(1)
    expect(page.adoptions.mine).toMatchObject({ status: 'ADOPTED', resultBefore: '3.4‰', resultAfter: '2.6‰', canEdit: true })
    expect(page.adoptions.mine!.history.map((change) => change.status)).toEqual(['TRIAL', 'ADOPTED'])

    unwrap(await adopt(id, w.cookies.memberC, { status: 'CONSIDERING' }))
    expect((await prisma.practice.findUniqueOrThrow({ where: { id } })).adoptionCount).toBe(2)

    // 中止 does not count as adopted.
    unwrap(await adopt(id, w.cookies.memberC, { status: 'DISCONTINUED' }))
    expect((await detail(id, w.cookies.memberB)).adoptions.total).toBe(1)

    const home = (await homeRoute.loader(routeArgs(makeRequest('/home', { cookie: w.cookies.colleagueB })))) as Awaited<ReturnType<typeof homeRoute.loader>>
    expect(home.adoptedPractices.map((item) => [item.practice.id, item.status])).toEqual([[id, 'ADOPTED']])
    // The author heard about it.
    expect(await prisma.notification.count({ where: { userId: w.author.id, kind: 'practice.adoption' } })).toBeGreaterThan(0)
  })

  test('another hospital’s record is editable only by that hospital’s members and admins', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    unwrap(await adopt(id, w.cookies.memberB, { status: 'TRIAL', note: '元のメモ' }))
    const record = await prisma.adoption.findFirstOrThrow({ where: { practiceId: id } })

    const denied = unwrap<{ feedback: { ok: boolean; error?: string } }>(await adopt(id, w.cookies.memberC, { adoptionId: record.id, status: 'DISCONTINUED', note: '書き換え' }))
    expect(denied.status).toBe(403)
    const deleteDenied = unwrap(await settle(() => detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie: w.cookies.memberC, form: { intent: 'delete-adoption', adoptionId: record.id } }), { id }))))
    expect(deleteDenied.status).toBe(403)
    expect(await prisma.adoption.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: 'TRIAL', note: '元のメモ' })

    const byAdmin = unwrap(await adopt(id, w.cookies.admin, { adoptionId: record.id, status: 'ADOPTED', note: '事務局が代理で更新' }))
    expect(byAdmin.status).toBe(200)
    expect((await prisma.adoption.findUniqueOrThrow({ where: { id: record.id } })).status).toBe('ADOPTED')
    expect(await prisma.auditEvent.count({ where: { action: 'adoption.changed-by-admin' } })).toBe(1)

    const withdrawn = unwrap(await settle(() => detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie: w.cookies.colleagueB, form: { intent: 'delete-adoption', adoptionId: record.id } }), { id }))))
    expect(withdrawn.status).toBe(200)
    expect(await prisma.adoption.count({ where: { practiceId: id } })).toBe(0)
    expect((await prisma.practice.findUniqueOrThrow({ where: { id } })).adoptionCount).toBe(0)
  })

  test('members without a hospital cannot record; drafts cannot be adopted; identifiers in the note are refused', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    expect(unwrap(await adopt(id, w.cookies.homeless, { status: 'TRIAL' })).status).toBe(403)
    expect((await detail(id, w.cookies.homeless)).can.adopt).toBe(false)

    const refused = unwrap<{ feedback: { fieldErrors: Record<string, string[]> } }>(await adopt(id, w.cookies.memberB, { status: 'TRIAL', note: '問い合わせは 090-1234-5678 へ' }))
    expect(refused.status).toBe(400)
    expect(refused.body.feedback.fieldErrors.note?.[0]).toContain('メモ')

    const draft = await createPractice(w.cookies.author, { intent: 'draft' })
    expectResponse(await adopt(draft, w.cookies.memberB, { status: 'TRIAL' }), 404)
    expect(await prisma.adoption.count({ where: { practiceId: { in: [id, draft] } } })).toBe(0)
  })
})

describe('practices: lists and discussion', () => {
  test('filters by theme, tag and measured results; sorts by adoptions and by comments', async () => {
    const w = await world()
    const fall = await createPractice(w.cookies.author, { title: '転倒', theme: 'CARE', tags: 'リスト転倒' })
    const cultureId = await createPracticeWithoutResults(w.cookies.author)
    unwrap(await adopt(cultureId, w.cookies.memberB, { status: 'ADOPTED' }))
    unwrap(await adopt(cultureId, w.cookies.memberC, { status: 'TRIAL' }))
    unwrap(await detailRoute.action(routeArgs(makeRequest(`/practices/${fall}`, { cookie: w.cookies.memberB, form: { intent: 'comment', body: '参考になりました。' } }), { id: fall })))

    const list = async (query: string) =>
      ((await indexRoute.loader(routeArgs(makeRequest(`/practices${query}`, { cookie: w.cookies.memberB })))) as Awaited<ReturnType<typeof indexRoute.loader>>).items.map(
        (item) => item.id,
      )
    expect(await list('?theme=REPORTING_CULTURE')).toEqual([cultureId])
    expect(await list('?tag=リスト転倒')).toEqual([fall])
    expect(await list('?measured=1&tag=リスト転倒')).toEqual([fall])
    expect(await list('?measured=1&theme=REPORTING_CULTURE')).toEqual([])
    expect((await list('?sort=adopted'))[0]).toBe(cultureId)
    expect((await list('?sort=discussed'))[0]).toBe(fall)
    expect((await prisma.practice.findUniqueOrThrow({ where: { id: fall } })).commentCount).toBe(1)
    // The commenter follows; the author (following their own practice) is notified, by the fan-out job.
    await runDueJobs()
    expect(await prisma.notification.count({ where: { userId: w.author.id, kind: 'practice.comment' } })).toBe(1)
  })
})

async function createPracticeWithoutResults(cookie: string): Promise<string> {
  const fields: Record<string, string> = { ...baseForm, title: '報告文化', theme: 'REPORTING_CULTURE', tags: '報告', intent: 'publish' }
  for (const key of Object.keys(fields)) if (key.startsWith('results[')) delete fields[key]
  const response = expectResponse(await settle(() => editRoute.action(routeArgs(multipart('/practices/new', cookie, fields)))), 302)
  return (response.headers.get('Location') ?? '').split('/')[2]!.split('?')[0]!
}

describe('practices: moderation lists', () => {
  test('hidden practices are listed for admins only', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author, { title: '非表示になる取り組み' })
    unwrap(await detailRoute.action(routeArgs(makeRequest(`/practices/${id}`, { cookie: w.cookies.admin, form: { intent: 'hide-practice', reason: '確認中' } }), { id })))
    const list = async (cookie: string) =>
      ((await indexRoute.loader(routeArgs(makeRequest('/practices?view=hidden', { cookie })))) as Awaited<ReturnType<typeof indexRoute.loader>>).items.map((item) => item.id)
    expect(await list(w.cookies.admin)).toContain(id)
    expect(await list(w.cookies.memberB)).not.toContain(id)
  })
})

describe('practices: the admin re-scan', () => {
  test('lists published practices and practice comments the detector flags now, linking to them', async () => {
    const w = await world()
    const id = await createPractice(w.cookies.author)
    const draft = await createPractice(w.cookies.author, { intent: 'draft' })
    // Text written before a detector improvement (or straight into the database) is caught by the re-scan.
    await prisma.practice.update({ where: { id }, data: { pitfalls: '山田太郎さんの転倒がきっかけだった' } })
    await prisma.practice.update({ where: { id: draft }, data: { pitfalls: '鈴木一郎さんの件' } })
    await prisma.practiceResult.updateMany({ where: { practiceId: id }, data: { period: '2024年5月3日から' } })
    const comment = await prisma.comment.create({
      data: { practiceId: id, authorId: w.memberB.id, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '連絡先は 090-1234-5678 です' }] }] } },
    })
    await adminCasesRoute.action(routeArgs(makeRequest('/admin/cases', { cookie: w.cookies.admin, form: {} })))
    await runDueJobs()
    const { scan } = await adminCasesRoute.loader(routeArgs(makeRequest('/admin/cases', { cookie: w.cookies.admin })))
    expect(scan?.status).toBe('DONE')
    expect(scan?.scannedPractices).toBe(await prisma.practice.count({ where: { status: 'PUBLISHED' } }))
    const mine = (scan?.findings ?? []).filter((flag) => flag.url.startsWith(`/practices/${id}`))
    expect(mine.map((flag) => [flag.kind, flag.url])).toEqual([
      ['practice', `/practices/${id}`],
      ['comment', `/practices/${id}#comment-${comment.id}`],
    ])
    expect(mine[0]?.findings.map((finding) => finding.label)).toEqual(expect.arrayContaining(['つまずきやすい点', '結果1']))
    // Drafts are the author's own: not published, not re-scanned.
    expect(JSON.stringify(scan?.findings)).not.toContain('鈴木一郎')
  })
})
