/**
 * Case retrieval (issue 17): the new filters on /cases and /search (the real case mapper into the embedded
 * engine), and the export of a filtered list as CSV and .xlsx, read back as Excel would read them. Who may do
 * it, and what never leaves: drafts, hidden cases, the author of an anonymous case.
 */
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { EXPORT_COLUMNS } from '#app/modules/cases/export.server.ts'
import { ANONYMOUS_AUTHOR } from '#app/modules/cases/labels.ts'
import { loader as exportLoader } from '#app/routes/cases/export.ts'
import { loader as listLoader } from '#app/routes/cases/index.tsx'
import { loader as searchLoader } from '#app/routes/search/index.tsx'
import { loadAllDocuments, setDocumentSources } from '#search/documents/registry.server.ts'
import { BUILT_IN_SOURCES } from '#search/documents/sources.server.ts'
import { EmbeddedEngine } from '#search/embedded.server.ts'
import { setSearchEngine } from '#search/search.server.ts'
import { createHospital, createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createCase, sessionUser } from '#tests/fixtures/cases.ts'
import { expectLoginRedirect, expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

const AUTHOR_NAME = '匿名希望 投稿者'
const ids = { nurseNew: '', anonymousPhysician: '', draft: '', hidden: '', otherHospital: '' }
let memberCookie = ''
let adminCookie = ''
let authorCookie = ''

/** Saved as a draft (no de-identification run needed for these texts), then published directly. */
async function publishedCase(author: Awaited<ReturnType<typeof sessionUser>>, overrides: Record<string, string>, publishedAt: Date) {
  const row = await createCase(author, { intent: 'draft', ...overrides })
  await prisma.case.update({ where: { id: row.id }, data: { status: 'PUBLISHED', publishedAt } })
  return row.id
}

beforeAll(async () => {
  const hospital = await createHospital({ name: '退出テスト総合病院' })
  const authorUser = await createUser({ name: AUTHOR_NAME, hospitalId: hospital.id })
  const author = await sessionUser(authorUser.id)
  const otherUser = await createUser({ name: '公開 太郎', hospitalId: (await createHospital({ name: '公開記念病院' })).id })
  const other = await sessionUser(otherUser.id)
  ids.nurseNew = await publishedCase(
    author,
    {
      title: '新人看護師による点滴速度の設定誤り',
      occurredOn: '2024-04',
      'professions[0].profession': 'NURSE',
      'professions[0].experience': 'UNDER_1',
      'factors[0].factor': 'P_MSHELL:P',
      'countermeasures[0].strength': 'STRONG',
    },
    new Date('2024-06-01T00:00:00Z'),
  )
  ids.anonymousPhysician = await publishedCase(
    author,
    {
      // A leading 「=」 must reach Excel as text, never as a formula.
      title: '=口頭指示の聞き違えによる投与量の誤り',
      anonymous: 'on',
      occurredOn: '2025-02',
      'professions[0].profession': 'PHYSICIAN',
      'professions[0].experience': 'Y10_PLUS',
      'professions[1].profession': 'NURSE',
      'professions[1].experience': 'Y10_PLUS',
      'factors[0].factor': 'SHELL:S',
      'countermeasures[0].strength': 'WEAK',
    },
    new Date('2025-03-01T00:00:00Z'),
  )
  ids.otherHospital = await publishedCase(
    other,
    { title: '他院の公開事例', occurredOn: '2023-11', 'professions[0].profession': 'PHARMACIST', 'professions[0].experience': 'Y3_UNDER_5', 'countermeasures[0].strength': 'MODERATE' },
    new Date('2024-01-10T00:00:00Z'),
  )
  ids.draft = (await createCase(author, { intent: 'draft', title: '下書きの秘密事例', 'professions[0].experience': 'UNDER_1', 'countermeasures[0].strength': 'STRONG' })).id
  ids.hidden = await publishedCase(author, { title: '非表示の秘密事例', 'professions[0].experience': 'UNDER_1', 'countermeasures[0].strength': 'STRONG' }, new Date('2024-07-01T00:00:00Z'))
  await prisma.case.update({ where: { id: ids.hidden }, data: { hiddenAt: new Date(), hiddenReason: 'テスト' } })

  memberCookie = await sessionCookieFor((await createUser()).id)
  adminCookie = await sessionCookieFor((await createUser({ role: 'ADMIN' })).id)
  authorCookie = await sessionCookieFor(authorUser.id)

  setDocumentSources(BUILT_IN_SOURCES)
  const engine = new EmbeddedEngine()
  await engine.rebuild(loadAllDocuments())
  setSearchEngine(engine)
})
afterAll(() => setSearchEngine(undefined))

async function listIds(query: string, cookie = memberCookie) {
  const { data } = unwrap(await settle(() => listLoader(routeArgs(makeRequest(`/cases?${query}`, { cookie })))))
  return { ids: data.items.map((item) => item.id).sort(), errors: data.filterErrors, filters: data.filters }
}

const sorted = (...values: string[]) => [...values].sort()

describe('/cases: the new filters', () => {
  test.each<[string, (keyof typeof ids)[]]>([
    ['profession=NURSE', ['nurseNew', 'anonymousPhysician']],
    ['profession=NURSE&experience=UNDER_1', ['nurseNew']],
    // The physician has 10年以上; the nurse of under a year is on another case: one person must match both.
    ['profession=PHYSICIAN&experience=UNDER_1', []],
    ['experience=Y10_PLUS', ['anonymousPhysician']],
    ['factor=SHELL%3AS', ['anonymousPhysician']],
    ['factor=P_MSHELL%3AP', ['nurseNew']],
    ['strength=STRONG', ['nurseNew']],
    ['strength=MODERATE', ['otherHospital']],
    ['from=2024-04&to=2025-01', ['nurseNew']],
    ['from=2024-05', ['anonymousPhysician']],
    ['to=2024年4月', ['nurseNew', 'otherHospital']],
    ['from=2023-11&to=2023-11', ['otherHospital']],
    ['category=MEDICATION&strength=WEAK', ['anonymousPhysician']],
  ])('%s', async (query, expected) => {
    const result = await listIds(query)
    expect(result.ids).toEqual(sorted(...expected.map((name) => ids[name])))
    expect(result.errors).toEqual({})
  })

  test('a month that cannot be read: a message for that field, the typed text kept, the other bound still applied', async () => {
    const result = await listIds(`from=${encodeURIComponent('4月から')}&to=2024-12`)
    expect(result.errors).toEqual({ from: expect.stringContaining('「2024-04」のように') })
    expect(result.filters.from).toBe('4月から')
    expect(result.ids).toEqual(sorted(ids.nurseNew, ids.otherHospital))
  })

  test('an end before the start: a message beside the end, no range applied', async () => {
    const result = await listIds('from=2025-01&to=2024-01')
    expect(result.errors.to).toBe('終了は開始と同じ月か、それより後の月にしてください')
    expect(result.ids).toEqual(sorted(ids.nurseNew, ids.anonymousPhysician, ids.otherHospital))
  })

  test('drafts and hidden cases stay out of the list whatever the filters (an admin too)', async () => {
    for (const cookie of [memberCookie, adminCookie]) {
      const result = await listIds('experience=UNDER_1&strength=STRONG', cookie)
      expect(result.ids).toEqual([ids.nurseNew])
    }
  })

  test('anonymous visitors are sent to sign in', async () => {
    expectLoginRedirect(await settle(() => listLoader(routeArgs(makeRequest('/cases?profession=NURSE')))), '/cases?profession=NURSE')
  })
})

describe('/search: the same filters through the real case mapper', () => {
  async function searchKeys(query: string) {
    const { data } = unwrap(await settle(() => searchLoader(routeArgs(makeRequest(`/search?${query}`, { cookie: memberCookie })))))
    return { keys: data.result?.hits.map((hit) => hit.key).sort() ?? null, data }
  }

  test.each<[string, (keyof typeof ids)[]]>([
    ['profession=NURSE&experience=UNDER_1', ['nurseNew']],
    ['profession=PHYSICIAN&experience=UNDER_1', []],
    ['factor=SHELL%3AS', ['anonymousPhysician']],
    ['strength=STRONG', ['nurseNew']],
    ['from=2024-04&to=2025-01', ['nurseNew']],
    ['q=投与量&profession=NURSE', ['anonymousPhysician']],
  ])('%s', async (query, expected) => {
    expect((await searchKeys(query)).keys).toEqual(sorted(...expected.map((name) => `case:${ids[name]}`)))
  })

  test('facets name the new values; a bad month is reported beside its field', async () => {
    const { data } = await searchKeys('type=case&to=そのうち')
    expect(data.filterErrors.to).toMatch(/^終了は「2025-03」のように/)
    expect(data.result?.facets.professions).toEqual(expect.arrayContaining([{ value: 'NURSE', count: 2 }, { value: 'PHARMACIST', count: 1 }]))
    expect(data.result?.facets.strengths).toEqual(expect.arrayContaining([{ value: 'STRONG', count: 1 }]))
  })
})

type Table = string[][]

/** `cookie: null` for a visitor who is not signed in. */
async function exportFile(format: 'csv' | 'xlsx', query: string, cookie: string | null = memberCookie) {
  return settle(() => exportLoader(routeArgs(makeRequest(`/cases/export.${format}${query ? `?${query}` : ''}`, cookie ? { cookie } : {}))))
}

async function csvTable(query: string, cookie = memberCookie): Promise<{ text: string; table: Table; response: Response }> {
  const response = expectResponse(await exportFile('csv', query, cookie), 200)
  const bytes = new Uint8Array(await response.clone().arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  return { text, table: parse(text, { bom: true, relax_column_count: false }) as Table, response }
}

async function xlsxTable(query: string, cookie = memberCookie): Promise<{ table: Table; response: Response; sheet: ExcelJS.Worksheet }> {
  const response = expectResponse(await exportFile('xlsx', query, cookie), 200)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.clone().arrayBuffer())
  const sheet = workbook.getWorksheet('事例')
  if (!sheet) throw new Error('no sheet 事例')
  const table: Table = []
  sheet.eachRow((row) => {
    const values = row.values as unknown[]
    // ExcelJS rows are 1-based: index 0 is empty.
    table.push(EXPORT_COLUMNS.map((_, index) => (values[index + 1] === undefined || values[index + 1] === null ? '' : String(values[index + 1]))))
  })
  return { table, response, sheet }
}

describe('export of the filtered list', () => {
  const header = EXPORT_COLUMNS.map((column) => column.header)
  const urlColumn = 0
  const titleColumn = header.indexOf('題名')
  const authorColumn = header.indexOf('投稿者')
  const hospitalColumn = header.indexOf('所属')

  test('CSV: UTF-8 with a BOM, CRLF line ends, Japanese headers, the list order, text that cannot become a formula', async () => {
    const { text, table, response } = await csvTable('')
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${header.join(',')}`)
    expect(table[0]).toEqual(header)
    // Every record ends with CRLF; a bare LF occurs only inside a quoted cell (several people, several factors).
    expect(text.match(/\r\n/g)).toHaveLength(table.length)
    // Newest publication first, as the list shows them.
    expect(table.slice(1).map((row) => row[urlColumn])).toEqual([ids.anonymousPhysician, ids.nurseNew, ids.otherHospital].map((id) => `http://localhost:3000/cases/${id}`))
    const anonymous = table[1] ?? []
    expect(anonymous[titleColumn]).toBe("'=口頭指示の聞き違えによる投与量の誤り")
    expect(anonymous[header.indexOf('当事者（職種・経験年数）')]).toBe('医師（10年以上）\n看護師（10年以上）')
    expect(anonymous[header.indexOf('発生年月')]).toBe('2025年2月')
    expect(anonymous[header.indexOf('公開日')]).toBe('2025-03-01')
  })

  test('the filters apply; drafts, hidden cases and anonymous authors never appear (member, author, admin)', async () => {
    for (const cookie of [memberCookie, authorCookie, adminCookie]) {
      const { table } = await csvTable('strength=STRONG', cookie)
      expect(table.slice(1).map((row) => row[titleColumn])).toEqual(['新人看護師による点滴速度の設定誤り'])
      const all = await csvTable('', cookie)
      expect(all.text).not.toContain('秘密事例')
      const anonymous = all.table.find((row) => row[urlColumn]?.endsWith(ids.anonymousPhysician)) ?? []
      expect(anonymous[authorColumn]).toBe(ANONYMOUS_AUTHOR)
      expect(anonymous[hospitalColumn]).toBe('')
      const named = all.table.find((row) => row[urlColumn]?.endsWith(ids.otherHospital)) ?? []
      expect(named[authorColumn]).toBe('公開 太郎')
      expect(named[hospitalColumn]).toBe('公開記念病院')
    }
  })

  test('「自分の投稿」 exports the author’s published cases only, never drafts', async () => {
    const { table } = await csvTable('view=mine', authorCookie)
    expect(table.slice(1).map((row) => row[urlColumn]?.split('/').pop()).sort()).toEqual(sorted(ids.nurseNew, ids.anonymousPhysician))
  })

  test('xlsx: one sheet 「事例」 that Excel reads back with the same rows; a leading 「=」 is a string, not a formula', async () => {
    const { table, response, sheet } = await xlsxTable('profession=NURSE')
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.xlsx"$/)
    expect(table[0]).toEqual(header)
    expect(table.slice(1).map((row) => row[titleColumn])).toEqual(['=口頭指示の聞き違えによる投与量の誤り', '新人看護師による点滴速度の設定誤り'])
    const titleCell = sheet.getRow(2).getCell(titleColumn + 1)
    expect(titleCell.type).toBe(ExcelJS.ValueType.String)
    // The anonymous case's row: neither the author (who signs the other case by name) nor their hospital.
    expect(table[1]?.[authorColumn]).toBe(ANONYMOUS_AUTHOR)
    expect(JSON.stringify(table[1])).not.toContain(AUTHOR_NAME)
    expect(JSON.stringify(table[1])).not.toContain('退出テスト総合病院')
    expect(table[2]?.[authorColumn]).toBe(AUTHOR_NAME)
    expect(sheet.getRow(1).font?.bold).toBe(true)
  })

  test('anonymous visitors: both formats send them to sign in, with no data', async () => {
    expectLoginRedirect(await exportFile('csv', 'profession=NURSE', null), '/cases/export.csv?profession=NURSE')
    expectLoginRedirect(await exportFile('xlsx', '', null), '/cases/export.xlsx')
  })

  test('a deactivated member’s session exports nothing', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    await prisma.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED' } })
    const result = await exportFile('csv', '', cookie)
    expect(result).toBeInstanceOf(Response)
    const response = result as Response
    expect(response.status).not.toBe(200)
    expect(await response.text()).not.toContain('点滴速度')
  })
})
