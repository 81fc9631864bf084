/**
 * The access matrix: every consultation URL and action, for anonymous visitors, the requester, another member,
 * a consultant and an admin. Denied → login redirect, 403 or 404 (404 when a 403 would confirm the request
 * exists), and nothing of the request in what comes back.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import * as figuresRoute from '#app/routes/consultations/admin-figures.tsx'
import * as attachmentRoute from '#app/routes/consultations/attachment.ts'
import * as detailRoute from '#app/routes/consultations/detail.tsx'
import * as indexRoute from '#app/routes/consultations/index.tsx'
import * as newRoute from '#app/routes/consultations/new.tsx'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { outcome, PDF_BYTES, PNG_BYTES, requestForm } from '#tests/fixtures/consultations.ts'
import { routeArgs as args, type RouteHandler } from '#tests/fixtures/routes.ts'

type Who = 'anonymous' | 'requester' | 'other' | 'consultant' | 'admin'

// Markers that must appear only where they are allowed.
const SUMMARY = '概要マーカーQX7'
const NOTE = '内部メモマーカーZK4'
const DRAFT_TEXT = '下書きマーカーDR2'

const fx = {} as {
  cookies: Record<Who, string>
  ids: Record<Who, string>
  consultationId: string
  draftId: string
  publicAttachmentId: string
  internalAttachmentId: string
}

beforeAll(async () => {
  const hospital = await createHospital()
  const users = {
    requester: await createUser({ hospitalId: hospital.id }),
    other: await createUser(),
    consultant: await createUser({ role: 'CONSULTANT' }),
    admin: await createUser({ role: 'ADMIN' }),
  }
  fx.ids = { anonymous: '', requester: users.requester.id, other: users.other.id, consultant: users.consultant.id, admin: users.admin.id }
  fx.cookies = {
    anonymous: '',
    requester: await sessionCookieFor(users.requester.id),
    other: await sessionCookieFor(users.other.id),
    consultant: await sessionCookieFor(users.consultant.id),
    admin: await sessionCookieFor(users.admin.id),
  }
  // Submitted through the real action, then a public reply with a PDF and an internal note with a PNG.
  const sent = outcome(await settle(() => newRoute.action(args(makeRequest('/consultations/new', { cookie: fx.cookies.requester, form: requestForm({ summary: SUMMARY }) })))))
  expect(sent.status).toBe(302)
  fx.consultationId = (sent.location ?? '').split('/')[2]?.split('?')[0] ?? ''
  const post = (fields: Record<string, string>, file: { name: string; bytes: Uint8Array<ArrayBuffer> }) =>
    detailRoute.action(args(multipartRequest(`/consultations/${fx.consultationId}`, { cookie: fx.cookies.consultant, fields: { intent: 'message', ...fields }, files: [file] }), { id: fx.consultationId }))
  expect(outcome(await post({ body: '回答します' }, { name: 'guide.pdf', bytes: PDF_BYTES })).status).toBe(200)
  expect(outcome(await post({ body: NOTE, composer: 'note' }, { name: 'note.png', bytes: PNG_BYTES })).status).toBe(200)
  const attachments = await prisma.consultationAttachment.findMany({ select: { id: true, message: { select: { internal: true } } } })
  fx.publicAttachmentId = attachments.find((attachment) => !attachment.message.internal)?.id ?? ''
  fx.internalAttachmentId = attachments.find((attachment) => attachment.message.internal)?.id ?? ''
  const draft = outcome(
    await settle(() => newRoute.action(args(makeRequest('/consultations/new', { cookie: fx.cookies.requester, form: { intent: 'draft', decisionPending: DRAFT_TEXT } })))),
  )
  fx.draftId = new URL(`http://x${draft.location}`).searchParams.get('draft') ?? ''
  expect(fx.draftId).not.toBe('')
})

async function run(handler: RouteHandler, who: Who, request: (cookie: string) => Request, params: Record<string, string> = {}) {
  return outcome(await settle(() => handler(args(request(fx.cookies[who]), params))))
}

const leaks = (body: unknown) => [SUMMARY, NOTE, DRAFT_TEXT].filter((marker) => JSON.stringify(body ?? '').includes(marker))

describe('GET /consultations', () => {
  test.each<[Who, number]>([
    ['anonymous', 302],
    ['requester', 200],
    ['other', 200],
    ['consultant', 200],
    ['admin', 200],
  ])('%s → %i, and only those allowed see the request', async (who, status) => {
    const result = await run(indexRoute.loader, who, (cookie) => makeRequest('/consultations', { cookie }))
    expect(result.status).toBe(status)
    const listed = JSON.stringify(result.body ?? '').includes(fx.consultationId)
    expect(listed).toBe(who === 'requester' || who === 'consultant' || who === 'admin')
    if (who === 'anonymous') expect(result.location).toMatch(/^\/login\?redirectTo=/)
    // The lists never carry the summary or notes; the draft shows only in its author's list.
    expect(leaks(result.body).filter((marker) => !(who === 'requester' && marker === DRAFT_TEXT))).toEqual([])
    expect(JSON.stringify(result.body ?? '').includes(fx.draftId)).toBe(who === 'requester')
  })

  test('the consultant can also open their own requests (view=mine), which does not list others', async () => {
    const result = await run(indexRoute.loader, 'consultant', (cookie) => makeRequest('/consultations?view=mine', { cookie }))
    expect(JSON.stringify(result.body)).not.toContain(fx.consultationId)
  })
})

describe('POST /consultations (on-call flag)', () => {
  const form = (userId: string, onCall = 'true') => ({ intent: 'on-call', userId, onCall })
  test.each<[Who, 'self' | 'consultant', number]>([
    ['anonymous', 'consultant', 302],
    ['requester', 'self', 403],
    ['other', 'consultant', 403],
    ['consultant', 'self', 200],
    ['admin', 'consultant', 200],
  ])('%s setting %s → %i', async (who, target, status) => {
    const userId = target === 'self' ? fx.ids[who] : fx.ids.consultant
    const result = await run(indexRoute.action, who, (cookie) => makeRequest('/consultations', { cookie, form: form(userId) }))
    expect(result.status).toBe(status)
  })

  test("a consultant cannot set someone else's flag", async () => {
    const result = await run(indexRoute.action, 'consultant', (cookie) => makeRequest('/consultations', { cookie, form: form(fx.ids.admin) }))
    expect(result.status).toBe(403)
    expect(await prisma.consultationOnCall.findUnique({ where: { userId: fx.ids.admin } })).toBeNull()
  })
})

describe('GET /consultations/new (and drafts)', () => {
  test.each<[Who, number]>([
    ['anonymous', 302],
    ['requester', 200],
    ['other', 200],
    ['consultant', 200],
    ['admin', 200],
  ])('the empty form: %s → %i', async (who, status) => {
    expect((await run(newRoute.loader, who, (cookie) => makeRequest('/consultations/new', { cookie }))).status).toBe(status)
  })

  test.each<[Who, number]>([
    ['anonymous', 302],
    ['requester', 200],
    ['other', 404],
    ['consultant', 404],
    ['admin', 404],
  ])("the requester's draft: %s → %i", async (who, status) => {
    const result = await run(newRoute.loader, who, (cookie) => makeRequest(`/consultations/new?draft=${fx.draftId}`, { cookie }))
    expect(result.status).toBe(status)
    if (who !== 'requester') expect(leaks(result.body)).toEqual([])
  })

  test.each<Who>(['other', 'consultant', 'admin'])('%s cannot overwrite, submit or delete the draft (404, unchanged)', async (who) => {
    for (const intent of ['draft', 'submit', 'delete']) {
      const result = await run(newRoute.action, who, (cookie) =>
        makeRequest('/consultations/new', { cookie, form: requestForm({ intent, draftId: fx.draftId, decisionPending: '上書き' }) }),
      )
      expect(result.status).toBe(404)
    }
    const draft = await prisma.consultation.findUniqueOrThrow({ where: { id: fx.draftId } })
    expect(draft).toMatchObject({ status: 'DRAFT', decisionPending: DRAFT_TEXT })
  })
})

describe('GET /consultations/:id', () => {
  test.each<[Who, number]>([
    ['anonymous', 302],
    ['requester', 200],
    ['other', 404],
    ['consultant', 200],
    ['admin', 200],
  ])('%s → %i; internal notes only for the desk', async (who, status) => {
    const result = await run(detailRoute.loader, who, (cookie) => makeRequest(`/consultations/${fx.consultationId}`, { cookie }), { id: fx.consultationId })
    expect(result.status).toBe(status)
    const body = JSON.stringify(result.body ?? '')
    expect(body.includes(SUMMARY)).toBe(status === 200)
    expect(body.includes(NOTE)).toBe(who === 'consultant' || who === 'admin')
    expect(body.includes(fx.internalAttachmentId)).toBe(who === 'consultant' || who === 'admin')
  })

  test('a draft is the requester’s alone: they are sent to the form, everyone else gets 404', async () => {
    const own = await run(detailRoute.loader, 'requester', (cookie) => makeRequest(`/consultations/${fx.draftId}`, { cookie }), { id: fx.draftId })
    expect(own).toMatchObject({ status: 302, location: `/consultations/new?draft=${fx.draftId}` })
    for (const who of ['other', 'consultant', 'admin'] as const) {
      expect((await run(detailRoute.loader, who, (cookie) => makeRequest(`/consultations/${fx.draftId}`, { cookie }), { id: fx.draftId })).status).toBe(404)
    }
  })

  test('an unknown id is the same 404 as a forbidden one, and the refusal is audited', async () => {
    const unknown = await settle(() => detailRoute.loader(args(makeRequest('/consultations/nope', { cookie: fx.cookies.consultant }), { id: 'nope' })))
    const forbidden = await settle(() => detailRoute.loader(args(makeRequest(`/consultations/${fx.consultationId}`, { cookie: fx.cookies.other }), { id: fx.consultationId })))
    expect(unknown).toBeInstanceOf(Response)
    expect(forbidden).toBeInstanceOf(Response)
    expect(await (unknown as Response).text()).toBe(await (forbidden as Response).text())
    const denied = await prisma.auditEvent.findFirst({ where: { action: 'consultation.access-denied', actorId: fx.ids.other, targetId: fx.consultationId } })
    expect(denied).not.toBeNull()
  })
})

describe('POST /consultations/:id', () => {
  const path = () => `/consultations/${fx.consultationId}`
  const act = (who: Who, fields: Record<string, string>) =>
    run(detailRoute.action, who, (cookie) => multipartRequest(path(), { cookie, fields }), { id: fx.consultationId })

  test.each<[Who, number]>([
    ['anonymous', 302],
    ['other', 404],
    ['requester', 200],
    ['consultant', 200],
    ['admin', 200],
  ])('a message from %s → %i', async (who, status) => {
    const before = await prisma.consultationMessage.count()
    const result = await act(who, { intent: 'message', body: `${who}からの返信` })
    expect(result.status).toBe(status)
    expect(await prisma.consultationMessage.count()).toBe(before + (status === 200 ? 1 : 0))
    expect(leaks(result.body)).toEqual([])
  })

  test('the requester cannot write internal notes, accept, answer or assign (403, nothing changes)', async () => {
    const before = await prisma.consultation.findUniqueOrThrow({ where: { id: fx.consultationId }, include: { assignments: true } })
    const messages = await prisma.consultationMessage.count()
    expect((await act('requester', { intent: 'message', body: 'メモ', composer: 'note' })).status).toBe(403)
    expect((await act('requester', { intent: 'message', body: '回答', markAnswered: 'on' })).status).toBe(403)
    expect((await act('requester', { intent: 'transition', transition: 'answer' })).status).toBe(403)
    expect((await act('requester', { intent: 'assign', consultantId: fx.ids.requester })).status).toBe(403)
    expect((await act('requester', { intent: 'unassign', consultantId: fx.ids.consultant })).status).toBe(403)
    const after = await prisma.consultation.findUniqueOrThrow({ where: { id: fx.consultationId }, include: { assignments: true } })
    expect(after.status).toBe(before.status)
    expect(after.assignments).toEqual(before.assignments)
    expect(await prisma.consultationMessage.count()).toBe(messages)
  })

  test.each<Who>(['anonymous', 'other'])('%s cannot change status or assignment', async (who) => {
    for (const fields of [
      { intent: 'transition', transition: 'close' } as Record<string, string>,
      { intent: 'assign', consultantId: fx.ids.consultant },
    ]) {
      const result = await act(who, fields)
      expect(result.status).toBe(who === 'anonymous' ? 302 : 404)
    }
  })
})

describe('GET /consultations/:id/attachments/:attachmentId', () => {
  test.each<[Who, number, number]>([
    ['anonymous', 302, 302],
    ['requester', 200, 404],
    ['other', 404, 404],
    ['consultant', 200, 200],
    ['admin', 200, 200],
  ])('%s: public attachment → %i, attachment on an internal note → %i', async (who, publicStatus, internalStatus) => {
    for (const [attachmentId, status] of [
      [fx.publicAttachmentId, publicStatus],
      [fx.internalAttachmentId, internalStatus],
    ] as const) {
      const result = await settle(() =>
        attachmentRoute.loader(args(makeRequest(`/consultations/${fx.consultationId}/attachments/${attachmentId}`, { cookie: fx.cookies[who] }), { id: fx.consultationId, attachmentId })),
      )
      expect(result).toBeInstanceOf(Response)
      const response = result as Response
      expect(response.status).toBe(status)
      if (status === 200) {
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
        expect(response.headers.get('Cache-Control')).toContain('no-store')
      }
    }
  })

  test("an attachment id under another request's URL is 404", async () => {
    const other = await prisma.consultation.create({ data: { requesterId: fx.ids.requester, status: 'SUBMITTED', urgency: 'ROUTINE', submittedAt: new Date() } })
    const result = await settle(() =>
      attachmentRoute.loader(
        args(makeRequest(`/consultations/${other.id}/attachments/${fx.publicAttachmentId}`, { cookie: fx.cookies.requester }), { id: other.id, attachmentId: fx.publicAttachmentId }),
      ),
    )
    expect((result as Response).status).toBe(404)
  })
})

describe('GET /admin/consultations', () => {
  test.each<[Who, number]>([
    ['anonymous', 302],
    ['requester', 403],
    ['other', 403],
    ['consultant', 403],
    ['admin', 200],
  ])('%s → %i, figures without case details', async (who, status) => {
    const result = await run(figuresRoute.loader, who, (cookie) => makeRequest('/admin/consultations', { cookie }))
    expect(result.status).toBe(status)
    expect(leaks(result.body)).toEqual([])
    expect(JSON.stringify(result.body ?? '')).not.toContain(fx.consultationId)
  })
})

test('every view of a request is in the audit log', async () => {
  await run(detailRoute.loader, 'admin', (cookie) => makeRequest(`/consultations/${fx.consultationId}`, { cookie }), { id: fx.consultationId })
  const viewed = await prisma.auditEvent.findFirst({ where: { action: 'consultation.viewed', actorId: fx.ids.admin, targetId: fx.consultationId } })
  expect(viewed).not.toBeNull()
  const events = await prisma.auditEvent.findMany({ where: { action: { startsWith: 'consultation.' } }, select: { details: true } })
  expect(JSON.stringify(events)).not.toContain(SUMMARY)
  expect(JSON.stringify(events)).not.toContain(NOTE)
})
