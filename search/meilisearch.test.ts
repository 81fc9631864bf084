import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createMeiliMock } from '#tests/mocks/meilisearch.ts'
import { CONTRACT_DOCUMENTS, engineContract } from './engine.contract.ts'
import { desiredSettings, MeilisearchEngine, settingsDiff } from './meilisearch.server.ts'

const meili = createMeiliMock()
const server = setupServer(...meili.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => meili.reset())

const newEngine = () => new MeilisearchEngine({ host: meili.host, apiKey: 'test-key' })

describe('Meilisearch adapter: contract (against the msw Meilisearch)', () => {
  engineContract(async () => newEngine())
})

describe('Meilisearch adapter: requests', () => {
  test('init creates the index and applies settings once; a second start changes nothing', async () => {
    await newEngine().init()
    const settingsWrites = () => meili.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/settings'))
    expect(meili.requests.find((r) => r.method === 'POST' && r.path === '/indexes')?.body).toEqual({ uid: 'qso_documents', primaryKey: 'key' })
    expect(settingsWrites()).toHaveLength(1)
    const sent = settingsWrites()[0]?.body as Record<string, unknown>
    expect(sent.localizedAttributes).toEqual([{ attributePatterns: ['*Folded'], locales: ['jpn'] }])
    expect(sent.filterableAttributes).toEqual(expect.arrayContaining(['type', 'jqCategory', 'impactLevel', 'year', 'tags']))
    expect(sent.filterableAttributes).toEqual(expect.arrayContaining(['professions', 'experience', 'staff', 'factors', 'strengths', 'occurred']))
    expect(sent.sortableAttributes).toEqual(['publishedAt'])
    expect((sent.synonyms as Record<string, string[]>)['転倒']).toContain('転落')
    await newEngine().init()
    expect(settingsWrites()).toHaveLength(1)
    expect(settingsDiff(desiredSettings())).toEqual([])
  })

  test('search sends folded words, jpn locale, filters, facets and sort', async () => {
    const engine = newEngine()
    await engine.init()
    await engine.upsert(CONTRACT_DOCUMENTS)
    meili.requests.length = 0
    await engine.search({ q: 'ｲﾝｽﾘﾝ 過量', filters: { type: 'case', year: 2023, tag: 'インスリン' }, sort: 'newest', page: 2, pageSize: 10 })
    const body = meili.requests.find((r) => r.path === '/indexes/qso_documents/search')?.body as Record<string, unknown>
    expect(body).toMatchObject({
      q: 'いんすりん 過量',
      locales: ['jpn'],
      filter: ['type = "case"', 'year = 2023', 'tags = "インスリン"'],
      facets: ['type', 'jqCategory', 'impactLevel', 'year', 'tags', 'professions', 'experience', 'factors', 'strengths'],
      sort: ['publishedAt:desc'],
      offset: 10,
      limit: 10,
      matchingStrategy: 'all',
    })
  })

  test('case retrieval filters (issue 17) become filter expressions; one person for profession + experience', async () => {
    const engine = newEngine()
    await engine.init()
    await engine.upsert(CONTRACT_DOCUMENTS)
    meili.requests.length = 0
    await engine.search({ q: '', filters: { profession: 'NURSE', experience: 'UNDER_1', factor: 'SHELL:S', strength: 'STRONG', occurredFrom: 202301, occurredTo: 202312 } })
    await engine.search({ q: '', filters: { experience: 'Y10_PLUS' } })
    const [both, alone] = meili.requests.filter((r) => r.path === '/indexes/qso_documents/search').map((r) => (r.body as { filter: string[] }).filter)
    expect(both).toEqual(['staff = "NURSE:UNDER_1"', 'factors = "SHELL:S"', 'strengths = "STRONG"', 'occurred >= 202301', 'occurred <= 202312'])
    expect(alone).toEqual(['experience = "Y10_PLUS"'])
  })

  test('an index whose settings predate the case filters is updated at start-up', async () => {
    await newEngine().init()
    const live = meili.indexes.get('qso_documents')
    if (!live) throw new Error('index not created')
    live.settings.filterableAttributes = ['key', 'type', 'jqCategory', 'impactLevel', 'year', 'tags']
    meili.requests.length = 0
    await newEngine().init()
    const patch = meili.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/settings'))
    expect((patch?.body as { filterableAttributes: string[] }).filterableAttributes).toContain('occurred')
  })

  test('indexed documents carry folded text; the author is whatever the mapper gave (nothing added)', async () => {
    const engine = newEngine()
    await engine.init()
    await engine.upsert([CONTRACT_DOCUMENTS[1]!])
    const sent = (meili.requests.find((r) => r.method === 'POST' && r.path === '/indexes/qso_documents/documents')?.body as Record<string, unknown>[])[0]
    expect(sent).toMatchObject({ key: 'case:c2', titleFolded: expect.stringContaining('いんすりん') })
  })

  test('type-ahead is one multi-search request, one query per type', async () => {
    const engine = newEngine()
    await engine.init()
    await engine.upsert(CONTRACT_DOCUMENTS)
    meili.requests.length = 0
    await engine.suggest('インスリン', 3)
    const multi = meili.requests.filter((r) => r.path === '/multi-search')
    expect(multi).toHaveLength(1)
    expect((multi[0]?.body as { queries: { filter: string[]; limit: number; locales: string[] }[] }).queries).toEqual([
      expect.objectContaining({ filter: ['type = "case"'], limit: 3, locales: ['jpn'] }),
      expect.objectContaining({ filter: ['type = "practice"'] }),
      expect.objectContaining({ filter: ['type = "comment"'] }),
    ])
  })

  test('rebuild fills a new index, swaps it in and deletes the old one', async () => {
    const engine = newEngine()
    await engine.init()
    async function* source() {
      yield CONTRACT_DOCUMENTS
    }
    await engine.rebuild(source())
    const swap = meili.requests.find((r) => r.path === '/swap-indexes')
    const [live, built] = (swap?.body as { indexes: [string, string] }[])[0]?.indexes ?? []
    expect(live).toBe('qso_documents')
    expect(built).toMatch(/^qso_documents_build_/)
    expect(meili.requests.some((r) => r.method === 'DELETE' && r.path === `/indexes/${built}`)).toBe(true)
    expect([...meili.indexes.keys()]).toEqual(['qso_documents'])
    expect(meili.indexes.get('qso_documents')?.documents.size).toBe(CONTRACT_DOCUMENTS.length)
  })
})

describe('Meilisearch adapter: errors', () => {
  test('503: writes and searches throw, status says unavailable', async () => {
    const engine = newEngine()
    await engine.init()
    meili.faults.unavailable = true
    await expect(engine.upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(/unavailable/i)
    await expect(engine.search({ q: '転倒' })).rejects.toThrow()
    expect(await engine.status()).toMatchObject({ engine: 'meilisearch', state: 'unavailable' })
    meili.faults.unavailable = false
    expect(await engine.status()).toMatchObject({ state: 'ready', documents: 0 })
  })

  test('a failed task is an error, not a silent success', async () => {
    const engine = newEngine()
    await engine.init()
    meili.faults.failTasks = 1
    await expect(engine.upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(/task \d+ \(add documents\) failed: internal/)
    expect(meili.indexes.get('qso_documents')?.documents.size).toBe(0)
  })

  test('a failed rebuild leaves the live index as it was and removes the half-built one', async () => {
    const engine = newEngine()
    await engine.init()
    await engine.upsert(CONTRACT_DOCUMENTS)
    async function* failing() {
      yield CONTRACT_DOCUMENTS.slice(0, 1)
      throw new Error('database went away')
    }
    await expect(engine.rebuild(failing())).rejects.toThrow('database went away')
    expect([...meili.indexes.keys()]).toEqual(['qso_documents'])
    expect(meili.indexes.get('qso_documents')?.documents.size).toBe(CONTRACT_DOCUMENTS.length)
  })
})
