import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { COUNT_FIELDS, CSV_COLUMNS } from '#app/modules/benchmarks/fields.ts'
import { daysInMonth } from '#app/modules/benchmarks/metrics.ts'
import { addMonths, previousPeriod } from '#app/modules/benchmarks/period.ts'
import * as adminRoute from '#app/routes/benchmarks/admin-coverage.tsx'
import * as exportRoute from '#app/routes/benchmarks/export-csv.ts'
import * as importRoute from '#app/routes/benchmarks/import.tsx'
import * as dashboardRoute from '#app/routes/benchmarks/index.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as submitRoute from '#app/routes/benchmarks/submit.tsx'
import * as templateRoute from '#app/routes/benchmarks/template-csv.ts'
import { createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { expectLoginRedirect, expectResponse, routeArgs, type RouteHandler, unwrap } from '#tests/fixtures/routes.ts'

const args = routeArgs
const lastMonth = previousPeriod()

/** A consistent month: 100 reports split evenly enough, scaled by `k`. */
function month(k = 1, overrides: Record<string, number> = {}): Record<string, string> {
  const base: Record<string, number> = {
    beds: 300,
    patient_days: 8000,
    reports_total: 100 * k,
    level_0: 20 * k,
    level_1: 50 * k,
    level_2: 20 * k,
    level_3a: 7 * k,
    level_3b: 2 * k,
    level_4a: 0,
    level_4b: 0,
    level_5: 0,
    level_other: 1 * k,
    by_physician: 6 * k,
    by_nurse: 80 * k,
    by_pharmacist: 8 * k,
    by_ce: 1 * k,
    by_radiology: 2 * k,
    by_lab: 2 * k,
    by_other: 1 * k,
    cat_medication: 30 * k,
    cat_transfusion: 1 * k,
    cat_treatment: 10 * k,
    cat_device: 5 * k,
    cat_drain_tube: 15 * k,
    cat_test: 9 * k,
    cat_care: 25 * k,
    cat_other: 5 * k,
    falls: 20,
    falls_injury: 1,
    ...overrides,
  }
  return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, String(value)]))
}

function toCounts(form: Record<string, string>) {
  return Object.fromEntries(COUNT_FIELDS.map((field) => [field.key, Number(form[field.column])])) as Record<(typeof COUNT_FIELDS)[number]['key'], number>
}

function csvLine(period: string, form: Record<string, string>) {
  return [period, ...COUNT_FIELDS.map((field) => form[field.column])].join(',')
}

function uploadRequest(path: string, cookie: string, fields: Record<string, string>, file?: { name: string; text: string }) {
  return multipartRequest(path, { cookie, fields, files: file ? [{ name: file.name, bytes: file.text, type: 'text/csv', field: 'file' }] : [] })
}

// Own hospital "A" and five peers in the same bed band (200–499), each with distinctive numbers.
const PEER_NAME = '匿名でなければならない病院'
const PEER_REPORTS = 7919 // a number that must never reach another hospital's page
const PEER_PATIENT_DAYS = 123457
let fx: {
  hospitalA: { id: string; name: string }
  hospitalB: { id: string; name: string }
  memberA: string
  memberB: string
  noHospital: string
  admin: string
  memberAEmail: string
  memberBEmail: string
}

beforeAll(async () => {
  const mk = (name: string, beds = 300) => prisma.hospital.create({ data: { name, prefecture: '愛知県', beds, type: 'GENERAL' } })
  const hospitalA = await mk('自院テスト病院')
  const hospitalB = await mk(PEER_NAME)
  const others = await Promise.all([1, 2, 3, 4].map((i) => mk(`比較用病院${i}`)))
  // Months whose close is always due (the 15th rule closes last month − 1 at the latest), plus last month for A.
  const periods = [addMonths(lastMonth, -3), addMonths(lastMonth, -2)]
  const rows = [
    ...[...periods, lastMonth].map((period) => ({ hospitalId: hospitalA.id, period, ...toCounts(month(1)) })),
    ...periods.map((period) => ({ hospitalId: hospitalB.id, period, ...toCounts(month(1)), reportsTotal: PEER_REPORTS, level1: PEER_REPORTS - 50, byNurse: PEER_REPORTS - 20, catCare: PEER_REPORTS - 75, patientDays: PEER_PATIENT_DAYS })),
    ...others.flatMap((hospital, i) => periods.map((period) => ({ hospitalId: hospital.id, period, ...toCounts(month(i + 2)) }))),
  ]
  await prisma.benchmarkSubmission.createMany({ data: rows })
  const [a, b, none, admin] = await Promise.all([
    createUser({ hospitalId: hospitalA.id }),
    createUser({ hospitalId: hospitalB.id }),
    createUser(),
    createUser({ role: 'ADMIN' }),
  ])
  fx = {
    hospitalA,
    hospitalB,
    memberA: await sessionCookieFor(a.id),
    memberB: await sessionCookieFor(b.id),
    noHospital: await sessionCookieFor(none.id),
    admin: await sessionCookieFor(admin.id),
    memberAEmail: a.email,
    memberBEmail: b.email,
  }
})

describe('anonymous visitors are sent to /login', () => {
  test.each<[string, RouteHandler]>([
    ['/benchmarks', dashboardRoute.loader],
    ['/benchmarks/submit', submitRoute.loader],
    ['/benchmarks/import', importRoute.loader],
    ['/benchmarks/template.csv', templateRoute.loader],
    ['/benchmarks/export.csv', exportRoute.loader],
    ['/admin/benchmarks', adminRoute.loader],
  ])('GET %s', async (path, loader) => {
    expectLoginRedirect(await settle(() => loader(args(makeRequest(path)))), path)
  })

  test.each<[string, RouteHandler]>([
    ['/benchmarks/submit', submitRoute.action],
    ['/benchmarks/import', importRoute.action],
    ['/admin/benchmarks', adminRoute.action],
  ])('POST %s', async (path, action) => {
    expectLoginRedirect(await settle(() => action(args(makeRequest(path, { form: { period: lastMonth, intent: 'remind' } })))), path)
    expect(await prisma.benchmarkRevision.count()).toBe(0)
  })
})

describe('a member of another hospital is refused everywhere, and nothing changes', () => {
  test.each<[string, RouteHandler]>([
    ['/benchmarks', dashboardRoute.loader],
    ['/benchmarks/submit', submitRoute.loader],
    ['/benchmarks/import', importRoute.loader],
    ['/benchmarks/export.csv', exportRoute.loader],
  ])('GET %s?hospital=<other> → 403', async (path, loader) => {
    const response = expectResponse(await settle(() => loader(args(makeRequest(`${path}?hospital=${fx.hospitalB.id}`, { cookie: fx.memberA })))), 403)
    expect(await response.text()).not.toContain(PEER_NAME)
  })

  test('POST submit for another hospital → 403, nothing saved', async () => {
    const before = await prisma.benchmarkSubmission.count()
    const form = { ...month(1), period: lastMonth, hospital: fx.hospitalB.id }
    expectResponse(await settle(() => submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form })))), 403)
    expect(await prisma.benchmarkSubmission.count()).toBe(before)
  })

  test('POST import for another hospital → 403, nothing saved', async () => {
    const before = await prisma.benchmarkSubmission.count()
    const csv = `${CSV_COLUMNS.join(',')}\n${csvLine(lastMonth, month(1))}\n`
    const request = uploadRequest('/benchmarks/import', fx.memberA, { intent: 'save', csv, hospital: fx.hospitalB.id })
    expectResponse(await settle(() => importRoute.action(args(request))), 403)
    expect(await prisma.benchmarkSubmission.count()).toBe(before)
  })

  test('members cannot open the admin coverage page or send reminders', async () => {
    expectResponse(await settle(() => adminRoute.loader(args(makeRequest('/admin/benchmarks', { cookie: fx.memberA })))), 403)
    expectResponse(await settle(() => adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: fx.memberA, form: { intent: 'remind' } })))), 403)
    expect(await mailsTo(fx.memberBEmail)).toHaveLength(0)
  })
})

describe('dashboard: peers are anonymous', () => {
  test("the loader data carries no other hospital's name, id or submitted counts", async () => {
    const result = await dashboardRoute.loader(args(makeRequest('/benchmarks', { cookie: fx.memberA })))
    const json = JSON.stringify(result)
    expect(result.hospital?.name).toBe('自院テスト病院')
    expect(result.hospitals).toEqual([])
    for (const secret of [PEER_NAME, fx.hospitalB.id, '比較用病院', String(PEER_REPORTS), String(PEER_REPORTS * 2), String(PEER_PATIENT_DAYS), String(PEER_PATIENT_DAYS * 2)]) {
      expect(json).not.toContain(secret)
    }
    const dashboard = result.dashboard
    expect(dashboard?.monthsSubmitted).toBe(3)
    const reports = dashboard?.summaries.find((s) => s.key === 'reportsPerBedYear')
    // own: 300 reports over 300 beds × (days of the three months) bed-days ÷ 365
    const days = [addMonths(lastMonth, -3), addMonths(lastMonth, -2), lastMonth].reduce((sum, period) => sum + daysInMonth(period), 0)
    expect(reports?.own.denominator).toBeCloseTo((300 * days) / 365, 10)
    expect(reports?.own.value).toBeCloseTo(300 / ((300 * days) / 365), 10)
    // The five other hospitals, never the own one: the median only.
    expect(reports?.band).toMatchObject({ suppressed: false, hospitals: 5, p25: null, p10: null })
    expect(dashboard?.funnel.peers).toHaveLength(5)
    expect(dashboard?.funnel.peers.every((peer) => Object.keys(peer).sort().join() === 'bin,lowExpected,value,volume,zone')).toBe(true)
  })

  test('fewer than 5 hospitals: no peer statistics, no funnel (比較対象が不足)', async () => {
    // A range where only the own hospital and one peer have data.
    const old = addMonths(lastMonth, -30)
    await prisma.benchmarkSubmission.createMany({
      data: [fx.hospitalA.id, fx.hospitalB.id].map((hospitalId) => ({ hospitalId, period: old, ...toCounts(month(1)) })),
    })
    const result = await dashboardRoute.loader(args(makeRequest(`/benchmarks?from=${old}&to=${old}`, { cookie: fx.memberA })))
    for (const summary of result.dashboard?.summaries ?? []) {
      expect(summary.band).toEqual({ suppressed: true, hospitals: 1 })
      expect(summary.overall).toEqual({ suppressed: true, hospitals: 1 })
    }
    expect(result.dashboard?.funnel).toMatchObject({ suppressed: true, peers: [], curve: [] })
  })

  test('a member without a hospital gets the page with a message, not an error; saving is refused', async () => {
    const result = await dashboardRoute.loader(args(makeRequest('/benchmarks', { cookie: fx.noHospital })))
    expect(result.hospital).toBeNull()
    expect(result.dashboard).toBeNull()
    expectResponse(await settle(() => submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.noHospital, form: { ...month(1), period: lastMonth } })))), 400)
    expectResponse(await settle(() => exportRoute.loader(args(makeRequest('/benchmarks/export.csv', { cookie: fx.noHospital })))), 400)
  })

  test('admins choose any hospital and see the list to choose from', async () => {
    const result = await dashboardRoute.loader(args(makeRequest(`/benchmarks?hospital=${fx.hospitalB.id}`, { cookie: fx.admin })))
    expect(result.hospital?.name).toBe(PEER_NAME)
    expect(result.canChooseHospital).toBe(true)
    expect(result.hospitals.length).toBeGreaterThanOrEqual(6)
    expectResponse(await settle(() => dashboardRoute.loader(args(makeRequest('/benchmarks?hospital=nope', { cookie: fx.admin })))), 404)
  })
})

describe('submitting and correcting a month', () => {
  const period = addMonths(lastMonth, -6)

  test('field-level Japanese messages, the breakdown and the difference named, everything typed kept', async () => {
    const form = { ...month(1, { level_1: 53, beds: -1 }), period, by_nurse: '８０' }
    const { status, data } = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form }))))
    expect(status).toBe(400)
    expect(data.errors.levels).toBe('影響度レベル別の内訳の合計（103件）が報告総数（100件）より3件多くなっています')
    expect(data.errors.beds).toContain('0以上の整数')
    expect(data.errors.professions).toBeUndefined() // full-width digits are accepted
    expect(data.values.level_1).toBe('53')
    expect(data.values.beds).toBe('-1')
    expect(await prisma.benchmarkSubmission.count({ where: { period } })).toBe(0)
  })

  test('a member submits for their hospital; a correction keeps who, when and old → new', async () => {
    const first = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form: { ...month(1), period } }))))
    expect(first.data.saved).toMatchObject({ status: 'created', period })
    const corrected = { ...month(1, { falls: 25, falls_injury: 2 }), period }
    const second = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form: corrected }))))
    expect(second.data.saved).toMatchObject({ status: 'corrected', changes: 2 })
    const again = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form: corrected }))))
    expect(again.data.saved).toMatchObject({ status: 'unchanged' })

    const page = await submitRoute.loader(args(makeRequest(`/benchmarks/submit?period=${period}`, { cookie: fx.memberA })))
    expect(page.current?.falls).toBe(25)
    expect(page.history).toHaveLength(2)
    expect(page.history[0]?.changes).toEqual([
      { field: 'falls', label: '入院患者の転倒・転落', from: 20, to: 25 },
      { field: 'fallsInjury', label: 'うちレベル3b以上の転倒・転落', from: 1, to: 2 },
    ])
    expect(page.history[0]?.by).toMatch(/テスト 会員/)
    expect(await prisma.auditEvent.count({ where: { action: { in: ['benchmark.submitted', 'benchmark.corrected'] }, targetId: fx.hospitalA.id } })).toBe(2)
  })

  test('an admin submits for a chosen hospital', async () => {
    const form = { ...month(1), period, hospital: fx.hospitalB.id }
    const result = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.admin, form }))))
    expect(result.data.saved).toMatchObject({ status: 'created' })
    expect(await prisma.benchmarkSubmission.count({ where: { hospitalId: fx.hospitalB.id, period } })).toBe(1)
  })
})

describe('two members save the same new month at once', () => {
  test('one creates it, the other corrects it: no error, both changes in the history', async () => {
    const period = addMonths(lastMonth, -14)
    const forms = [month(1), month(1, { falls: 24 })].map((form) => ({ ...form, period }))
    const results = await Promise.all(forms.map((form) => submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form })))))
    const statuses = results.map((result) => unwrap(result)).map(({ status, data }) => [status, data.saved?.status])
    expect(statuses.map(([status]) => status)).toEqual([200, 200])
    expect(statuses.map(([, saved]) => saved).sort()).toEqual(['corrected', 'created'])
    const stored = await prisma.benchmarkSubmission.findMany({ where: { hospitalId: fx.hospitalA.id, period }, include: { revisions: true } })
    expect(stored).toHaveLength(1)
    expect(stored[0]?.revisions).toHaveLength(2)
  })
})

describe('CSV import', () => {
  const header = CSV_COLUMNS.join(',')
  const p1 = addMonths(lastMonth, -10)
  const p2 = addMonths(lastMonth, -9)

  test('broken rows: every row is previewed with its errors and nothing is saved', async () => {
    const text = `${header}\n${csvLine(p1, month(1))}\n${csvLine(p2, month(1, { reports_total: 99 }))}\n${csvLine('2025/04', month(1))}\n`
    const result = unwrap(await importRoute.action(args(uploadRequest('/benchmarks/import', fx.memberA, { intent: 'preview' }, { name: 'data.csv', text }))))
    expect(result.status).toBe(400)
    const rows = result.data.preview?.rows ?? []
    expect(rows.map((row) => row.status)).toEqual(['new', 'error', 'error'])
    expect(rows[1]?.messages.join()).toContain('報告総数（99件）より1件多く')
    expect(rows[2]?.messages.join()).toContain('YYYY-MM')
    expect(await prisma.benchmarkSubmission.count({ where: { period: { in: [p1, p2] } } })).toBe(0)
    // A save with the same broken text is refused too.
    const save = unwrap(await importRoute.action(args(uploadRequest('/benchmarks/import', fx.memberA, { intent: 'save', csv: text }))))
    expect(save.data.imported).toBeNull()
    expect(await prisma.benchmarkSubmission.count({ where: { period: { in: [p1, p2] } } })).toBe(0)
  })

  test('wrong headers are explained', async () => {
    const text = `${header.replace('falls_injury', 'injurious_falls')}\n${csvLine(p1, month(1))}\n`
    const result = unwrap(await importRoute.action(args(uploadRequest('/benchmarks/import', fx.memberA, { intent: 'preview' }, { name: 'data.csv', text }))))
    expect(result.data.preview?.fileErrors.join()).toContain('次の列がありません: falls_injury')
    expect(result.data.preview?.fileErrors.join()).toContain('使えない列があります: injurious_falls')
  })

  test('a file in Shift_JIS is refused with a hint', async () => {
    const request = new Request('http://localhost:3000/benchmarks/import', {
      method: 'POST',
      headers: { Cookie: fx.memberA },
      body: (() => {
        const body = new FormData()
        body.append('intent', 'preview')
        body.append('file', new File([new Uint8Array([0x70, 0x65, 0x72, 0x69, 0x6f, 0x64, 0x0a, 0x82, 0xa0])], 'sjis.csv'))
        return body
      })(),
    })
    const result = unwrap(await importRoute.action(args(request)))
    expect(result.data.preview?.fileErrors.join()).toContain('UTF-8')
  })

  test('with a BOM: preview says new/replace, saving replaces the period in one go with csv history', async () => {
    await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: fx.memberA, form: { ...month(1), period: p1 } })))
    const text = `\uFEFF${header}\r\n${csvLine(p1, month(2))}\r\n${csvLine(p2, month(1))}\r\n`
    const preview = unwrap(await importRoute.action(args(uploadRequest('/benchmarks/import', fx.memberA, { intent: 'preview' }, { name: 'excel.csv', text }))))
    expect(preview.status).toBe(200)
    expect(preview.data.preview?.rows.map((row) => row.status)).toEqual(['replace', 'new'])
    expect((await prisma.benchmarkSubmission.findFirstOrThrow({ where: { hospitalId: fx.hospitalA.id, period: p1 } })).reportsTotal).toBe(100)

    const saved = unwrap(await importRoute.action(args(uploadRequest('/benchmarks/import', fx.memberA, { intent: 'save', csv: preview.data.preview?.csv ?? '' }))))
    expect(saved.data.imported).toEqual({ months: 2, created: 1, corrected: 1, unchanged: 0 })
    const replaced = await prisma.benchmarkSubmission.findFirstOrThrow({ where: { hospitalId: fx.hospitalA.id, period: p1 }, include: { revisions: { orderBy: { createdAt: 'asc' } } } })
    expect(replaced.reportsTotal).toBe(200)
    expect(replaced.revisions.map((revision) => revision.source)).toEqual(['form', 'csv'])
    expect(await prisma.auditEvent.count({ where: { action: 'benchmark.imported' } })).toBe(1)
  })
})

/** The body after checking it starts with the UTF-8 BOM (Response.text() would drop it silently). */
async function withBom(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return new TextDecoder('utf-8').decode(bytes.slice(3))
}

describe('downloads', () => {
  test("export: the member's own hospital only, BOM, same columns plus metric columns", async () => {
    const response = (await exportRoute.loader(args(makeRequest('/benchmarks/export.csv', { cookie: fx.memberA })))) as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toContain('attachment')
    const text = await withBom(response)
    const [head, ...rows] = text.trim().split('\r\n')
    expect(head?.startsWith(`${CSV_COLUMNS.join(',')},reports_per_bed_year,physician_share`)).toBe(true)
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(text).not.toContain(String(PEER_REPORTS))
    // month(1): 100 reports, 300 beds → 4 per bed-year; physician 6/100 → 0.06
    // April-length months: 100 ÷ (300 × 30 ÷ 365) = 4.055556; 31 days: 3.924731; 28 days: 4.345238 (bed-days ÷ 365)
    const perBedYear = Number((100 / ((300 * daysInMonth(lastMonth)) / 365)).toFixed(6))
    expect(rows.some((row) => row.startsWith(lastMonth) && row.endsWith(`,${perBedYear},0.06,0.02,2.5,0.125,0.3`))).toBe(true)
  })

  test('admins export a chosen hospital; the template is the header row', async () => {
    const response = (await exportRoute.loader(args(makeRequest(`/benchmarks/export.csv?hospital=${fx.hospitalB.id}`, { cookie: fx.admin })))) as Response
    expect(await response.text()).toContain(String(PEER_REPORTS))
    const template = (await templateRoute.loader(args(makeRequest('/benchmarks/template.csv', { cookie: fx.memberA })))) as Response
    expect((await withBom(template)).trim()).toBe(CSV_COLUMNS.join(','))
  })
})

describe('admin coverage and reminders', () => {
  test('coverage by hospital and month; reminders go to active members of hospitals missing last month', async () => {
    // Hospital A's fixture months include last month.
    const page = await adminRoute.loader(args(makeRequest('/admin/benchmarks', { cookie: fx.admin })))
    expect(page.lastMonth).toBe(lastMonth)
    expect(page.periods).toHaveLength(12)
    expect(page.rows.find((row) => row.id === fx.hospitalA.id)?.missedLastMonth).toBe(false)
    expect(page.rows.find((row) => row.id === fx.hospitalB.id)?.missedLastMonth).toBe(true)

    const result = unwrap(await adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: fx.admin, form: { intent: 'remind' } }))))
    expect(result.data.reminded?.mails).toBe(1)
    expect(result.data.reminded?.withoutMembers).toHaveLength(4)
    const [mail] = await mailsTo(fx.memberBEmail)
    expect(mail?.subject).toContain('ベンチマークデータのご提出のお願い')
    expect(mail?.text).toContain(`/benchmarks/submit?period=${lastMonth}`)
    expect(await mailsTo(fx.memberAEmail)).toHaveLength(0)
  })
})

describe('/home', () => {
  test("a member sees whether their hospital sent last month's figures; a member without a hospital sees nothing", async () => {
    const home = async (cookie: string) => (await homeRoute.loader(args(makeRequest('/home', { cookie })))) as Awaited<ReturnType<typeof homeRoute.loader>>
    // Hospital A's fixture months end with last month.
    expect((await home(fx.memberA)).benchmark).toEqual({ period: lastMonth, submitted: true })
    await prisma.benchmarkSubmission.deleteMany({ where: { hospitalId: fx.hospitalA.id, period: lastMonth } })
    expect((await home(fx.memberA)).benchmark).toEqual({ period: lastMonth, submitted: false })
    expect((await home(fx.noHospital)).benchmark).toBeNull()
  })
})
