import { prisma } from '#app/lib/db.server.ts'
import { checkPoolHealth } from '#app/modules/deidentify/check-pool.server.ts'
import { jobHealth, type JobHealth } from '#app/modules/jobs/status.server.ts'
import { searchHealth, type SearchHealth } from '#search/search.server.ts'

// For load balancers and monitoring: public, and says nothing but whether the parts answer.
export async function loader() {
  const started = performance.now()
  let database: { status: 'ok' | 'error'; latencyMs?: number }
  try {
    await prisma.$queryRaw`SELECT 1`
    database = { status: 'ok', latencyMs: Math.round(performance.now() - started) }
  } catch {
    database = { status: 'error' }
  }
  // The search index is derived: while it is unavailable the site still serves, so it does not fail the check.
  let search: Pick<SearchHealth, 'engine' | 'state' | 'pendingOutbox'> | { state: 'unknown' }
  try {
    const health = await searchHealth()
    search = { engine: health.engine, state: health.state, pendingOutbox: health.pendingOutbox }
  } catch {
    search = { state: 'unknown' }
  }
  // Failed or overdue jobs are reported for monitoring but do not take the instance out of the load balancer:
  // it still serves pages, and another instance would not do better.
  let jobs: JobHealth | { state: 'unknown' }
  try {
    jobs = await jobHealth()
  } catch {
    jobs = { state: 'unknown' }
  }
  // The de-identification workers answer from memory; reporting them never waits for a check to finish.
  const deidentify = checkPoolHealth()
  const ok = database.status === 'ok'
  return Response.json({ status: ok ? 'ok' : 'error', database, search, jobs, deidentify }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
