import { prisma } from '#app/lib/db.server.ts'

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
  const ok = database.status === 'ok'
  return Response.json({ status: ok ? 'ok' : 'error', database }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
