import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { action } from '#app/routes/forgot-password.tsx'
import { createUser, makeRequest } from '#tests/fixtures/auth.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { routeArgs, unwrap } from '#tests/fixtures/routes.ts'

// Issue 13, F6: the request must not reveal whether an address has an account — not by its answer, and not by
// the work it does (a mail sent inline made known addresses answer slower). Compared here by what each request
// writes, which is what the time difference came from.

/** The number of rows in every table of the app and of the job queue. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<Array<{ schema: string; name: string }>>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE' ORDER BY 1, 2`
  const counts: Record<string, number> = {}
  for (const { schema, name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM "${schema}"."${name}"`)
    counts[`${schema}.${name}`] = Number(row?.n ?? 0)
  }
  return counts
}

function changes(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(Object.keys(after).filter((key) => after[key] !== before[key]).map((key) => [key, (after[key] ?? 0) - (before[key] ?? 0)]))
}

async function submit(email: string) {
  const before = await rowCounts()
  const result = unwrap(await action(routeArgs(makeRequest('/forgot-password', { form: { email } }))))
  const queued = await prisma.$queryRaw<Array<{ task: string; queue: string | null }>>`
    SELECT task_identifier AS task, queue_name AS queue FROM graphile_worker.jobs`
  return { result, written: changes(before, await rowCounts()), queued }
}

test('a known and an unknown address get the same answer and cause the same writes; only the job tells them apart', async () => {
  const member = await createUser()
  // The queue's first job of a kind also registers its task and queue names: done once, before comparing.
  await submit('warm-up@test.example')
  await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`
  const unknown = await submit('nobody-here@test.example')
  await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`
  const known = await submit(member.email)

  expect(known.result.status).toBe(unknown.result.status)
  expect(known.result.data.sent).toBe(true)
  expect(unknown.result.data.sent).toBe(true)
  expect(known.written).toEqual(unknown.written)
  // The only write is the queued job: no reset row, audit event or mail while the visitor waits.
  expect(Object.keys(known.written).every((table) => table.startsWith('graphile_worker.'))).toBe(true)
  expect(known.queued).toEqual([{ task: 'auth.password-reset-request', queue: 'password-reset' }])
  expect(unknown.queued).toEqual(known.queued)
  expect(await prisma.passwordReset.count()).toBe(0)

  // The job does the rest: the member gets the link, the stranger gets nothing.
  const [mail] = await mailsTo(member.email)
  expect(mail?.text).toMatch(/\/reset-password\/[a-z0-9]+/)
  expect(await prisma.passwordReset.count({ where: { userId: member.id } })).toBe(1)
  expect(await prisma.auditEvent.count({ where: { action: 'auth.password-reset-requested', actorId: member.id, ipAddress: '127.0.0.1' } })).toBe(1)
  expect(await mailsTo('nobody-here@test.example')).toHaveLength(0)
})
