import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { loader as healthz } from '#app/routes/healthz.ts'
import { loader as apiLoader } from '#app/routes/search/api.ts'
import { loader as pageLoader } from '#app/routes/search/index.tsx'
import { createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, expectResponse, routeArgs } from '#tests/fixtures/routes.ts'
import { createFakeSource } from '#tests/fixtures/search-source.ts'
import { loadAllDocuments, setDocumentSources } from '#search/documents/registry.server.ts'
import { EmbeddedEngine } from '#search/embedded.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { setSearchEngine } from '#search/search.server.ts'
import { type SearchEngine } from '#search/types.ts'

const cases = createFakeSource('case')
const comments = createFakeSource('comment')
let engine: EmbeddedEngine
let cookie: string

beforeAll(async () => {
  const member = await createUser()
  cookie = await sessionCookieFor(member.id)
})
afterAll(() => setSearchEngine(undefined))

beforeEach(async () => {
  cases.rows.clear()
  comments.rows.clear()
  cases.set({ id: 'c1', title: '夜間のベッドからの転落', body: '夜間せん妄の患者が柵を越えて転落した。', tags: ['夜間'], jqCategory: '療養上の世話', impactLevel: 'レベル3a', year: 2024 })
  cases.set({ id: 'c2', title: '転倒予防の下書き', body: '下書きの秘匿語ホワイトボード', published: false })
  cases.set({ id: 'c3', title: '非表示の転倒事例', body: '非表示の秘匿語ホワイトボード', hidden: true })
  comments.set({ id: 'm1', title: '夜間のベッドからの転落 へのコメント', body: '当院でも離床センサーで転倒を減らしました。' })
  comments.set({ id: 'm2', title: '非表示コメント', body: '秘匿語ホワイトボード 転倒', hidden: true })
  setDocumentSources([cases.source, comments.source])
  engine = new EmbeddedEngine()
  await engine.rebuild(loadAllDocuments())
  setSearchEngine(engine)
})

const page = (path: string, withCookie = true) => settle(() => pageLoader(routeArgs(makeRequest(path, withCookie ? { cookie } : {}))))
const api = (path: string, withCookie = true) => apiLoader(routeArgs(makeRequest(path, withCookie ? { cookie } : {})))

describe('who may search', () => {
  test('anonymous: /search redirects to sign-in, /api/search answers 401 JSON', async () => {
    expectLoginRedirect(await page('/search?q=転倒', false), `/search?q=${encodeURIComponent('転倒')}`)
    const response = expectResponse(await api('/api/search?q=転倒', false), 401)
    expect(response.headers.get('Content-Type')).toContain('application/json')
    const body = await response.text()
    expect(body).not.toContain('転落')
  })
})

describe('/search', () => {
  test('results across types with highlight ranges, facets with counts', async () => {
    const data = (await page('/search?q=転倒')) as Exclude<Awaited<ReturnType<typeof pageLoader>>, Response>
    expect(data.result?.hits.map((hit) => hit.key).sort()).toEqual(['case:c1', 'comment:m1'])
    const c1 = data.result?.hits.find((hit) => hit.key === 'case:c1')
    // 転倒 finds 転落 (synonym), and the title's 転落 is marked.
    expect(c1?.title.highlights.map(([s, e]) => c1.title.text.slice(s, e))).toContain('転落')
    expect(data.result?.facets.type).toEqual(expect.arrayContaining([{ value: 'case', count: 1 }, { value: 'comment', count: 1 }]))
  })

  test('filters and an empty state without words', async () => {
    const filtered = (await page('/search?q=転倒&type=comment')) as { result: { total: number } }
    expect(filtered.result.total).toBe(1)
    const empty = (await page('/search')) as { result: unknown }
    expect(empty.result).toBeNull()
  })

  test('drafts and hidden content never appear, not even in snippets', async () => {
    for (const q of ['秘匿語', 'ホワイトボード', '下書き', '非表示']) {
      const data = (await page(`/search?q=${encodeURIComponent(q)}`)) as { result: unknown }
      expect(JSON.stringify(data.result)).not.toMatch(/秘匿語|ホワイトボード|下書き|非表示の/)
      const response = expectResponse(await api(`/api/search?q=${encodeURIComponent(q)}`), 200)
      expect(JSON.stringify(((await response.json()) as { hits: unknown }).hits)).not.toMatch(/秘匿語|ホワイトボード|下書き|非表示の/)
    }
  })

  test('something hidden after it was indexed disappears at once, before the worker has run', async () => {
    await prisma.$transaction(async (tx) => {
      cases.set({ ...cases.rows.get('c1')!, hidden: true })
      await enqueueSearchChange(tx, { type: 'case', id: 'c1' })
    })
    const data = (await page('/search?q=ベッド')) as { result: { hits: { key: string }[] } }
    expect(data.result.hits.map((hit) => hit.key)).toEqual(['comment:m1'])
    expect(JSON.stringify(await (await api('/api/search?q=ベッド')).json())).not.toContain('"case"')
  })

  test('engine down: a notice, not an error page; the API says 503', async () => {
    const broken: SearchEngine = Object.assign(Object.create(engine) as SearchEngine, {
      search: () => Promise.reject(new Error('connect ECONNREFUSED')),
      suggest: () => Promise.reject(new Error('connect ECONNREFUSED')),
    })
    setSearchEngine(broken)
    expect(await page('/search?q=転倒')).toMatchObject({ unavailable: true, result: null })
    expectResponse(await api('/api/search?q=転倒'), 503)
  })
})

describe('/api/search', () => {
  test('type-ahead JSON: type, id, title, snippet, url with highlight ranges; prefix while typing', async () => {
    const response = expectResponse(await api('/api/search?q=せん'), 200)
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    const body = (await response.json()) as { hits: Record<string, unknown>[] }
    expect(body.hits[0]).toMatchObject({ type: 'case', id: 'c1', url: '/cases/c1', title: '夜間のベッドからの転落', snippet: expect.stringContaining('せん妄') })
    expect(body.hits[0]?.snippetHighlights).toEqual(expect.arrayContaining([expect.any(Array)]))
  })
})

test('/healthz reports the search engine, its state and pending outbox rows', async () => {
  await prisma.searchOutbox.deleteMany()
  await prisma.$transaction((tx) => enqueueSearchChange(tx, { type: 'case', id: 'c1' }))
  const response = await healthz()
  expect(await response.json()).toMatchObject({ status: 'ok', search: { engine: 'embedded', state: 'ready', pendingOutbox: 1 } })
})
