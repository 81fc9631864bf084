import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import * as jobsRoute from '#app/routes/admin/jobs.tsx'
import { loader as healthz } from '#app/routes/healthz.ts'
import { createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, expectResponse, routeArgs, unwrap } from '#tests/fixtures/routes.ts'

// Mail goes through the job queue to a real SMTP server on loopback. The environment is read once, so the port
// is fixed before the app's modules load; the server is started (and stopped) by the tests.
const smtpPort = vi.hoisted(() => {
  const port = 20_000 + (process.pid % 20_000)
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`
  return port
})

type Received = { to: string[]; raw: string }
const received: Received[] = []
let smtp: SMTPServer | undefined

async function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp?.listen(smtpPort, '127.0.0.1', resolve))
}
const stopSmtp = () => new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
afterAll(stopSmtp)

const jobRows = () =>
  prisma.$queryRaw<Array<{ id: bigint; attempts: number; run_at: Date; last_error: string | null }>>`
    SELECT id, attempts, run_at, last_error FROM graphile_worker.jobs WHERE task_identifier = 'mail.send' ORDER BY id`

describe('mail as a job', () => {
  test('sending only queues: nothing reaches SMTP until the worker runs the job, then exactly once', async () => {
    await startSmtp()
    await sendMail({ to: 'queued@test.example', subject: '【QSO Hub】テスト', text: '本文' })
    expect(received).toHaveLength(0)
    expect(await jobRows()).toHaveLength(1)
    await runDueJobs()
    expect(received.map((mail) => mail.to)).toEqual([['queued@test.example']])
    expect(await jobRows()).toHaveLength(0)
    await runDueJobs()
    expect(received).toHaveLength(1)
    await stopSmtp()
  })

  test('while the mail server is down the job fails, waits with backoff, is listed for admins and in /healthz; a retry delivers it', async () => {
    received.length = 0
    await sendMail({ to: 'later@test.example', subject: '【QSO Hub】再送', text: '本文' })
    const before = Date.now()
    await runDueJobs()
    const [job] = await jobRows()
    expect(job?.attempts).toBe(1)
    expect(job?.last_error).toMatch(/ECONNREFUSED/)
    // graphile-worker's backoff: the next attempt is scheduled in the future (exp(1) ≈ 2.7 s after the first).
    expect(job?.run_at.getTime()).toBeGreaterThan(before + 1000)
    // Not due yet: running the queue now does not try again.
    await runDueJobs()
    expect((await jobRows())[0]?.attempts).toBe(1)

    const health = (await (await healthz()).json()) as { status: string; jobs: { retrying: number; failed: number } }
    expect(health).toMatchObject({ status: 'ok', jobs: { retrying: 1, failed: 0 } })

    const admin = await createUser({ role: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    const page = unwrap(await jobsRoute.loader(routeArgs(makeRequest('/admin/jobs', { cookie }))))
    expect(page.data.jobs).toHaveLength(1)
    expect(page.data.jobs[0]).toMatchObject({ task: 'mail.send', state: 'retrying', attempts: 1 })
    // The address the SMTP error may quote never reaches the page.
    expect(JSON.stringify(page.data)).not.toContain('later@test.example')

    await startSmtp()
    const retried = unwrap(await jobsRoute.action(routeArgs(makeRequest('/admin/jobs', { cookie, form: { intent: 'retry', jobId: page.data.jobs[0]?.id ?? '' } }))))
    expect(retried.data).toMatchObject({ ok: true })
    await runDueJobs()
    expect(received.map((mail) => mail.to)).toEqual([['later@test.example']])
    expect(await jobRows()).toHaveLength(0)
    expect(await prisma.auditEvent.count({ where: { action: 'job.retried', actorId: admin.id } })).toBe(1)
  })

  test('a job out of attempts is "failed" until an admin discards it', async () => {
    await stopSmtp()
    await sendMail({ to: 'never@test.example', subject: 's', text: 't' })
    await prisma.$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 1`
    await runDueJobs()
    expect(await jobRows()).toHaveLength(1)
    expect(((await (await healthz()).json()) as { jobs: unknown }).jobs).toMatchObject({ failed: 1 })
    const admin = await createUser({ role: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    const page = unwrap(await jobsRoute.loader(routeArgs(makeRequest('/admin/jobs', { cookie }))))
    expect(page.data.jobs[0]).toMatchObject({ state: 'failed' })
    unwrap(await jobsRoute.action(routeArgs(makeRequest('/admin/jobs', { cookie, form: { intent: 'discard', jobId: page.data.jobs[0]?.id ?? '' } }))))
    expect(await jobRows()).toHaveLength(0)
  })
})

describe('/admin/jobs access', () => {
  test('anonymous visitors sign in first; members and consultants are refused, for the page and its actions', async () => {
    expectLoginRedirect(await settle(() => jobsRoute.loader(routeArgs(makeRequest('/admin/jobs')))), '/admin/jobs')
    await sendMail({ to: 'x@test.example', subject: 's', text: 't' })
    const [job] = await jobRows()
    for (const role of ['MEMBER', 'CONSULTANT'] as const) {
      const user = await createUser({ role })
      const cookie = await sessionCookieFor(user.id)
      expectResponse(await settle(() => jobsRoute.loader(routeArgs(makeRequest('/admin/jobs', { cookie })))), 403)
      const form = { intent: 'discard', jobId: job?.id.toString() ?? '' }
      expectResponse(await settle(() => jobsRoute.action(routeArgs(makeRequest('/admin/jobs', { cookie, form })))), 403)
    }
    expect(await jobRows()).toHaveLength(1)
  })
})
