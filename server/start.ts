/**
 * `npm run dev` (with --dev) and `npm start`: resolve the database (DATABASE_URL or the embedded PostgreSQL),
 * apply migrations, seed demo data in development (on a fresh database, and again after new migrations so an
 * existing development database gets the demo data of areas added since; the seeds are idempotent), then serve.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { log } from '#app/lib/log.server.ts'
import { createAppServer } from './app.ts'
import { migrateDeploy, projectRoot, resolveDatabase } from './database.ts'
import { listenHost, productionOriginProblem } from './startup-checks.ts'

const dev = process.argv.includes('--dev')
process.env.NODE_ENV ??= dev ? 'development' : 'production'

async function main() {
  if (process.env.NODE_ENV === 'production') {
    const problem = productionOriginProblem(process.env.APP_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`)
    if (problem) throw new Error(problem)
  }
  if (!dev && !existsSync(path.join(projectRoot, 'build', 'server', 'index.js'))) {
    throw new Error('No production build found. Run `npm run build` first, then `npm start`.')
  }
  const database = await resolveDatabase()
  log.info({ database: database.description }, 'database')
  process.env.DATABASE_URL = database.url
  const migrationsFrom = new Date()
  await migrateDeploy(database.url)

  const { getEnv } = await import('#app/lib/env.server.ts')
  const env = getEnv()
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    log.warn('SMTP_URL is not set: mail (invitations, password resets) is written to .data/mail/ instead of being sent.')
  }
  // The embedded engine serves one instance only: a second one without MEILI_HOST refuses to start.
  const { claimEmbeddedSearchLock } = await import('#search/instance-lock.server.ts')
  const searchLock = env.MEILI_HOST ? undefined : await claimEmbeddedSearchLock(database.url)
  let seeded = false
  if (dev) {
    const { prisma } = await import('#app/lib/db.server.ts')
    const [latest] = await prisma.$queryRaw<{ at: Date | null }[]>`SELECT max(finished_at) AS at FROM _prisma_migrations`
    const migratedNow = latest?.at != null && latest.at >= migrationsFrom
    if (migratedNow || (await prisma.user.count()) === 0) {
      const { seedDemoData } = await import('#prisma/seed.ts')
      await seedDemoData(prisma)
      seeded = true
    }
  }

  // Background jobs (mail, notification fan-out, the re-scan, the hourly housekeeping and event reminders) run in
  // every instance from the PostgreSQL queue; each job runs once, and each scheduled run is queued once.
  const { startJobRunner } = await import('#app/modules/jobs/runner.server.ts')
  const jobs = await startJobRunner()

  // Search: the embedded index is built from PostgreSQL, or Meilisearch's settings applied; then the outbox worker.
  const { startSearch } = await import('#search/search.server.ts')
  await startSearch()

  const server = await createAppServer({ dev, appOrigin: env.APP_ORIGIN, trustProxy: env.TRUST_PROXY })
  const host = listenHost({ dev, host: process.env.HOST })
  server.listen(env.PORT, host, () => {
    log.info({ mode: env.NODE_ENV, port: env.PORT, host: host ?? 'all interfaces', seeded }, `QSO Hub is ready: http://localhost:${env.PORT}`)
    // For the developer at the terminal, not the log: the demo accounts' addresses.
    if (dev) process.stdout.write('Demo logins (password qso-demo-pass): admin@qso.example, consultant@qso.example, member@qso.example, member2@qso.example\n')
  })

  // Graceful shutdown: stop accepting, let in-flight requests and running jobs finish (a re-scan stops between
  // batches and resumes elsewhere), then close the pools. Whatever is still running after 5 s is cut off.
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    setTimeout(() => process.exit(1), 5000).unref()
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    await Promise.all([closed, jobs.stop().catch(() => {})])
    const { stopSearch } = await import('#search/search.server.ts')
    stopSearch()
    await searchLock?.release().catch(() => {})
    const { prisma } = await import('#app/lib/db.server.ts')
    await prisma.$disconnect().catch(() => {})
    await database.stop().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  log.fatal(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
