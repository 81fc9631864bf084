import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseDatabaseUrl } from '#app/lib/database-url.ts'
import { type AppProcess, freePort, runAppUntilExit } from '#tests/fixtures/app-process.ts'
import { startMeiliServer } from '#tests/fixtures/meili-server.ts'
import { createMemberSession, startProductionApp, startStackDatabase, TEST_TWO_FACTOR_KEY, type StackDatabase } from '#tests/fixtures/production-stack.ts'

// Issue 18: two production servers behind one database, sharing a Meilisearch (the msw model of its API, served
// on loopback). Every job runs once, an event's seats are never over-booked, each outbox row is processed once;
// and an instance without MEILI_HOST refuses to start while another runs the embedded search engine.

let database: StackDatabase
let meili: Awaited<ReturnType<typeof startMeiliServer>>
const apps: AppProcess[] = []
const mailDirs = [mkdtempSync(path.join(os.tmpdir(), 'qso-two-a-')), mkdtempSync(path.join(os.tmpdir(), 'qso-two-b-'))]
let sql: pg.Client

beforeAll(async () => {
  database = await startStackDatabase()
  meili = await startMeiliServer()
  // One after the other: each start applies migrations (a no-op for the second).
  for (const mailDir of mailDirs) apps.push(await startProductionApp(database, { MEILI_HOST: meili.origin, MEILI_API_KEY: 'test-key', MAIL_DIR: mailDir }))
  sql = new pg.Client(parseDatabaseUrl(database.url))
  await sql.connect()
}, 300_000)

afterAll(async () => {
  await sql?.end()
  await Promise.all(apps.map((app) => app.stop()))
  await meili?.close()
  await database?.stop()
})

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

test('each queued job runs once, on whichever instance takes it', async () => {
  const count = 40
  for (let i = 0; i < count; i++) {
    await sql.query("SELECT graphile_worker.add_job('mail.send', json_build_object('to', $1::text, 'subject', $2::text, 'text', 'x'))", [`to${i}@two.example`, `two-instances ${i}`])
  }
  await until('the mail jobs to finish', async () => {
    const { rows } = await sql.query<{ left: string }>("SELECT count(*) AS left FROM graphile_worker.jobs WHERE task_identifier = 'mail.send'")
    return Number(rows[0]!.left) === 0
  })
  const subjects = mailDirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { subject: string }).subject),
  )
  const perSubject = new Map<string, number>()
  for (const subject of subjects) perSubject.set(subject, (perSubject.get(subject) ?? 0) + 1)
  expect(perSubject.size).toBe(count)
  expect([...perSubject.values()].every((times) => times === 1)).toBe(true)
  console.log(`mail jobs per instance: ${mailDirs.map((dir) => readdirSync(dir).length).join(' / ')}`)
})

test('concurrent sign-ups split across both instances never over-book an event', async () => {
  const seats = 5
  const members = await Promise.all(Array.from({ length: 40 }, (_, i) => createMemberSession(database, apps[i % 2]!.origin, i)))
  const { prisma } = await import('#app/lib/db.server.ts')
  const event = await prisma.event.create({
    data: { kind: 'FOLLOW_UP', title: '二重予約の試験', startsAt: new Date(Date.now() + 7 * 86_400_000), endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000), capacity: seats },
  })
  const statuses = await Promise.all(
    members.map(async (member, i) => {
      const app = apps[i % 2]!
      const response = await fetch(`${app.origin}/events/${event.id}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: member.cookie, Origin: app.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ intent: 'register' }),
      })
      await response.arrayBuffer()
      return response.status
    }),
  )
  expect(statuses.every((status) => status === 200)).toBe(true)
  const registrations = await prisma.eventRegistration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: true })
  const byStatus = Object.fromEntries(registrations.map((row) => [row.status, row._count]))
  expect(byStatus).toEqual({ REGISTERED: seats, WAITLISTED: 40 - seats })
})

test('each search outbox row is processed once, by one of the two instances', async () => {
  const rows = 300
  await sql.query(`INSERT INTO "SearchOutbox" ("docType", "docId") SELECT 'comment', 'ghost-' || n FROM generate_series(1, ${rows}) AS n`)
  await until('the outbox to drain', async () => {
    const { rows: left } = await sql.query<{ left: string }>('SELECT count(*) AS left FROM "SearchOutbox"')
    return Number(left[0]!.left) === 0
  })
  // Each row is a comment that does not exist: the worker removes it from the index, one delete per row.
  const seen = new Map<string, number>()
  for (const request of meili.mock.requests) {
    for (const match of JSON.stringify(request.body ?? '').matchAll(/ghost-\d+/g)) seen.set(match[0], (seen.get(match[0]) ?? 0) + 1)
  }
  expect(seen.size).toBe(rows)
  expect([...seen.entries()].filter(([, times]) => times !== 1)).toEqual([])
})

test('an instance without MEILI_HOST refuses to start while another runs the embedded search engine', async () => {
  const { claimEmbeddedSearchLock } = await import('#search/instance-lock.server.ts')
  const lock = await claimEmbeddedSearchLock(database.url)
  try {
    const port = await freePort()
    const { code, output } = await runAppUntilExit([], {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PORT: String(port),
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      TWO_FACTOR_ENCRYPTION_KEY: TEST_TWO_FACTOR_KEY,
      MEILI_HOST: undefined,
    })
    expect(code).toBe(1)
    expect(output).toContain('set MEILI_HOST')
  } finally {
    await lock.release()
  }
})
