/**
 * Consultation mails through a real SMTP server started here: the on-call consultant is told about a new request
 * and the requester about a reply, each with a link only: nothing of the case in the subject or the body.
 * Its own file: the environment (SMTP_URL included) is read once, when the first app module loads, so the app is
 * imported only after the server is listening.
 */
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type * as DbModule from '#app/lib/db.server.ts'
import type * as DetailRouteModule from '#app/routes/consultations/detail.tsx'
import type * as NewRouteModule from '#app/routes/consultations/new.tsx'
import type * as AuthFixtures from '#tests/fixtures/auth.ts'
import type * as ConsultationFixtures from '#tests/fixtures/consultations.ts'
import { routeArgs as args } from '#tests/fixtures/routes.ts'

type Received = { to: string[]; raw: string }
const received: Received[] = []
let server: SMTPServer
let app: {
  detailRoute: typeof DetailRouteModule
  newRoute: typeof NewRouteModule
  auth: typeof AuthFixtures
  fixtures: typeof ConsultationFixtures
  db: typeof DbModule
  runDueJobs: () => Promise<void>
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  app = {
    detailRoute: await import('#app/routes/consultations/detail.tsx'),
    newRoute: await import('#app/routes/consultations/new.tsx'),
    auth: await import('#tests/fixtures/auth.ts'),
    fixtures: await import('#tests/fixtures/consultations.ts'),
    db: await import('#app/lib/db.server.ts'),
    runDueJobs: (await import('#app/modules/jobs/runner.server.ts')).runDueJobs,
  }
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** The decoded text of a received message (nodemailer sends UTF-8 as quoted-printable or base64). */
function decode(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  const subjects = [...head.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, text = '']) =>
    encoding?.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  )
  const text = /Content-Transfer-Encoding: base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /Content-Transfer-Encoding: quoted-printable/i.test(head)
      ? decodeQuotedPrintable(body.replace(/=\r?\n/g, ''))
      : body
  return `${subjects.join('')}\n${text}`
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? ''
    if (char === '=' && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16))
      index += 2
    } else bytes.push(...Buffer.from(char, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

test('new request and reply mails arrive over SMTP with a link and no case details', async () => {
  const { detailRoute, newRoute } = app
  const { createHospital, createUser, makeRequest, sessionCookieFor, settle } = app.auth
  const { outcome, requestForm } = app.fixtures
  const { multipartRequest } = app.auth
  const { prisma } = app.db
  const hospital = await createHospital({ name: 'マーカー記念病院' })
  const requester = await createUser({ hospitalId: hospital.id, name: '相談者 マーカー' })
  const onCall = await createUser({ role: 'CONSULTANT' })
  const offDuty = await createUser({ role: 'CONSULTANT' })
  await prisma.consultationOnCall.create({ data: { userId: onCall.id } })
  const requesterCookie = await sessionCookieFor(requester.id)
  const form = requestForm({
    decisionPending: '判断事項マーカーAB1',
    summary: '概要マーカーCD2',
    familyConcerns: '家族マーカーEF3',
    expertiseWanted: '助言マーカーGH4',
    contactName: '連絡者マーカー',
    contactPhone: '090-1111-2222',
  })
  const sent = outcome(await settle(() => newRoute.action(args(makeRequest('/consultations/new', { cookie: requesterCookie, form })))))
  expect(sent.status).toBe(302)
  const id = sent.location?.split('/')[2]?.split('?')[0] ?? ''

  // Mail is a job: nothing reaches SMTP until the worker runs it.
  expect(received).toHaveLength(0)
  await app.runDueJobs()
  expect(received).toHaveLength(1)
  expect(received[0]?.to).toEqual([onCall.email])
  expect(received.some((mail) => mail.to.includes(offDuty.email))).toBe(false)

  const onCallCookie = await sessionCookieFor(onCall.id)
  const reply = await detailRoute.action(
    args(multipartRequest(`/consultations/${id}`, { cookie: onCallCookie, fields: { intent: 'message', body: '返信マーカーIJ5' } }), { id }),
  )
  expect(outcome(reply).status).toBe(200)
  await app.runDueJobs()
  expect(received).toHaveLength(2)
  expect(received[1]?.to).toEqual([requester.email])

  const secrets = ['判断事項マーカー', '概要マーカー', '家族マーカー', '助言マーカー', '連絡者マーカー', '090-1111-2222', '返信マーカー', 'マーカー記念病院', '相談者 マーカー']
  for (const mail of received) {
    const text = decode(mail.raw)
    expect(text).toContain(`http://localhost:3000/consultations/${id}`)
    expect(text).toContain('危機管理相談')
    for (const secret of secrets) expect(text).not.toContain(secret)
  }
  expect(decode(received[0]?.raw ?? '')).toContain('危機管理相談が届きました（緊急）')
})
