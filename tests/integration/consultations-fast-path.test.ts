/**
 * Issue 16: the 緊急 fast path (three fields), completing the rest in the thread (intent "details") with its
 * access matrix, the hospital's 報告義務対象医療機関 flag asked once, the duties shown for the saved answers,
 * and the member's list ordered by urgency, then age.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import * as hospitalEditRoute from '#app/routes/admin/hospital-edit.tsx'
import * as detailRoute from '#app/routes/consultations/detail.tsx'
import * as indexRoute from '#app/routes/consultations/index.tsx'
import * as newRoute from '#app/routes/consultations/new.tsx'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createConsultation, outcome } from '#tests/fixtures/consultations.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { routeArgs as args } from '#tests/fixtures/routes.ts'

const FAST = { intent: 'submit', urgency: 'EMERGENCY', subject: '術後急変で死亡、報告の要否', contactPhone: '090-1111-2222' }

type Who = 'anonymous' | 'requester' | 'colleague' | 'outsider' | 'consultant' | 'admin'

const fx = {} as { hospitalId: string; cookies: Record<Who, string>; ids: Record<Exclude<Who, 'anonymous'>, string> }

beforeAll(async () => {
  const hospital = await createHospital()
  const elsewhere = await createHospital()
  const users = {
    requester: await createUser({ hospitalId: hospital.id }),
    colleague: await createUser({ hospitalId: hospital.id }),
    outsider: await createUser({ hospitalId: elsewhere.id }),
    consultant: await createUser({ role: 'CONSULTANT' }),
    admin: await createUser({ role: 'ADMIN' }),
  }
  await prisma.consultationOnCall.create({ data: { userId: users.consultant.id } })
  fx.hospitalId = hospital.id
  fx.ids = { requester: users.requester.id, colleague: users.colleague.id, outsider: users.outsider.id, consultant: users.consultant.id, admin: users.admin.id }
  fx.cookies = { anonymous: '' } as Record<Who, string>
  for (const who of Object.keys(users) as Exclude<Who, 'anonymous'>[]) fx.cookies[who] = await sessionCookieFor(users[who].id)
})

const submit = async (cookie: string, form: Record<string, string>) => outcome(await settle(() => newRoute.action(args(makeRequest('/consultations/new', { cookie, form })))))
const post = async (id: string, who: Who, fields: Record<string, string>) =>
  outcome(await settle(() => detailRoute.action(args(multipartRequest(`/consultations/${id}`, { cookie: fx.cookies[who], fields }), { id }))))
const thread = async (id: string, who: Who) => outcome(await settle(() => detailRoute.loader(args(makeRequest(`/consultations/${id}`, { cookie: fx.cookies[who] }), { id }))))
const idFrom = (location: string | null) => location?.split('/')[2]?.split('?')[0] ?? ''

describe('sending a 緊急 request with three fields', () => {
  test('urgency, a one-line subject and a 24-hour phone are enough; the on-call consultant is mailed at once', async () => {
    const sent = await submit(fx.cookies.requester, FAST)
    expect(sent.status).toBe(302)
    const id = idFrom(sent.location)
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ status: 'SUBMITTED', urgency: 'EMERGENCY', subject: FAST.subject, contactPhone: FAST.contactPhone, summary: '', outcome: null })
    const mail = (await mailsTo((await prisma.user.findUniqueOrThrow({ where: { id: fx.ids.consultant } })).email)).at(-1)
    expect(mail?.subject).toBe('【QSO Hub】危機管理相談が届きました（緊急）')
    expect(mail?.text).toContain(`/consultations/${id}`)
    expect(mail?.text).not.toContain(FAST.subject)
  })

  test.each([
    ['no phone', { ...FAST, contactPhone: '' }, ['24時間つながる電話番号を入力してください'], ['事象の概要を入力してください']],
    ['no subject', { ...FAST, subject: '' }, ['件名（一行の要約）を入力してください'], ['判断が必要な事項を入力してください']],
    ['至急 with three fields', { ...FAST, urgency: 'URGENT' }, ['事象の概要を入力してください', '患者の転帰を選んでください', '判断が必要な事項を入力してください'], []],
  ])('%s is refused beside the field, and what was typed is kept', async (_name, form, messages, absent) => {
    const before = await prisma.consultation.count({ where: { status: 'SUBMITTED' } })
    const result = await submit(fx.cookies.requester, form)
    expect(result.status).toBe(400)
    const body = JSON.stringify(result.body)
    for (const message of messages) expect(body).toContain(message)
    for (const message of absent) expect(body).not.toContain(message)
    if (form.subject) expect(body).toContain(form.subject)
    expect(await prisma.consultation.count({ where: { status: 'SUBMITTED' } })).toBe(before)
  })

  test('a subject with a patient identifier is refused before anything is sent', async () => {
    const result = await submit(fx.cookies.requester, { ...FAST, subject: '患者ID 12345678 の急変' })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body)).toContain('件名')
  })
})

describe('completing the request in the thread', () => {
  test('the thread lists what is missing; the requester fills it in; only empty fields are written; duties follow', async () => {
    const id = idFrom((await submit(fx.cookies.requester, FAST)).location)
    const first = await thread(id, 'requester')
    const missing = (first.body as { missing: { field: string }[] }).missing.map((entry) => entry.field)
    expect(missing).toEqual(expect.arrayContaining(['decisionPending', 'summary', 'impactLevel', 'outcome', 'centreReport', 'policeReport', 'expertiseWanted']))
    expect(missing).not.toContain('subject')
    expect(missing).not.toContain('contactPhone')
    expect((first.body as { askJqObligation: boolean }).askJqObligation).toBe(true)

    const filled = await post(id, 'requester', {
      intent: 'details',
      outcome: 'DEATH',
      impactLevel: '5',
      unanticipated: 'YES',
      // Already given: must not be overwritten from the thread.
      contactPhone: '000-0000-0000',
      subject: '書き換え',
      hospitalJqObliged: 'YES',
    })
    expect(filled.status).toBe(200)
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ outcome: 'DEATH', impactLevel: '5', unanticipated: 'YES', contactPhone: FAST.contactPhone, subject: FAST.subject, urgency: 'EMERGENCY' })
    expect((await prisma.hospital.findUniqueOrThrow({ where: { id: fx.hospitalId } })).jqReportObliged).toBe(true)

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'consultation.details-completed', targetId: id } })
    expect(audit.details).toEqual({ fields: ['impactLevel', 'outcome', 'unanticipated'] })

    const after = await thread(id, 'consultant')
    const body = after.body as { missing: { field: string }[]; obligation: boolean | null }
    expect(body.missing.map((entry) => entry.field)).not.toContain('outcome')
    expect(body.obligation).toBe(true)
  })

  test('an identifier typed into a missing field is refused and nothing is written', async () => {
    const id = idFrom((await submit(fx.cookies.requester, FAST)).location)
    const result = await post(id, 'requester', { intent: 'details', summary: '患者ID 12345678 が急変した' })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body)).toContain('患者ID 12345678 が急変した')
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).summary).toBe('')
  })

  test('a bad choice gets a Japanese message beside the field', async () => {
    const id = idFrom((await submit(fx.cookies.requester, FAST)).location)
    const result = await post(id, 'requester', { intent: 'details', outcome: 'ZOMBIE', summary: '残す概要' })
    expect(result.status).toBe(400)
    const body = JSON.stringify(result.body)
    expect(body).toContain('患者の転帰を選んでください')
    expect(body).toContain('残す概要')
  })

  test.each<[Who, number]>([
    ['anonymous', 302],
    ['colleague', 404],
    ['outsider', 404],
    ['consultant', 403],
    ['admin', 403],
    ['requester', 200],
  ])('details from %s → %i', async (who, status) => {
    const { id } = await createConsultation(fx.ids.requester, { urgency: 'EMERGENCY', hospitalId: fx.hospitalId })
    const result = await post(id, who, { intent: 'details', summary: `${who}が書いた概要` })
    expect(result.status).toBe(status)
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id } })
    // createConsultation fills the summary: nothing may replace it, whoever asks.
    expect(row.summary).toBe('概要')
    if (status === 200) expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime())
  })

  test('the requester may not complete a closed request (409, nothing written)', async () => {
    const { id } = await createConsultation(fx.ids.requester, { status: 'CLOSED', summary: '', hospitalId: fx.hospitalId })
    const result = await post(id, 'requester', { intent: 'details', summary: '遅れて書いた' })
    expect(result.status).toBe(409)
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).summary).toBe('')
  })
})

describe('the hospital’s 報告義務対象医療機関 flag', () => {
  test('the first yes/no answer is kept; later answers and わからない change nothing; an admin sets it', async () => {
    const hospital = await createHospital()
    const member = await createUser({ hospitalId: hospital.id })
    const cookie = await sessionCookieFor(member.id)
    const flag = async () => (await prisma.hospital.findUniqueOrThrow({ where: { id: hospital.id } })).jqReportObliged
    await submit(cookie, { ...FAST, hospitalJqObliged: 'UNSURE' })
    expect(await flag()).toBeNull()
    await submit(cookie, { ...FAST, hospitalJqObliged: 'NO' })
    expect(await flag()).toBe(false)
    await submit(cookie, { ...FAST, hospitalJqObliged: 'YES' })
    expect(await flag()).toBe(false)
    const form = outcome(await settle(() => newRoute.loader(args(makeRequest('/consultations/new', { cookie })))))
    expect(form.body).toMatchObject({ obligation: false, askJqObligation: false })

    const edit = (who: Who, jqReportObliged: string) =>
      settle(() =>
        hospitalEditRoute.action(
          args(makeRequest(`/admin/hospitals/${hospital.id}`, { cookie: fx.cookies[who], form: { name: hospital.name, prefecture: hospital.prefecture, beds: '300', type: 'GENERAL', jqReportObliged } }), {
            id: hospital.id,
          }),
        ),
      )
    expect(outcome(await edit('consultant', 'YES')).status).toBe(403)
    expect(await flag()).toBe(false)
    expect(outcome(await edit('admin', 'YES')).status).toBe(302)
    expect(await flag()).toBe(true)
  })
})

test('the member’s list shows open requests by urgency, then age, before drafts and closed ones', async () => {
  const member = await createUser()
  const cookie = await sessionCookieFor(member.id)
  const hour = 60 * 60 * 1000
  const now = Date.now()
  const make = (subject: string, data: Record<string, unknown>) => createConsultation(member.id, { subject, ...data })
  await make('通常・古い', { urgency: 'ROUTINE', submittedAt: new Date(now - 9 * hour) })
  await make('完了', { urgency: 'EMERGENCY', status: 'CLOSED', submittedAt: new Date(now - 20 * hour) })
  await make('緊急・新しい', { urgency: 'EMERGENCY', submittedAt: new Date(now - 1 * hour) })
  await make('下書き', { status: 'DRAFT', submittedAt: null })
  await make('至急', { urgency: 'URGENT', submittedAt: new Date(now - 5 * hour) })
  await make('緊急・古い', { urgency: 'EMERGENCY', submittedAt: new Date(now - 3 * hour) })
  const list = outcome(await settle(() => indexRoute.loader(args(makeRequest('/consultations', { cookie })))))
  const mine = (list.body as { mine: { subject: string }[] }).mine
  expect(mine.map((item) => item.subject)).toEqual(['緊急・古い', '緊急・新しい', '至急', '通常・古い', '下書き', '完了'])
})
