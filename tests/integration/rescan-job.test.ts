import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { resumeStalledRescans, runRescanJob, startRescan, latestRescan, RESCAN_STALLED_AFTER_MS } from '#app/modules/deidentify/rescan-job.server.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { createCase, sessionUser } from '#tests/fixtures/cases.ts'

async function flaggedCase() {
  const author = await createUser()
  const item = await createCase(await sessionUser(author.id))
  await prisma.case.update({ where: { id: item.id }, data: { summary: '患者の佐藤花子さんに誤って配薬した' } })
  return item
}

const queuedRescans = () => prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'deidentify.rescan'`

test('a run interrupted by a shutdown resumes from its last batch and records nothing twice', async () => {
  const item = await flaggedCase()
  const admin = await createUser({ role: 'ADMIN' })
  const { runId, started } = await startRescan(admin.id)
  expect(started).toBe(true)
  // A second press while it runs joins the same run instead of starting another.
  expect(await startRescan(admin.id)).toEqual({ runId, started: false })

  const shutdown = new AbortController()
  shutdown.abort()
  await expect(runRescanJob(runId, shutdown.signal)).rejects.toThrow(/interrupted/)
  const halfway = await prisma.rescanRun.findUniqueOrThrow({ where: { id: runId } })
  expect(halfway).toMatchObject({ status: 'RUNNING', phase: 'practice', scannedCases: await prisma.case.count({ where: { status: 'PUBLISHED' } }) })
  expect(await prisma.rescanFinding.count({ where: { runId } })).toBe(1)

  // The queued job (as a restarted worker would) carries on from there.
  await runDueJobs()
  const done = await latestRescan()
  expect(done).toMatchObject({ id: runId, status: 'DONE', percent: 100, scannedCases: halfway.scannedCases })
  expect(done?.findings.map((finding) => finding.itemId)).toEqual([item.id])
})

test('two workers on the same run (a resumed job beside the old one) record each batch once', async () => {
  await flaggedCase()
  await flaggedCase()
  const admin = await createUser({ role: 'ADMIN' })
  const { runId } = await startRescan(admin.id)
  await Promise.all([runRescanJob(runId), runRescanJob(runId)])
  const run = await prisma.rescanRun.findUniqueOrThrow({ where: { id: runId } })
  expect(run.status).toBe('DONE')
  expect(run.scannedCases).toBe(await prisma.case.count({ where: { status: 'PUBLISHED' } }))
  const flagged = await prisma.case.count({ where: { status: 'PUBLISHED', summary: { contains: '佐藤花子' } } })
  expect(flagged).toBeGreaterThanOrEqual(2)
  expect(await prisma.rescanFinding.count({ where: { runId } })).toBe(flagged)
})

test('a run whose worker was killed (no progress for a minute) is queued again by housekeeping', async () => {
  const admin = await createUser({ role: 'ADMIN' })
  const { runId } = await startRescan(admin.id)
  await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`
  expect(await resumeStalledRescans()).toBe(0)
  expect(await resumeStalledRescans(new Date(Date.now() + RESCAN_STALLED_AFTER_MS + 1000))).toBe(1)
  expect(Number((await queuedRescans())[0]?.n)).toBe(1)
  await runDueJobs()
  expect((await prisma.rescanRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('DONE')
})
