/**
 * The behaviour both engines promise, run by embedded.test.ts (MiniSearch directly) and meilisearch.test.ts
 * (the adapter against the msw Meilisearch). Everything the routes rely on is here.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { documentVersion } from './documents/document.ts'
import { NO_CASE_ATTRIBUTES, type SearchDocument, type SearchEngine } from './types.ts'

type CaseAttributes = typeof NO_CASE_ATTRIBUTES
type Draft = Omit<SearchDocument, 'key' | 'version' | 'url' | keyof CaseAttributes> & Partial<Pick<SearchDocument, keyof CaseAttributes>>

function make(draft: Draft): SearchDocument {
  const base = { ...NO_CASE_ATTRIBUTES, ...draft, key: `${draft.type}:${draft.id}`, url: `/${draft.type === 'case' ? 'cases' : draft.type === 'practice' ? 'practices' : 'cases'}/${draft.id}` }
  return { ...base, version: documentVersion(base) }
}

export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  make({ type: 'case', id: 'c1', title: '夜間のベッドからの転落', body: '夜間せん妄のある高齢患者が柵を乗り越えて転落した。離床センサーは作動していなかった。', tags: ['高齢者', '夜間'], jqCategory: '療養上の世話', impactLevel: 'レベル3a', year: 2024, professions: ['NURSE'], experience: ['Y1_UNDER_3'], staff: ['NURSE:Y1_UNDER_3'], factors: ['P_MSHELL:P'], strengths: ['WEAK'], occurred: 202406, publishedAt: Date.UTC(2024, 5, 1) }),
  make({ type: 'case', id: 'c2', title: 'インスリン単位の誤読による過量投与', body: '手書き指示の「U」を「0」と読み違え、インスリンを10倍量投与した。低血糖で発見。', tags: ['インスリン', '指示'], jqCategory: '薬剤', impactLevel: 'レベル3b', year: 2023, professions: ['PHYSICIAN', 'NURSE'], experience: ['Y10_PLUS', 'UNDER_1'], staff: ['PHYSICIAN:Y10_PLUS', 'NURSE:UNDER_1'], factors: ['SHELL:S'], strengths: ['STRONG', 'WEAK'], occurred: 202302, publishedAt: Date.UTC(2023, 2, 10) }),
  make({ type: 'case', id: 'c3', title: '患者取り違えによる採血', body: '同姓の患者を取り違え、別の患者から採血した。リストバンドの確認が省略されていた。', tags: ['患者確認'], jqCategory: '検査', impactLevel: 'レベル1', year: 2024, professions: ['LABORATORY_TECHNOLOGIST'], experience: ['Y3_UNDER_5'], staff: ['LABORATORY_TECHNOLOGIST:Y3_UNDER_5'], factors: ['FOUR_M:MAN'], strengths: ['MODERATE'], occurred: 202409, publishedAt: Date.UTC(2024, 8, 20) }),
  make({ type: 'practice', id: 'p1', title: '転倒予防ラウンドの導入', body: '多職種による週1回の転倒リスク評価ラウンドで、転倒件数が減少した。', tags: ['高齢者', '多職種'], jqCategory: '療養上の世話', impactLevel: null, year: 2025, publishedAt: Date.UTC(2025, 0, 15) }),
  make({ type: 'comment', id: 'm1', title: 'インスリン単位の誤読による過量投与 へのコメント', body: '当院でもインスリンの単位は「単位」と書くよう統一しました。', tags: [], jqCategory: null, impactLevel: null, year: 2023, publishedAt: Date.UTC(2023, 3, 1) }),
  make({ type: 'case', id: 'c4', title: '経鼻胃管の自己抜去', body: '不穏状態の患者が経鼻胃管を自己抜去した。抑制の判断基準を見直した。', tags: ['チューブ'], jqCategory: '医療機器等', impactLevel: 'レベル2', year: 2022, professions: ['NURSE'], experience: ['Y10_PLUS'], staff: ['NURSE:Y10_PLUS'], factors: ['P_MSHELL:P'], strengths: ['WEAK'], occurred: 202210, publishedAt: Date.UTC(2022, 10, 5) }),
]

const keysOf = (hits: { document: SearchDocument }[]) => hits.map((hit) => hit.document.key)

export function engineContract(setup: () => Promise<SearchEngine>) {
  let engine: SearchEngine

  beforeEach(async () => {
    engine = await setup()
    await engine.init()
    await engine.upsert(CONTRACT_DOCUMENTS)
  })

  describe('matching', () => {
    test('a title word finds its document first, with the terms to highlight', async () => {
      const result = await engine.search({ q: '転落' })
      expect(keysOf(result.hits)[0]).toBe('case:c1')
      expect(result.hits[0]?.terms).toContain('転落')
    })

    test.each(['インスリン', 'いんすりん', 'ｲﾝｽﾘﾝ'])('kana and width variants: %s', async (q) => {
      const result = await engine.search({ q })
      expect(keysOf(result.hits)).toEqual(expect.arrayContaining(['case:c2', 'comment:m1']))
    })

    test('synonyms from the one list: 患者誤認 finds 取り違え', async () => {
      const result = await engine.search({ q: '患者誤認' })
      expect(keysOf(result.hits)).toContain('case:c3')
    })

    test('synonyms both ways: 転倒 finds 転落 and 転落 finds 転倒', async () => {
      expect(keysOf((await engine.search({ q: '転倒' })).hits)).toEqual(expect.arrayContaining(['case:c1', 'practice:p1']))
      expect(keysOf((await engine.search({ q: '転落' })).hits)).toEqual(expect.arrayContaining(['case:c1', 'practice:p1']))
    })

    test('several words: documents with all of them', async () => {
      const result = await engine.search({ q: 'インスリン 低血糖' })
      expect(keysOf(result.hits)).toEqual(['case:c2'])
    })

    test('prefix while typing (last word)', async () => {
      expect(keysOf((await engine.search({ q: 'インス' })).hits)).toContain('case:c2')
    })

    test('no match: no hits, empty facets', async () => {
      const result = await engine.search({ q: '放射線被ばく' })
      expect(result.total).toBe(0)
      expect(result.hits).toEqual([])
      expect(result.facets.type).toEqual([])
    })
  })

  describe('filters, facets, sort, pages', () => {
    test('facet counts over the matching documents', async () => {
      const result = await engine.search({ q: '転倒' })
      expect(result.facets.type).toEqual(expect.arrayContaining([{ value: 'case', count: 1 }, { value: 'practice', count: 1 }]))
      expect(result.facets.tags).toContainEqual({ value: '高齢者', count: 2 })
      expect(result.facets.year.map((entry) => entry.value)).toEqual(['2025', '2024'])
    })

    test.each([
      [{ type: 'practice' as const }, ['practice:p1']],
      [{ jqCategory: '療養上の世話' }, ['case:c1', 'practice:p1']],
      [{ impactLevel: 'レベル3a' }, ['case:c1']],
      [{ year: 2025 }, ['practice:p1']],
      [{ tag: '高齢者', type: 'case' as const }, ['case:c1']],
    ])('filter %o', async (filters, expected) => {
      const result = await engine.search({ q: '転倒', filters })
      expect(keysOf(result.hits).sort()).toEqual([...expected].sort())
      expect(result.total).toBe(expected.length)
    })

    // Case retrieval (issue 17): the case-only fields; practices and comments have none, so they never match.
    test.each([
      [{ profession: 'NURSE' }, ['case:c1', 'case:c2', 'case:c4']],
      [{ profession: 'NURSE', experience: 'UNDER_1' }, ['case:c2']],
      // c2 has a physician (10年以上) and a nurse (1年未満): not a physician of under a year.
      [{ profession: 'PHYSICIAN', experience: 'UNDER_1' }, []],
      [{ experience: 'Y10_PLUS' }, ['case:c2', 'case:c4']],
      [{ factor: 'P_MSHELL:P' }, ['case:c1', 'case:c4']],
      [{ strength: 'STRONG' }, ['case:c2']],
      [{ strength: 'WEAK', factor: 'SHELL:S' }, ['case:c2']],
      // Both bounds inclusive: 2023-02 and 2024-06 are in.
      [{ occurredFrom: 202302, occurredTo: 202406 }, ['case:c1', 'case:c2']],
      [{ occurredFrom: 202407 }, ['case:c3']],
      [{ occurredTo: 202301 }, ['case:c4']],
    ])('case filter %o (no words)', async (filters, expected) => {
      const result = await engine.search({ q: '', filters })
      expect(keysOf(result.hits).sort()).toEqual([...expected].sort())
      expect(result.total).toBe(expected.length)
    })

    test('case filters with words, and their facets', async () => {
      const result = await engine.search({ q: 'インスリン', filters: { profession: 'NURSE' } })
      expect(keysOf(result.hits)).toEqual(['case:c2'])
      const all = await engine.search({ q: '' })
      expect(all.facets.professions).toEqual([
        { value: 'NURSE', count: 3 },
        { value: 'LABORATORY_TECHNOLOGIST', count: 1 },
        { value: 'PHYSICIAN', count: 1 },
      ])
      expect(all.facets.strengths).toContainEqual({ value: 'WEAK', count: 3 })
      expect(all.facets.factors).toContainEqual({ value: 'P_MSHELL:P', count: 2 })
      expect(all.facets.experience).toContainEqual({ value: 'Y10_PLUS', count: 2 })
    })

    test('a filter value with quotes is data, not syntax', async () => {
      const result = await engine.search({ q: '転倒', filters: { tag: '高齢者" OR type = "case' } })
      expect(result.total).toBe(0)
    })

    test('newest first', async () => {
      const result = await engine.search({ q: '転倒', sort: 'newest' })
      expect(keysOf(result.hits)).toEqual(['practice:p1', 'case:c1'])
    })

    test('no words: everything that passes the filters, newest first', async () => {
      const result = await engine.search({ q: '', filters: { type: 'case' } })
      expect(keysOf(result.hits)).toEqual(['case:c3', 'case:c1', 'case:c2', 'case:c4'])
    })

    test('pages: total counts all, a page holds pageSize', async () => {
      const first = await engine.search({ q: '', page: 1, pageSize: 4 })
      const second = await engine.search({ q: '', page: 2, pageSize: 4 })
      expect(first.total).toBe(CONTRACT_DOCUMENTS.length)
      expect(first.hits).toHaveLength(4)
      expect(second.hits).toHaveLength(CONTRACT_DOCUMENTS.length - 4)
      expect(new Set([...keysOf(first.hits), ...keysOf(second.hits)]).size).toBe(CONTRACT_DOCUMENTS.length)
    })
  })

  describe('writes', () => {
    test('upsert replaces by key (last write wins); remove takes it out', async () => {
      const c1 = CONTRACT_DOCUMENTS[0] as SearchDocument
      await engine.upsert([{ ...c1, title: '夜間の転倒（改訂）', body: '改訂後の本文', version: 'v2' }])
      const afterEdit = await engine.search({ q: '改訂' })
      expect(keysOf(afterEdit.hits)).toEqual(['case:c1'])
      expect((await engine.search({ q: '柵' })).total).toBe(0)
      await engine.remove(['case:c1'])
      expect((await engine.search({ q: '改訂' })).total).toBe(0)
      expect((await engine.search({ q: '' })).total).toBe(CONTRACT_DOCUMENTS.length - 1)
    })

    test('versions tells what is indexed', async () => {
      const versions = await engine.versions(['case:c1', 'case:nope'])
      expect(versions.get('case:c1')).toBe(CONTRACT_DOCUMENTS[0]?.version)
      expect(versions.has('case:nope')).toBe(false)
    })

    test('rebuild replaces the whole index', async () => {
      async function* source() {
        yield CONTRACT_DOCUMENTS.slice(0, 2)
        yield CONTRACT_DOCUMENTS.slice(2, 3)
      }
      expect(await engine.rebuild(source())).toEqual({ documents: 3 })
      const all = await engine.search({ q: '' })
      expect(keysOf(all.hits).sort()).toEqual(['case:c1', 'case:c2', 'case:c3'])
      expect((await engine.status()).state).toBe('ready')
    })
  })

  test('suggest: the best few of each type', async () => {
    const hits = await engine.suggest('インスリン', 3)
    expect(keysOf(hits)).toEqual(expect.arrayContaining(['case:c2', 'comment:m1']))
    expect(await engine.suggest('  ', 3)).toEqual([])
  })
}
