import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { consultationFigures, deskQueue } from '#app/modules/consultations/desk.server.ts'
import * as detailRoute from '#app/routes/consultations/detail.tsx'
import * as homeRoute from '#app/routes/home.tsx'
import * as indexRoute from '#app/routes/consultations/index.tsx'
import * as newRoute from '#app/routes/consultations/new.tsx'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createConsultation, outcome, PNG_BYTES, requestForm } from '#tests/fixtures/consultations.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { routeArgs as args } from '#tests/fixtures/routes.ts'

const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])

async function people() {
  const hospital = await createHospital()
  const requester = await createUser({ hospitalId: hospital.id })
  const consultant = await createUser({ role: 'CONSULTANT' })
  return { hospital, requester, consultant, requesterCookie: await sessionCookieFor(requester.id), consultantCookie: await sessionCookieFor(consultant.id) }
}

const submitForm = async (cookie: string, form: Record<string, string>) => outcome(await settle(() => newRoute.action(args(makeRequest('/consultations/new', { cookie, form })))))
const postTo = async (id: string, cookie: string, fields: Record<string, string>, files?: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) =>
  outcome(await settle(() => detailRoute.action(args(multipartRequest(`/consultations/${id}`, { cookie, fields, files }), { id }))))

describe('filing a request', () => {
  test('an incomplete request is refused field by field in Japanese, keeps what was typed and is saved as a draft', async () => {
    const { requester, requesterCookie } = await people()
    const result = await submitForm(requesterCookie, { intent: 'submit', summary: '途中まで書いた概要', outcome: 'DEATH' })
    expect(result.status).toBe(400)
    const body = JSON.stringify(result.body)
    expect(body).toContain('緊急度を選んでください')
    expect(body).toContain('24時間つながる電話番号を入力してください')
    expect(body).toContain('死亡・死産の場合は、予期しなかった死亡かどうかを選んでください')
    expect(body).toContain('途中まで書いた概要')
    const draft = await prisma.consultation.findFirstOrThrow({ where: { requesterId: requester.id } })
    expect(draft).toMatchObject({ status: 'DRAFT', summary: '途中まで書いた概要', outcome: 'DEATH' })
    expect((result.body as { draftId?: string }).draftId).toBe(draft.id)
  })

  test('a draft saved, reopened and sent becomes 受付 with the hospital of the requester', async () => {
    const { requester, requesterCookie, hospital } = await people()
    const saved = await submitForm(requesterCookie, { intent: 'draft', decisionPending: '書きかけ' })
    expect(saved.status).toBe(302)
    const draftId = new URL(`http://x${saved.location}`).searchParams.get('draft') ?? ''
    const form = outcome(await settle(() => newRoute.loader(args(makeRequest(`/consultations/new?draft=${draftId}`, { cookie: requesterCookie })))))
    expect(JSON.stringify(form.body)).toContain('書きかけ')
    const sent = await submitForm(requesterCookie, requestForm({ draftId }))
    expect(sent).toMatchObject({ status: 302, location: `/consultations/${draftId}?sent=1` })
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id: draftId } })
    expect(row).toMatchObject({ status: 'SUBMITTED', urgency: 'EMERGENCY', hospitalId: hospital.id, requesterId: requester.id })
    expect(row.submittedAt).toBeInstanceOf(Date)
    expect(await prisma.consultation.count({ where: { requesterId: requester.id } })).toBe(1)
  })

  test('an autosave answers with the draft id instead of redirecting', async () => {
    const { requesterCookie } = await people()
    const result = await submitForm(requesterCookie, { intent: 'draft', autosave: '1', summary: '自動保存' })
    expect(result.status).toBe(200)
    const id = (result.body as { draftId: string }).draftId
    const again = await submitForm(requesterCookie, { intent: 'draft', autosave: '1', draftId: id, summary: '自動保存2' })
    expect((again.body as { draftId: string }).draftId).toBe(id)
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).summary).toBe('自動保存2')
  })

  test('identifiers in the summary are refused with a message naming them; the text is kept as a draft', async () => {
    const { requester, requesterCookie, consultant } = await people()
    const result = await submitForm(requesterCookie, requestForm({ summary: '山田太郎様（患者ID 1234567）が術後に急変した。' }))
    expect(result.status).toBe(400)
    const body = JSON.stringify(result.body)
    expect(body).toContain('「事象の概要」の')
    expect(body).toContain('を伏せてください')
    const draft = await prisma.consultation.findFirstOrThrow({ where: { requesterId: requester.id } })
    expect(draft.status).toBe('DRAFT')
    expect(await mailsTo(consultant.email)).toEqual([])
  })

  test('new requests are mailed (a link only) and notified to the consultants on call, or to all consultants when none is', async () => {
    const { requesterCookie, consultant } = await people()
    const second = await createUser({ role: 'CONSULTANT' })
    const admin = await createUser({ role: 'ADMIN' })
    const first = await submitForm(requesterCookie, requestForm())
    const firstId = first.location?.split('/')[2]?.split('?')[0] ?? ''
    for (const user of [consultant, second]) {
      const mails = await mailsTo(user.email)
      expect(mails.at(-1)?.text).toContain(`http://localhost:3000/consultations/${firstId}`)
    }
    expect(await mailsTo(admin.email)).toEqual([])
    expect(await prisma.notification.count({ where: { userId: consultant.id, url: `/consultations/${firstId}` } })).toBe(1)

    // Now only `second` is on call.
    const secondCookie = await sessionCookieFor(second.id)
    expect(outcome(await settle(() => indexRoute.action(args(makeRequest('/consultations', { cookie: secondCookie, form: { intent: 'on-call', userId: second.id, onCall: 'true' } }))))).status).toBe(200)
    const before = (await mailsTo(consultant.email)).length
    await submitForm(requesterCookie, requestForm({ urgency: 'ROUTINE' }))
    expect((await mailsTo(consultant.email)).length).toBe(before)
    expect((await mailsTo(second.email)).at(-1)?.subject).toBe('【QSO Hub】危機管理相談が届きました（通常）')
  })
})

describe('the thread and the workflow', () => {
  test('受付 → reply (assigns, first response, 対応中) → 回答済 → follow-up → 完了 → refused message → reopen', async () => {
    const { requester, consultant, requesterCookie, consultantCookie } = await people()
    const { id } = await createConsultation(requester.id, { urgency: 'EMERGENCY' })
    const status = async () => (await prisma.consultation.findUniqueOrThrow({ where: { id } })).status

    // An internal note changes nothing and tells nobody.
    expect((await postTo(id, consultantCookie, { intent: 'message', body: '内部の検討', composer: 'note' })).status).toBe(200)
    expect(await status()).toBe('SUBMITTED')
    expect(await mailsTo(requester.email)).toEqual([])

    expect((await postTo(id, consultantCookie, { intent: 'message', body: 'まずご家族への説明を優先してください。' })).status).toBe(200)
    const accepted = await prisma.consultation.findUniqueOrThrow({ where: { id }, include: { assignments: true } })
    expect(accepted.status).toBe('IN_PROGRESS')
    expect(accepted.firstResponseAt).toBeInstanceOf(Date)
    expect(accepted.assignments.map((assignment) => assignment.consultantId)).toEqual([consultant.id])
    const replyMail = (await mailsTo(requester.email)).at(-1)
    expect(replyMail?.subject).toBe('【QSO Hub】危機管理相談に新しいメッセージがあります')
    expect(replyMail?.text).toContain(`/consultations/${id}`)
    expect(replyMail?.text).not.toContain('ご家族への説明')
    expect(await prisma.notification.count({ where: { userId: requester.id, kind: 'consultation.reply' } })).toBe(1)

    expect((await postTo(id, consultantCookie, { intent: 'message', body: '回答です', markAnswered: 'on' })).status).toBe(200)
    expect(await status()).toBe('ANSWERED')

    // The requester's follow-up goes to the assigned consultant and puts the request back to 対応中.
    expect((await postTo(id, requesterCookie, { intent: 'message', body: '追加で質問です' })).status).toBe(200)
    expect(await status()).toBe('IN_PROGRESS')
    expect((await mailsTo(consultant.email)).length).toBe(1)

    expect((await postTo(id, consultantCookie, { intent: 'transition', transition: 'answer' })).status).toBe(200)
    expect((await postTo(id, requesterCookie, { intent: 'transition', transition: 'close' })).status).toBe(200)
    expect(await status()).toBe('CLOSED')

    const refused = await postTo(id, requesterCookie, { intent: 'message', body: 'もう一度' })
    expect(refused.status).toBe(409)
    expect(JSON.stringify(refused.body)).toContain('再開する')
    const invalid = await postTo(id, consultantCookie, { intent: 'transition', transition: 'answer' })
    expect(invalid.status).toBe(409)
    expect(JSON.stringify(invalid.body)).toContain('「完了」の相談には「回答済みにする」を行えません')

    expect((await postTo(id, requesterCookie, { intent: 'transition', transition: 'reopen' })).status).toBe(200)
    expect(await status()).toBe('IN_PROGRESS')
    const changes = await prisma.auditEvent.findMany({ where: { action: 'consultation.status-changed', targetId: id }, orderBy: { id: 'asc' } })
    expect(changes.map((event) => (event.details as { to: string }).to)).toEqual(['IN_PROGRESS', 'ANSWERED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'IN_PROGRESS'])
  })

  test('accepting assigns the consultant; the last assignee of an open request cannot be removed', async () => {
    const { requester, consultant, consultantCookie } = await people()
    const { id } = await createConsultation(requester.id)
    expect((await postTo(id, consultantCookie, { intent: 'transition', transition: 'accept' })).status).toBe(200)
    expect(await prisma.consultationAssignment.count({ where: { consultationId: id, consultantId: consultant.id } })).toBe(1)
    const refused = await postTo(id, consultantCookie, { intent: 'unassign', consultantId: consultant.id })
    expect(refused.status).toBe(409)
    expect(await prisma.consultationAssignment.count({ where: { consultationId: id } })).toBe(1)
    // Assigning someone who is not on the desk is refused.
    const member = await createUser()
    expect((await postTo(id, consultantCookie, { intent: 'assign', consultantId: member.id })).status).toBe(409)
  })

  test('assigning a consultant to a request in 受付 accepts it and notifies them', async () => {
    const { requester, consultantCookie } = await people()
    const colleague = await createUser({ role: 'CONSULTANT' })
    const { id } = await createConsultation(requester.id)
    expect((await postTo(id, consultantCookie, { intent: 'assign', consultantId: colleague.id })).status).toBe(200)
    expect((await prisma.consultation.findUniqueOrThrow({ where: { id } })).status).toBe('IN_PROGRESS')
    expect(await prisma.notification.count({ where: { userId: colleague.id, kind: 'consultation.assigned' } })).toBe(1)
  })

  test('attachments: PNG accepted and listed; a renamed executable or too many files are refused and nothing is stored', async () => {
    const { requester, requesterCookie } = await people()
    const { id } = await createConsultation(requester.id)
    expect((await postTo(id, requesterCookie, { intent: 'message', body: '写真を添付します' }, [{ name: 'photo.png', bytes: PNG_BYTES }])).status).toBe(200)
    const thread = outcome(await settle(() => detailRoute.loader(args(makeRequest(`/consultations/${id}`, { cookie: requesterCookie }), { id }))))
    expect(JSON.stringify(thread.body)).toContain('photo.png')

    const files = await prisma.storedFile.count()
    const exe = await postTo(id, requesterCookie, { intent: 'message', body: '資料です' }, [{ name: '報告書.pdf', bytes: EXE }])
    expect(exe.status).toBe(400)
    expect(JSON.stringify(exe.body)).toContain('添付できない種類のファイルです')
    expect(JSON.stringify(exe.body)).toContain('資料です')
    const many = await postTo(id, requesterCookie, { intent: 'message', body: '多数' }, Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.png`, bytes: PNG_BYTES })))
    expect(many.status).toBe(400)
    expect(await prisma.storedFile.count()).toBe(files)
    expect(await prisma.consultationMessage.count({ where: { consultationId: id } })).toBe(1)
  })

  test('an internal note never answers the requester, even with 回答済 ticked', async () => {
    const { requester, consultantCookie } = await people()
    const { id } = await createConsultation(requester.id)
    expect((await postTo(id, consultantCookie, { intent: 'message', body: 'メモ', composer: 'note', markAnswered: 'on' })).status).toBe(200)
    const row = await prisma.consultation.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ status: 'SUBMITTED', firstResponseAt: null, answeredAt: null })
    expect(await mailsTo(requester.email)).toEqual([])
  })

  test('an empty message is refused with a Japanese message', async () => {
    const { requester, requesterCookie } = await people()
    const { id } = await createConsultation(requester.id)
    const result = await postTo(id, requesterCookie, { intent: 'message', body: '   ' })
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.body)).toContain('メッセージを入力してください')
  })
})

describe('the desk', () => {
  // These read every request in the database: start from none (tests in a file share one database).
  beforeEach(async () => {
    await prisma.consultation.deleteMany()
  })

  test('the queue: most urgent first, then oldest; overdue flagged; filters by assignee and overdue; never drafts', async () => {
    const { requester, consultant } = await people()
    const hour = 60 * 60 * 1000
    const now = new Date()
    const routineOld = await createConsultation(requester.id, { urgency: 'ROUTINE', submittedAt: new Date(now.getTime() - 100 * hour) })
    const urgent = await createConsultation(requester.id, { urgency: 'URGENT', submittedAt: new Date(now.getTime() - 2 * hour) })
    const emergencyNew = await createConsultation(requester.id, { urgency: 'EMERGENCY', submittedAt: new Date(now.getTime() - 10 * 60 * 1000) })
    const emergencyOld = await createConsultation(requester.id, { urgency: 'EMERGENCY', submittedAt: new Date(now.getTime() - 3 * hour) })
    await prisma.consultation.create({ data: { requesterId: requester.id, status: 'DRAFT', urgency: 'EMERGENCY' } })
    await prisma.consultationAssignment.create({ data: { consultationId: urgent.id, consultantId: consultant.id } })
    await prisma.consultation.update({ where: { id: urgent.id }, data: { status: 'IN_PROGRESS' } })
    const user = { id: consultant.id, email: consultant.email, name: consultant.name, role: consultant.role, status: consultant.status, hospitalId: null }

    const all = await deskQueue(user, { status: 'open', assignee: 'all', overdue: false }, now)
    expect(all.items.map((item) => item.id)).toEqual([emergencyOld.id, emergencyNew.id, urgent.id, routineOld.id])
    expect(all.items.map((item) => item.clock.overdue)).toEqual([true, false, false, true])
    expect((await deskQueue(user, { status: 'open', assignee: 'me', overdue: false }, now)).items.map((item) => item.id)).toEqual([urgent.id])
    expect((await deskQueue(user, { status: 'open', assignee: 'unassigned', overdue: true }, now)).items.map((item) => item.id)).toEqual([emergencyOld.id, routineOld.id])
    expect((await deskQueue(user, { status: 'open', urgency: 'URGENT', assignee: 'all', overdue: false }, now)).items.map((item) => item.id)).toEqual([urgent.id])
  })

  test('figures: requests per month by urgency, median time to first response, share within target', async () => {
    const { requester } = await people()
    const now = new Date('2026-11-24T12:00:00Z')
    const minute = 60 * 1000
    const at = (iso: string) => new Date(iso)
    const rows = [
      // 緊急: replies after 60 and 180 minutes (one in time, one late)
      { urgency: 'EMERGENCY' as const, submittedAt: at('2026-11-02T00:00:00Z'), reply: 60 },
      { urgency: 'EMERGENCY' as const, submittedAt: at('2026-10-10T00:00:00Z'), reply: 180 },
      // 至急: in time; still waiting but overdue
      { urgency: 'URGENT' as const, submittedAt: at('2026-11-10T00:00:00Z'), reply: 600 },
      { urgency: 'URGENT' as const, submittedAt: at('2026-11-20T00:00:00Z'), reply: null },
      // 通常: still waiting, within its three days (not counted in the share yet)
      { urgency: 'ROUTINE' as const, submittedAt: at('2026-11-23T00:00:00Z'), reply: null },
    ]
    for (const row of rows) {
      await createConsultation(requester.id, {
        urgency: row.urgency,
        submittedAt: row.submittedAt,
        firstResponseAt: row.reply === null ? null : new Date(row.submittedAt.getTime() + row.reply * minute),
      })
    }
    const figures = await consultationFigures(now)
    expect(figures.months).toHaveLength(12)
    expect(figures.months.at(-1)).toMatchObject({ month: '2026-11', EMERGENCY: 1, URGENT: 2, ROUTINE: 1, total: 4 })
    expect(figures.months.at(-2)).toMatchObject({ month: '2026-10', EMERGENCY: 1, total: 1 })
    expect(figures.total).toMatchObject({ requests: 5, medianMinutes: 180, withinTarget: 2, decided: 4 })
    const emergency = figures.urgencies.find((row) => row.urgency === 'EMERGENCY')
    expect(emergency).toMatchObject({ requests: 2, medianMinutes: 120, withinTarget: 1, decided: 2 })
    expect(figures.urgencies.find((row) => row.urgency === 'URGENT')).toMatchObject({ overdueWaiting: 1, decided: 2, withinTarget: 1 })
    console.log(
      `consultations figures: ${figures.total.requests} requests, median first response ${figures.total.medianMinutes} min, within target ${figures.total.withinTarget}/${figures.total.decided}`,
    )
  })
})

describe('/home', () => {
  test('the requester sees their open request and draft (states only, no content); others see none; the desk sees counts', async () => {
    const { requester, consultant, requesterCookie, consultantCookie } = await people()
    const other = await createUser()
    const submitted = await createConsultation(requester.id, { summary: '家族への説明の進め方を相談したい' })
    const draft = await createConsultation(requester.id, { status: 'DRAFT', submittedAt: null, summary: '書きかけの相談' })
    const closed = await createConsultation(requester.id, { status: 'CLOSED' })
    const home = async (cookie: string) => (await homeRoute.loader(args(makeRequest('/home', { cookie })))) as Awaited<ReturnType<typeof homeRoute.loader>>

    const mine = await home(requesterCookie)
    expect(mine.consultations.own.map((item) => item.id).sort()).toEqual([submitted.id, draft.id].sort())
    expect(mine.consultations.own.map((item) => item.id)).not.toContain(closed.id)
    expect(mine.consultations.desk).toBeNull()
    expect(JSON.stringify(mine.consultations)).not.toContain('家族への説明')

    const theirs = await home(await sessionCookieFor(other.id))
    expect(theirs.consultations).toEqual({ own: [], desk: null })

    await prisma.consultationAssignment.create({ data: { consultationId: submitted.id, consultantId: consultant.id } })
    const desk = (await home(consultantCookie)).consultations.desk
    expect(desk).toMatchObject({ open: await prisma.consultation.count({ where: { status: { in: ['SUBMITTED', 'IN_PROGRESS', 'ANSWERED'] } } }), mine: 1 })
    expect(JSON.stringify(desk)).not.toContain('家族への説明')
  })
})
