/**
 * Issue 15: an attacker who is a member of one hospital, can change their own figures, choose ranges and read
 * every number and the loader JSON must not recover another hospital's figures or identity, nor read or change
 * another hospital's data through any benchmark route or parameter. Each describe is one disclosure of the issue;
 * against the code before issue 15 each failed (own hospital in its own peer set, live peer statistics, band from
 * submitted beds, five percentiles at n = 5, funnel volumes to 2 significant figures).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { COUNT_FIELDS, CSV_COLUMNS, type Counts } from '#app/modules/benchmarks/fields.ts'
import { daysInMonth } from '#app/modules/benchmarks/metrics.ts'
import { addMonths, previousPeriod } from '#app/modules/benchmarks/period.ts'
import * as adminRoute from '#app/routes/benchmarks/admin-coverage.tsx'
import * as exportRoute from '#app/routes/benchmarks/export-csv.ts'
import * as importRoute from '#app/routes/benchmarks/import.tsx'
import * as dashboardRoute from '#app/routes/benchmarks/index.tsx'
import * as submitRoute from '#app/routes/benchmarks/submit.tsx'
import { createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { expectResponse, routeArgs as args, type RouteHandler, unwrap } from '#tests/fixtures/routes.ts'

const lastMonth = previousPeriod()
type Dashboard = NonNullable<Awaited<ReturnType<typeof dashboardRoute.loader>>['dashboard']>

/** A consistent month: `reports` reports (all level 0, by nurses, category other), 10 falls under 療養上の世話. */
function month(reports: number, beds = 300, patientDays = 8000): Record<string, string> {
  const values: Record<string, number> = Object.fromEntries(COUNT_FIELDS.map((field) => [field.column, 0]))
  Object.assign(values, { beds, patient_days: patientDays, reports_total: reports, level_0: reports - 10, level_1: 10, by_nurse: reports, cat_care: 10, cat_other: reports - 10, falls: 10 })
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]))
}
const toRow = (hospitalId: string, period: string, form: Record<string, string>) => ({
  hospitalId,
  period,
  ...(Object.fromEntries(COUNT_FIELDS.map((field) => [field.key, Number(form[field.column])])) as Counts),
})

async function hospital(name: string, beds: number) {
  return prisma.hospital.create({ data: { name, prefecture: '愛知県', beds, type: 'GENERAL' } })
}

async function dashboard(cookie: string, from: string, to = from, metric = 'reportsPerBedYear'): Promise<{ json: string; dashboard: Dashboard }> {
  const result = await dashboardRoute.loader(args(makeRequest(`/benchmarks?from=${from}&to=${to}&metric=${metric}`, { cookie })))
  if (!result.dashboard) throw new Error('no dashboard')
  return { json: JSON.stringify(result), dashboard: result.dashboard }
}

/** Every number value anywhere in a JSON text. */
function numbersIn(json: string): number[] {
  const found: number[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'number') found.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(JSON.parse(json))
  return found
}

let own: { id: string }
let attacker: string
let admin: string

beforeAll(async () => {
  own = await hospital('攻撃者の病院', 300)
  const [member, adminUser] = await Promise.all([createUser({ hospitalId: own.id }), createUser({ role: 'ADMIN' })])
  attacker = await sessionCookieFor(member.id)
  admin = await sessionCookieFor(adminUser.id)
})

describe('1. membership: the hospital comes only from the stored membership', () => {
  let a: { id: string }
  let b: { id: string }
  let member: { id: string }
  let cookie: string
  const period = addMonths(lastMonth, -80)
  const B_REPORTS = 7877

  beforeAll(async () => {
    a = await hospital('所属A病院', 250)
    b = await hospital('所属B病院', 260)
    await prisma.benchmarkSubmission.createMany({ data: [toRow(a.id, period, month(100)), toRow(b.id, period, month(B_REPORTS))] })
    member = await createUser({ hospitalId: a.id })
    cookie = await sessionCookieFor(member.id)
  })

  test.each<[string, RouteHandler]>([
    ['/benchmarks', dashboardRoute.loader],
    ['/benchmarks/submit', submitRoute.loader],
    ['/benchmarks/import', importRoute.loader],
    ['/benchmarks/export.csv', exportRoute.loader],
  ])("GET %s?hospital=<B> (and ?_data JSON) is refused, nothing of B's leaks", async (path, loader) => {
    for (const query of [`hospital=${b.id}`, `hospital=${b.id}&_data=routes%2Fbenchmarks`]) {
      const response = expectResponse(await settle(() => loader(args(makeRequest(`${path}?${query}`, { cookie })))), 403)
      expect(await response.text()).not.toContain(String(B_REPORTS))
    }
  })

  test("a form field, a multipart field or a JSON body naming B never reaches B's figures", async () => {
    const before = await prisma.benchmarkSubmission.findMany({ where: { hospitalId: b.id } })
    const form = { ...month(1), period, hospital: b.id }
    expectResponse(await settle(() => submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie, form })))), 403)
    const csv = `${CSV_COLUMNS.join(',')}\n${[period, ...COUNT_FIELDS.map((f) => month(1)[f.column])].join(',')}\n`
    expectResponse(await settle(() => importRoute.action(args(multipartRequest('/benchmarks/import', { cookie, fields: { intent: 'save', csv, hospital: b.id } })))), 403)
    const json = new Request('http://localhost:3000/benchmarks/submit', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...month(1), period, hospital: b.id }),
    })
    const response = expectResponse(await settle(() => submitRoute.action(args(json))), 400)
    expect(await response.text()).toContain('読み取れませんでした')
    expect(await prisma.benchmarkSubmission.findMany({ where: { hospitalId: b.id } })).toEqual(before)
  })

  test('after an admin moves the member to B, the member sees and changes B only, and A no longer', async () => {
    const readsA = await dashboard(cookie, period)
    expect(readsA.json).toContain('所属A病院')
    await prisma.user.update({ where: { id: member.id }, data: { hospitalId: b.id } })
    const readsB = await dashboardRoute.loader(args(makeRequest(`/benchmarks?from=${period}&to=${period}`, { cookie })))
    expect(readsB.hospital?.id).toBe(b.id)
    expect(readsB.dashboard?.summaries.find((s) => s.key === 'reportsPerBedYear')?.own.numerator).toBe(B_REPORTS)
    expect(JSON.stringify(readsB)).not.toContain('所属A病院')
    expectResponse(await settle(() => dashboardRoute.loader(args(makeRequest(`/benchmarks?hospital=${a.id}`, { cookie })))), 403)
    const exported = (await exportRoute.loader(args(makeRequest('/benchmarks/export.csv', { cookie })))) as Response
    const text = await exported.text()
    expect(text).toContain(String(B_REPORTS))
    const saved = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie, form: { ...month(120), period: addMonths(period, 1) } }))))
    expect(saved.data.saved?.status).toBe('created')
    expect(await prisma.benchmarkSubmission.count({ where: { hospitalId: b.id, period: addMonths(period, 1) } })).toBe(1)
    expect(await prisma.benchmarkSubmission.count({ where: { hospitalId: a.id, period: addMonths(period, 1) } })).toBe(0)
  })
})

describe('2. percentiles: 5–9 other hospitals give the median only, ≥ 10 quartiles, ≥ 20 P10/P90', () => {
  const periodFor = (n: number) => addMonths(lastMonth, -40 - n)

  beforeAll(async () => {
    for (const n of [5, 9, 10, 19, 20]) {
      const others = await Promise.all(Array.from({ length: n }, (_, i) => hospital(`分位${n}-${i}`, 310)))
      await prisma.benchmarkSubmission.createMany({
        data: [toRow(own.id, periodFor(n), month(100)), ...others.map((h, i) => toRow(h.id, periodFor(n), month(60 + 7 * i)))],
      })
    }
  })

  test.each([
    [5, { median: true, quartiles: false, deciles: false }],
    [9, { median: true, quartiles: false, deciles: false }],
    [10, { median: true, quartiles: true, deciles: false }],
    [19, { median: true, quartiles: true, deciles: false }],
    [20, { median: true, quartiles: true, deciles: true }],
  ])('%i others', async (n, shown) => {
    const { dashboard: result } = await dashboard(attacker, periodFor(n))
    for (const summary of result.summaries) {
      for (const stats of [summary.band, summary.overall]) {
        expect(stats.suppressed).toBe(false)
        if (stats.suppressed) continue
        expect(stats.hospitals).toBe(n)
        expect(stats.p25 !== null && stats.p75 !== null).toBe(shown.quartiles)
        expect(stats.p10 !== null && stats.p90 !== null).toBe(shown.deciles)
      }
    }
    // With 5 others the published statistics of reports per bed-year are one number: the middle hospital's.
    if (n === 5) {
      const reports = result.summaries.find((s) => s.key === 'reportsPerBedYear')?.band
      // Submitted 300 beds (registered 310): exposure 300 × days ÷ 365.
      const values = [60, 67, 74, 81, 88].map((r) => r / ((300 * daysInMonth(periodFor(5))) / 365))
      const published = reports && !reports.suppressed ? [reports.median, reports.p10, reports.p25, reports.p75, reports.p90].filter((v) => v !== null) : []
      expect(published).toHaveLength(1)
      expect(published[0]).toBeCloseTo(values[2] ?? 0, 10)
    }
  })
})

describe('3. own hospital outside its peer set, peer figures only from the monthly close', () => {
  const period = addMonths(lastMonth, -30)
  let others: { id: string }[]

  beforeAll(async () => {
    others = await Promise.all(Array.from({ length: 6 }, (_, i) => hospital(`差分${i}`, 320)))
    await prisma.benchmarkSubmission.createMany({ data: [toRow(own.id, period, month(100)), ...others.map((h, i) => toRow(h.id, period, month(50 + 11 * i)))] })
  })

  const peerPart = (d: Dashboard) => JSON.stringify({ summaries: d.summaries.map((s) => ({ band: s.band, overall: s.overall })), funnel: { ...d.funnel, own: null, curve: d.funnel.curve.length } })

  test('setting its own figures to 0 and then to a huge value and re-reading changes no peer figure', async () => {
    const first = await dashboard(attacker, period)
    expect(first.dashboard.summaries[0]?.band).toMatchObject({ hospitals: 6 })
    for (const reports of [10, 5000]) {
      const saved = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: attacker, form: { ...month(reports), period } }))))
      expect(saved.data.saved?.status).toBe('corrected')
      const again = await dashboard(attacker, period)
      expect(peerPart(again.dashboard)).toBe(peerPart(first.dashboard))
      expect(again.dashboard.summaries[0]?.own.numerator).toBe(reports)
    }
  })

  test("another hospital's correction after the close does not reach the peer figures either", async () => {
    const before = await dashboard(attacker, period)
    await prisma.benchmarkSubmission.update({ where: { hospitalId_period: { hospitalId: others[0]?.id ?? '', period } }, data: { reportsTotal: 9999, level0: 9989 } })
    const after = await dashboard(attacker, period)
    expect(peerPart(after.dashboard)).toBe(peerPart(before.dashboard))
  })

  test('an open month shows no peer figures; an admin may close it early (audited, once); members may not', async () => {
    // last month closes on the 15th of this month; before it, or if an earlier test run closed it, check the route.
    const open = addMonths(lastMonth, 0)
    const closed = await prisma.benchmarkClose.findUnique({ where: { period: open } })
    if (!closed) {
      await prisma.benchmarkSubmission.createMany({ data: others.map((h) => toRow(h.id, open, month(70))), skipDuplicates: true })
      const before = await dashboard(attacker, open)
      expect(before.dashboard.closedMonths).toBe(0)
      expect(before.dashboard.summaries[0]?.overall).toMatchObject({ suppressed: true, hospitals: 0 })
      expectResponse(await settle(() => adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: attacker, form: { intent: 'close', period: open } })))), 403)
      const result = unwrap(await adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: admin, form: { intent: 'close', period: open } }))))
      expect(result.data.closedNow).toMatchObject({ ok: true, period: open })
      expect(await prisma.auditEvent.count({ where: { action: 'benchmark.month-closed' } })).toBe(1)
      const after = await dashboard(attacker, open)
      expect(after.dashboard.closedMonths).toBe(1)
      expect(after.dashboard.summaries[0]?.overall).toMatchObject({ suppressed: false, hospitals: 6 })
    }
    const twice = unwrap(await adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: admin, form: { intent: 'close', period: open } }))))
    expect(twice.status).toBe(400)
    expect(twice.data.closedNow).toMatchObject({ ok: false })
    const current = unwrap(await adminRoute.action(args(makeRequest('/admin/benchmarks', { cookie: admin, form: { intent: 'close', period: addMonths(lastMonth, 1) } }))))
    expect(current.data.closedNow).toMatchObject({ ok: false, message: expect.stringContaining('前月まで') })
  })
})

describe('4. the size band comes from the registered beds, never from submitted figures', () => {
  const period = addMonths(lastMonth, -20)

  beforeAll(async () => {
    const small = await Promise.all(Array.from({ length: 5 }, (_, i) => hospital(`小規模${i}`, 120)))
    const medium = await Promise.all(Array.from({ length: 5 }, (_, i) => hospital(`中規模${i}`, 330)))
    await prisma.benchmarkSubmission.createMany({
      data: [...small.map((h, i) => toRow(h.id, period, month(30 + i, 120))), ...medium.map((h, i) => toRow(h.id, period, month(90 + i, 330)))],
    })
  })

  test('submitting 150 beds does not move a 300-bed hospital into 「200床未満」; an admin changing the registered beds does', async () => {
    const saved = unwrap(await submitRoute.action(args(makeRequest('/benchmarks/submit', { cookie: attacker, form: { ...month(100, 150), period } }))))
    expect(saved.data.saved?.status).toBe('created')
    const result = await dashboard(attacker, period)
    expect(result.dashboard.band).toBe('medium')
    expect(result.dashboard.registeredBeds).toBe(300)
    // The five 330-bed hospitals (and the 310/320-bed ones of other tests have no data this month).
    expect(result.dashboard.summaries[0]?.band).toMatchObject({ hospitals: 5 })
    await prisma.hospital.update({ where: { id: own.id }, data: { beds: 150 } })
    try {
      expect((await dashboard(attacker, period)).dashboard.band).toBe('small')
    } finally {
      await prisma.hospital.update({ where: { id: own.id }, data: { beds: 300 } })
    }
  })
})

describe("5. the funnel carries no other hospital's identity, bed count or precise volume", () => {
  const from = addMonths(lastMonth, -100)
  const to = addMonths(lastMonth, -89)
  // None of the exact volumes rounds to a 1–2–5 number (a bin edge is public, not a hospital's volume).
  const BEDS = [64, 137, 367, 512, 868, 941]
  let peers: { id: string; name: string; beds: number }[]

  beforeAll(async () => {
    peers = await Promise.all(BEDS.map((beds, i) => hospital(`漏えい確認${i}`, beds)))
    const months = Array.from({ length: 12 }, (_, i) => addMonths(from, i))
    await prisma.benchmarkSubmission.createMany({
      data: [
        ...months.map((period) => toRow(own.id, period, month(100))),
        ...peers.flatMap((h) => months.map((period) => toRow(h.id, period, month(Math.round(h.beds / 3), h.beds, h.beds * 25)))),
      ],
    })
  })

  test.each(['reportsPerBedYear', 'fallsPer1000', 'physicianShare'])('%s: volumes only as 1–2–5 bins, no names, ids or exact volumes', async (metric) => {
    const { json, dashboard: result } = await dashboard(attacker, from, to, metric)
    for (const peer of peers) {
      expect(json).not.toContain(peer.name)
      expect(json).not.toContain(peer.id)
    }
    expect(result.funnel.suppressed).toBe(false)
    expect(result.funnel.peers).toHaveLength(6)
    const numbers = new Set(numbersIn(json))
    for (const peer of peers) {
      // Over a year the bed-year volume is the bed count; patient-days 25 × beds a month; reports beds ÷ 3 a month.
      const exact = { reportsPerBedYear: peer.beds, fallsPer1000: peer.beds * 25 * 12, physicianShare: Math.round(peer.beds / 3) * 12 }[metric] ?? 0
      expect(numbers.has(peer.beds)).toBe(false)
      expect(numbers.has(exact)).toBe(false)
      expect(numbers.has(Number(exact.toPrecision(2)))).toBe(false)
    }
    for (const point of result.funnel.peers) {
      expect(Math.abs(point.volume / Math.sqrt(point.bin.from * point.bin.to) - 1)).toBeLessThan(1e-5)
      expect([1, 2, 5]).toContain(Number((point.bin.from / 10 ** Math.floor(Math.log10(point.bin.from))).toPrecision(1)))
    }
    // Six hospitals from 64 to 941 beds share four bins.
    if (metric === 'reportsPerBedYear') expect(new Set(result.funnel.peers.map((p) => p.bin.from)).size).toBeLessThanOrEqual(4)
  })
})
