/**
 * Search over the REAL content modules: cases, practices and their comments are written through
 * app/modules/{cases,practices,discussion}, the outbox worker indexes them through the document mappers, and
 * members find them through /search and /api/search — or do not, when they are drafts, hidden or deleted.
 */
import { parseWithZod } from '@conform-to/zod/v4'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { setCaseHidden } from '#app/modules/cases/cases.server.ts'
import { addComment, deleteComment, setCommentHidden } from '#app/modules/discussion/discussion.server.ts'
import { savePractice, setPracticeHidden } from '#app/modules/practices/practices.server.ts'
import { PracticeSchema } from '#app/modules/practices/schemas.ts'
import { richTextFromPlainText } from '#app/modules/rich-text/rich-text.ts'
import { loader as apiLoader } from '#app/routes/search/api.ts'
import { loader as pageLoader } from '#app/routes/search/index.tsx'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { saveCaseForm, sessionUser, toFormData } from '#tests/fixtures/cases.ts'
import { expectResponse, routeArgs } from '#tests/fixtures/routes.ts'
import { loadAllDocuments, setDocumentSources } from '#search/documents/registry.server.ts'
import { BUILT_IN_SOURCES } from '#search/documents/sources.server.ts'
import { EmbeddedEngine } from '#search/embedded.server.ts'
import { setSearchEngine } from '#search/search.server.ts'
import { drainOutbox } from '#search/worker.server.ts'

const AUTHOR_NAME = '検索 秘匿太郎'
const HOSPITAL_NAME = 'はまなす秘匿記念病院'

let engine: EmbeddedEngine
let author: SessionUser
let moderator: SessionUser
let cookie: string
const request = () => makeRequest('/cases')

beforeAll(async () => {
  setDocumentSources(BUILT_IN_SOURCES)
  const hospital = await createHospital({ name: HOSPITAL_NAME })
  author = await sessionUser((await createUser({ hospitalId: hospital.id, name: AUTHOR_NAME })).id)
  moderator = await sessionUser((await createUser({ role: 'ADMIN' })).id)
  const reader = await createUser()
  cookie = await sessionCookieFor(reader.id)
})
afterAll(() => setSearchEngine(undefined))

beforeEach(() => {
  engine = new EmbeddedEngine()
  setSearchEngine(engine)
})

const writeCase = (overrides: Record<string, string | string[]>, id?: string) => saveCaseForm(author, overrides, id)

async function writePractice(overrides: Record<string, string> = {}): Promise<string> {
  const fields = {
    intent: 'publish',
    title: '離床センサーの鳴り分けで夜間の転倒を減らした',
    problem: '夜間のセンサーコールが多すぎて駆けつけが遅れていた',
    whatWasDone: '転倒リスクの高い患者だけ音色を変え、夜勤の駆けつけ順を決めた。',
    steps: '1. モデル病棟で三か月試行\n2. 全病棟へ展開',
    resources: 'リンクナース各病棟1名',
    pitfalls: '音色の設定を戻し忘れる',
    theme: 'CARE',
    tags: '転倒, 夜間',
    'results[0].metric': '転倒率',
    'results[0].before': '3.1',
    'results[0].after': '2.2',
    'results[0].unit': '‰',
    'results[0].period': '12か月',
    ...overrides,
  }
  const submission = parseWithZod(toFormData(fields), { schema: PracticeSchema })
  if (submission.status !== 'success') throw new Error(`invalid practice form ${JSON.stringify(submission.error)}`)
  const saved = await savePractice(submission.value, author)
  if (!saved.ok) throw new Error(JSON.stringify(saved))
  return saved.id
}

const comment = (text: string) => ({ body: richTextFromPlainText(text) })

/** What the index itself holds for a query (no re-check against PostgreSQL): proves removal, not filtering. */
async function indexed(q: string): Promise<string[]> {
  return (await engine.search({ q, pageSize: 50 })).hits.map((hit) => hit.document.key)
}

async function searchPage(q: string) {
  const data = await settle(() => pageLoader(routeArgs(makeRequest(`/search?q=${encodeURIComponent(q)}`, { cookie }))))
  if (data instanceof Response) throw new Error(`/search answered ${data.status}`)
  return data as { result: { hits: { key: string; url: string }[] } | null }
}

async function api(q: string, withCookie = true) {
  return apiLoader(routeArgs(makeRequest(`/api/search?q=${encodeURIComponent(q)}`, withCookie ? { cookie } : {})))
}

describe('cases and their comments', () => {
  test('published: found after the worker ran; a draft never; hide → case and comments gone; shown again → back', async () => {
    const caseId = await writeCase({ title: 'ペンライト点検の漏れで瞳孔確認が遅れた', tags: 'ペンライト, 夜間' })
    const draftId = await writeCase({ intent: 'draft', title: 'ペンライト下書きの事例', summary: '下書きだけに書いた秘匿語ホタルイカ' })
    const commentResult = await addComment({ kind: 'case', id: caseId }, author, comment('当院では始業点検表にペンライトの電池を加えました。'))
    if (!commentResult.ok) throw new Error(commentResult.message)
    const commentKey = `comment:${commentResult.id}`

    expect(await drainOutbox(engine)).toMatchObject({ upserted: 2, removed: 1, failed: 0 })
    expect(await indexed('ペンライト')).toEqual(expect.arrayContaining([`case:${caseId}`, commentKey]))
    expect(await indexed('ペンライト')).not.toContain(`case:${draftId}`)
    expect(await indexed('ホタルイカ')).toEqual([])

    const page = await searchPage('ペンライト 点検')
    expect(page.result?.hits.find((hit) => hit.key === `case:${caseId}`)?.url).toBe(`/cases/${caseId}`)
    expect(page.result?.hits.find((hit) => hit.key === commentKey)?.url).toBe(`/cases/${caseId}#comment-${commentResult.id}`)
    const body = (await expectResponse(await api('ペンライト'), 200).json()) as { hits: { type: string; id: string; url: string }[] }
    expect(body.hits).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'case', id: caseId, url: `/cases/${caseId}` })]))

    await setCaseHidden(caseId, { reason: '確認中' }, moderator, request())
    // Before the worker runs, results are re-checked against PostgreSQL: nothing of the hidden case is shown.
    expect((await searchPage('ペンライト')).result?.hits).toEqual([])
    expect(await drainOutbox(engine)).toMatchObject({ removed: 2, failed: 0 })
    expect(await indexed('ペンライト')).toEqual([])
    expect(JSON.stringify(await (await api('ペンライト')).json())).not.toContain('ペンライト点検')

    await setCaseHidden(caseId, null, moderator, request())
    expect(await drainOutbox(engine)).toMatchObject({ upserted: 2 })
    expect((await indexed('ペンライト')).sort()).toEqual([`case:${caseId}`, commentKey].sort())
  })

  test('a published case saved back to draft takes its comments out of the index', async () => {
    const caseId = await writeCase({ title: 'カフ圧計の校正切れに気付かなかった' })
    const added = await addComment({ kind: 'case', id: caseId }, author, comment('カフ圧計の校正日をラベルで見える化しました。'))
    if (!added.ok) throw new Error(added.message)
    await drainOutbox(engine)
    expect((await indexed('カフ圧計')).length).toBe(2)
    await writeCase({ intent: 'draft', title: 'カフ圧計の校正切れに気付かなかった' }, caseId)
    expect(await drainOutbox(engine)).toMatchObject({ removed: 2 })
    expect(await indexed('カフ圧計')).toEqual([])
  })

  test('hidden and deleted comments leave the index; the case stays', async () => {
    const caseId = await writeCase({ title: '吸引カテーテルのサイズ違い' })
    const hidden = await addComment({ kind: 'case', id: caseId }, author, comment('非表示になるコメント ユキヒョウ'))
    const deleted = await addComment({ kind: 'case', id: caseId }, author, comment('削除されるコメント ユキヒョウ'))
    if (!hidden.ok || !deleted.ok) throw new Error('comment not added')
    await drainOutbox(engine)
    expect((await indexed('ユキヒョウ')).length).toBe(2)
    await setCommentHidden({ kind: 'case', id: caseId }, moderator, hidden.id, { reason: '不適切' }, request())
    await deleteComment({ kind: 'case', id: caseId }, author, deleted.id)
    expect(await drainOutbox(engine)).toMatchObject({ removed: 2 })
    expect(await indexed('ユキヒョウ')).toEqual([])
    expect(await indexed('吸引カテーテル')).toEqual([`case:${caseId}`])
  })

  test('anonymous case: neither the author nor the hospital is in the index, the hits or the JSON', async () => {
    const caseId = await writeCase({ title: 'ネブライザーの薬液を取り違えた', anonymous: 'on' })
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).anonymous).toBe(true)
    await addComment({ kind: 'case', id: caseId }, author, comment('ネブライザーの薬液は色分けしています。'))
    await drainOutbox(engine)
    const documents: unknown[] = []
    for await (const batch of loadAllDocuments()) documents.push(...batch)
    const inIndex = JSON.stringify((await engine.search({ q: 'ネブライザー', pageSize: 50 })).hits)
    expect(inIndex).toContain(caseId)
    const page = JSON.stringify(await searchPage('ネブライザー'))
    const json = await (await api('ネブライザー')).text()
    expect(json).toContain(caseId)
    const byName = async (q: string) => JSON.stringify(((await (await api(q)).json()) as { hits: unknown[] }).hits)
    for (const text of [JSON.stringify(documents), inIndex, page, json, await byName(AUTHOR_NAME), await byName(HOSPITAL_NAME)]) {
      expect(text).not.toContain(AUTHOR_NAME)
      expect(text).not.toContain('秘匿太郎')
      expect(text).not.toContain(HOSPITAL_NAME)
    }
    // Nothing is found by the author's or the hospital's name.
    expect(await indexed('秘匿太郎')).toEqual([])
    expect(await indexed('はまなす')).toEqual([])
  })
})

describe('practices and their comments', () => {
  test('a published practice and its comment are found (facets, anchor); hiding it removes both', async () => {
    const practiceId = await writePractice()
    const draftId = await writePractice({ intent: 'draft', title: '鳴り分けの下書き', problem: '下書きの秘匿語クマノミ' })
    const added = await addComment({ kind: 'practice', id: practiceId }, author, comment('鳴り分けの音色は何種類にしましたか。'))
    if (!added.ok) throw new Error(added.message)
    await drainOutbox(engine)

    const { hits, facets } = await engine.search({ q: '鳴り分け', pageSize: 20 })
    expect(hits.map((hit) => hit.document.key).sort()).toEqual([`comment:${added.id}`, `practice:${practiceId}`].sort())
    expect(hits.find((hit) => hit.document.type === 'practice')?.document).toMatchObject({ url: `/practices/${practiceId}`, jqCategory: '療養上の世話', tags: ['転倒', '夜間'] })
    expect(hits.find((hit) => hit.document.type === 'comment')?.document).toMatchObject({ url: `/practices/${practiceId}#comment-${added.id}`, jqCategory: '療養上の世話' })
    expect(facets.type).toEqual(expect.arrayContaining([{ value: 'practice', count: 1 }, { value: 'comment', count: 1 }]))
    expect(await indexed('クマノミ')).toEqual([])
    expect(await indexed('鳴り分け')).not.toContain(`practice:${draftId}`)
    // Measured results are searchable text.
    expect(await indexed('転倒率 鳴り分け')).toContain(`practice:${practiceId}`)

    await setPracticeHidden(practiceId, { reason: '確認中' }, moderator, request())
    expect(await drainOutbox(engine)).toMatchObject({ removed: 2 })
    expect(await indexed('鳴り分け')).toEqual([])
  })
})

test('start-up build from PostgreSQL holds exactly what members may see', async () => {
  await engine.rebuild(loadAllDocuments(2))
  const [cases, comments, practices] = await Promise.all([
    prisma.case.findMany({ select: { id: true, status: true, hiddenAt: true } }),
    prisma.comment.findMany({ select: { id: true, hiddenAt: true, deletedAt: true, case: { select: { status: true, hiddenAt: true } }, practice: { select: { status: true, hiddenAt: true } } } }),
    prisma.practice.findMany({ select: { id: true, status: true, hiddenAt: true } }),
  ])
  const shown = (row: { status: string; hiddenAt: Date | null } | null) => row?.status === 'PUBLISHED' && !row.hiddenAt
  const expected = [
    ...cases.map((row) => [`case:${row.id}`, shown(row)] as const),
    ...practices.map((row) => [`practice:${row.id}`, shown(row)] as const),
    ...comments.map((row) => [`comment:${row.id}`, !row.hiddenAt && !row.deletedAt && shown(row.case ?? row.practice)] as const),
  ]
  // Every kind of state was produced by the tests above.
  expect(expected.filter(([, visible]) => visible).length).toBeGreaterThan(3)
  expect(expected.filter(([, visible]) => !visible).length).toBeGreaterThan(3)
  const versions = await engine.versions(expected.map(([key]) => key))
  for (const [key, visible] of expected) expect([key, versions.has(key)]).toEqual([key, visible])
})

test('/api/search answers 401 JSON to anonymous visitors, with no content', async () => {
  const response = expectResponse(await api('ペンライト', false), 401)
  expect(response.headers.get('Content-Type')).toContain('application/json')
  expect(await response.text()).not.toContain('ペンライト点検')
})
