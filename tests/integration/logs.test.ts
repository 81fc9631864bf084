import { once } from 'node:events'
import http from 'node:http'
import express from 'express'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import * as detailRoute from '#app/routes/consultations/detail.tsx'
import * as newRoute from '#app/routes/consultations/new.tsx'
import { requestLog } from '#server/request-log.ts'
import { createHospital, createUser, makeRequest, multipartRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { outcome, requestForm } from '#tests/fixtures/consultations.ts'
import { routeArgs } from '#tests/fixtures/routes.ts'

// Everything is logged (debug and up), and mail goes to a mail server that refuses connections, so failing
// jobs log their errors too. What the app writes to stdout is captured and searched for the consultation's
// content and for e-mail addresses.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'debug'
  process.env.SMTP_URL = 'smtp://127.0.0.1:9'
})

let captured = ''
beforeAll(() => {
  const write = process.stdout.write.bind(process.stdout)
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return (write as (chunk: string | Uint8Array, ...args: unknown[]) => boolean)(chunk, ...rest)
  })
})
afterAll(() => vi.restoreAllMocks())

const lines = () =>
  captured
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

test('each request is one JSON line with id, route, status and duration, and neither its body nor its query', async () => {
  const app = express()
  app.use(requestLog)
  app.post('/consultations/:id', express.urlencoded({ extended: false }), (_req, res) => {
    res.status(201).send('ok')
  })
  const server = http.createServer(app).listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const response = await fetch(`http://127.0.0.1:${port}/consultations/abc123?q=${encodeURIComponent('検索語マーカー')}&to=someone@test.example`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Request-Id': 'lb-request-000001' },
    body: new URLSearchParams({ summary: '本文マーカーZZ9', email: 'body@test.example' }),
  })
  expect(response.status).toBe(201)
  expect(response.headers.get('X-Request-Id')).toBe('lb-request-000001')
  server.close()
  const line = lines().find((entry) => entry.msg === 'request' && entry.requestId === 'lb-request-000001')
  expect(line).toMatchObject({ method: 'POST', route: '/consultations/abc123', status: 201 })
  expect(typeof line?.durationMs).toBe('number')
  expect(captured).not.toContain('検索語マーカー')
  expect(captured).not.toContain('本文マーカー')
  expect(captured).not.toMatch(/@test\.example/)
})

test('a consultation request, a reply and their (failing) mail jobs leave no content and no address in the log', async () => {
  captured = ''
  const hospital = await createHospital({ name: 'ログ確認記念病院' })
  const requester = await createUser({ hospitalId: hospital.id, name: '相談者 ログ確認' })
  const onCall = await createUser({ role: 'CONSULTANT' })
  await prisma.consultationOnCall.create({ data: { userId: onCall.id } })
  const form = requestForm({
    decisionPending: '判断事項ログAB1',
    summary: '概要ログCD2',
    familyConcerns: '家族ログEF3',
    expertiseWanted: '助言ログGH4',
    contactName: '連絡者ログ',
    contactPhone: '090-3333-4444',
  })
  const cookie = await sessionCookieFor(requester.id)
  const sent = outcome(await settle(() => newRoute.action(routeArgs(makeRequest('/consultations/new', { cookie, form })))))
  expect(sent.status).toBe(302)
  const id = sent.location?.split('/')[2]?.split('?')[0] ?? ''
  const reply = await detailRoute.action(
    routeArgs(multipartRequest(`/consultations/${id}`, { cookie: await sessionCookieFor(onCall.id), fields: { intent: 'message', body: '返信ログIJ5' } }), { id }),
  )
  expect(outcome(reply).status).toBe(200)
  await runDueJobs()

  // The mail jobs did run, and failed against the closed port: their errors are in the log.
  expect(lines().some((entry) => entry.component === 'jobs' && String(entry.msg).includes('mail.send'))).toBe(true)
  for (const secret of ['判断事項ログ', '概要ログ', '家族ログ', '助言ログ', '連絡者ログ', '090-3333-4444', '返信ログ', 'ログ確認記念病院', '相談者 ログ確認', requester.email, onCall.email]) {
    expect(captured).not.toContain(secret)
  }
  expect(captured).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/)
})
