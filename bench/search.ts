/**
 * Search section of `npm run bench`: the embedded engine's index build time and query latency for 10,000 and
 * 50,000 generated case-like documents, against PostgreSQL ILIKE over the same rows as the naive baseline.
 * Then the start-up build through the real document mappers, over the cases, practices and comments the earlier
 * sections left in the database. (Meilisearch is not measured here: no server can run on this machine.)
 */
import os from 'node:os'
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { finishDocument } from '#search/documents/document.ts'
import { EmbeddedEngine } from '#search/embedded.server.ts'
import { NO_CASE_ATTRIBUTES, type SearchDocument } from '#search/types.ts'

type Figures = { median: number; p95: number; runs: number }
type Helpers = { prisma: PrismaClient; measure: (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>; show: (label: string, figures: Figures) => void }

const SUBJECTS = ['高齢患者', '術後患者', '小児患者', '透析患者', '認知症のある患者', '新人看護師', '当直医', '薬剤師', '臨床工学技士']
const EVENTS = [
  'ベッドから転落した',
  'トイレ歩行中に転倒した',
  'インスリンを過量投与した',
  '抗凝固薬の休薬を確認せずに手術へ出棟した',
  '同姓の患者を取り違えて採血した',
  '経鼻胃管を自己抜去した',
  '輸液ポンプの流量設定を誤った',
  '造影剤でアナフィラキシーを起こした',
  '食事中に誤嚥して窒息しかけた',
  '中心静脈カテーテルが事故抜去された',
  '左右を取り違えて手術部位をマーキングした',
  '持参薬の重複投与に気づかなかった',
]
const CONTEXTS = ['夜間', '休日', '申し送り直後', '緊急入院時', '手術当日', '多重業務の中で', '病棟移動の後', '電子カルテ更新の翌日']
const CAUSES = ['確認手順が省略されていた', 'ダブルチェックの対象が限定されていた', '表示が紛らわしかった', '離床センサーが作動していなかった', '指示が口頭のみだった', '人員が不足していた']
const CATEGORIES = ['薬剤', '輸血', '治療・処置', '医療機器等', 'ドレーン・チューブ', '検査', '療養上の世話', 'その他']
const LEVELS = ['レベル0', 'レベル1', 'レベル2', 'レベル3a', 'レベル3b', 'レベル4a']
const TAGS = ['夜間', '高齢者', '多職種', '申し送り', '電子カルテ', '持参薬', '手順書', '教育']

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T

const PROFESSIONS = ['NURSE', 'PHYSICIAN', 'PHARMACIST', 'CLINICAL_ENGINEER']
const BANDS = ['UNDER_1', 'Y1_UNDER_3', 'Y3_UNDER_5', 'Y5_UNDER_10', 'Y10_PLUS']
const FACTORS = ['P_MSHELL:P', 'P_MSHELL:m', 'SHELL:S', 'SHELL:L', 'FOUR_M:MAN']
const STRENGTHS = ['STRONG', 'MODERATE', 'WEAK']

/** The case-retrieval fields (issue 17) of a generated case. */
function benchCaseAttributes(i: number) {
  const profession = pick(PROFESSIONS, i)
  const band = pick(BANDS, i * 3 + 1)
  return {
    professions: [profession],
    experience: [band],
    staff: [`${profession}:${band}`],
    factors: [pick(FACTORS, i), pick(FACTORS, i * 7 + 2)].filter((value, index, list) => list.indexOf(value) === index),
    strengths: [pick(STRENGTHS, i * 5)],
    occurred: (2020 + (i % 7)) * 100 + 1 + (i % 12),
  }
}

export function generate(count: number): SearchDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const event = pick(EVENTS, i * 7 + 3)
    const subject = pick(SUBJECTS, i * 5 + 1)
    const context = pick(CONTEXTS, i * 3)
    return finishDocument({
      type: i % 10 === 9 ? 'comment' : 'case',
      id: `bench-${i}`,
      title: `${context}に${subject}が${event}事例 ${i}`,
      body: `${context}、${subject}が${event}。${pick(CAUSES, i)}ため発見が遅れた。${pick(CAUSES, i * 11 + 2)}ことも背景にあった。対策として手順を見直し、${pick(TAGS, i)}に関する教育を行った。`,
      url: `/cases/bench-${i}`,
      tags: [pick(TAGS, i), pick(TAGS, i * 13 + 5)],
      jqCategory: pick(CATEGORIES, i),
      impactLevel: pick(LEVELS, i * 3 + 1),
      year: 2020 + (i % 7),
      ...(i % 10 === 9 ? NO_CASE_ATTRIBUTES : benchCaseAttributes(i)),
      publishedAt: Date.UTC(2020, 0, 1) + i * 3_600_000,
    })
  })
}

const QUERIES = ['転倒', 'インスリン 過量', 'ｲﾝｽﾘﾝ', '患者誤認', '夜間 せん妄', '与薬エラー', 'カテーテル 抜去', 'アナフィラキシー', '離床センサー', 'ダブルチェック 手順']

export async function benchSearch({ prisma, measure, show }: Helpers) {
  await prisma.$executeRawUnsafe('CREATE TABLE bench_search_docs (key text PRIMARY KEY, title text NOT NULL, body text NOT NULL, "publishedAt" bigint NOT NULL)')
  let inserted = 0
  for (const size of [10_000, 50_000]) {
    const documents = generate(size)
    const load = os.loadavg().map((value) => value.toFixed(1)).join(' ')
    console.log(`\n== Search: ${size.toLocaleString('en')} generated documents (embedded MiniSearch vs PostgreSQL ILIKE); load average ${load} on ${os.cpus().length} CPUs`)
    const engine = new EmbeddedEngine()
    const started = performance.now()
    await engine.rebuild(
      (async function* () {
        for (let i = 0; i < documents.length; i += 1000) yield documents.slice(i, i + 1000)
      })(),
    )
    console.log(`${'embedded: build the index'.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s    (${Math.round(size / ((performance.now() - started) / 1000))} documents/s)`)
    const heap = process.memoryUsage().heapUsed / 2 ** 20
    console.log(`${'process heap after build'.padEnd(58)} ${heap.toFixed(0).padStart(8)} MiB`)
    show('embedded: query (10 queries, page 1 with facets)', await measure(100, (i) => engine.search({ q: pick(QUERIES, i) })))
    show('embedded: type-ahead prefix (インス, 転, 患者誤)', await measure(100, (i) => engine.suggest(pick(['インス', '転', '患者誤'], i), 3)))
    show('embedded: query + filters, newest first', await measure(100, (i) => engine.search({ q: pick(QUERIES, i), sort: 'newest', filters: { year: 2024, type: 'case' } })))

    const rows = documents.slice(inserted)
    for (let i = 0; i < rows.length; i += 5000) {
      const batch = rows.slice(i, i + 5000)
      await prisma.$executeRaw`INSERT INTO bench_search_docs (key, title, body, "publishedAt")
        SELECT * FROM unnest(${batch.map((d) => d.key)}::text[], ${batch.map((d) => d.title)}::text[], ${batch.map((d) => d.body)}::text[], ${batch.map((d) => d.publishedAt)}::bigint[])`
    }
    inserted = documents.length
    await prisma.$executeRawUnsafe('ANALYZE bench_search_docs')
    show(
      'PostgreSQL ILIKE: same queries (each word, title or body)',
      await measure(100, async (i) => {
        const words = pick(QUERIES, i).split(/\s+/)
        const conditions = words.map((_, k) => `(title ILIKE $${k + 1} OR body ILIKE $${k + 1})`).join(' AND ')
        const params = words.map((word) => `%${word}%`)
        await prisma.$queryRawUnsafe(`SELECT key, title FROM bench_search_docs WHERE ${conditions} ORDER BY "publishedAt" DESC LIMIT 20`, ...params)
        await prisma.$queryRawUnsafe(`SELECT count(*) FROM bench_search_docs WHERE ${conditions}`, ...params)
      }),
    )
    const found = await Promise.all(
      ['ｲﾝｽﾘﾝ', '与薬エラー', '患者誤認'].map(async (q) => {
        const embedded = (await engine.search({ q })).total
        const [row] = await prisma.$queryRawUnsafe<{ count: bigint }[]>('SELECT count(*) FROM bench_search_docs WHERE title ILIKE $1 OR body ILIKE $1', `%${q}%`)
        return `${q}: embedded ${embedded}, ILIKE ${Number(row?.count ?? 0)}`
      }),
    )
    console.log(`matches (normalisation + synonyms vs none): ${found.join(' · ')}`)
  }

  await benchStartupBuild({ prisma, measure, show })
}

/** What `npm run dev` / `npm start` do with the embedded engine: read every visible document from PostgreSQL. */
async function benchStartupBuild({ prisma }: Helpers) {
  const [cases, practices, comments] = await Promise.all([prisma.case.count(), prisma.practice.count(), prisma.comment.count()])
  if (cases + practices + comments === 0) return
  const { loadAllDocuments } = await import('#search/documents/registry.server.ts')
  console.log(`\n== Search: start-up build from PostgreSQL through the document mappers (${cases} cases, ${practices} practices, ${comments} comments in the tables)`)
  const engine = new EmbeddedEngine()
  const started = performance.now()
  const { documents } = await engine.rebuild(loadAllDocuments(500))
  const seconds = (performance.now() - started) / 1000
  console.log(`${'embedded: load visible documents and build'.padEnd(58)} ${seconds.toFixed(2).padStart(8)} s    (${documents} documents, ${Math.round(documents / seconds)} documents/s)`)
}
