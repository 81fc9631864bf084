/**
 * `npm run dev` (with --dev) and `npm start`: resolve the database (DATABASE_URL or the embedded PostgreSQL),
 * apply migrations, seed demo data in development (on a fresh database, and again after new migrations so an
 * existing development database gets the demo data of areas added since; the seeds are idempotent), then serve.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
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
  console.log(`Database: ${database.description}`)
  process.env.DATABASE_URL = database.url
  const migrationsFrom = new Date()
  await migrateDeploy(database.url)

  const { getEnv } = await import('#app/lib/env.server.ts')
  const env = getEnv()
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    console.warn('SMTP_URL is not set: mail (invitations, password resets) is written to .data/mail/ instead of being sent.')
  }
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

  const { pruneExpiredAuthData } = await import('#app/modules/auth/housekeeping.server.ts')
  const { deleteOldReadNotifications } = await import('#app/modules/notifications/notifications.server.ts')
  const { sendDayBeforeReminders } = await import('#app/modules/events/events.server.ts')
  // Each job is idempotent, so every app instance may run them; one failing does not stop the others.
  const housekeeping = () =>
    Promise.all([
      Promise.all([pruneExpiredAuthData(), deleteOldReadNotifications()]).catch((error: unknown) => console.error('Housekeeping failed:', error)),
      sendDayBeforeReminders().catch((error: unknown) => console.error('Event reminders failed:', error)),
    ])
  await housekeeping()
  setInterval(housekeeping, 60 * 60 * 1000).unref()

  // Search: the embedded index is built from PostgreSQL, or Meilisearch's settings applied; then the outbox worker.
  const { startSearch } = await import('#search/search.server.ts')
  await startSearch()

  const server = await createAppServer({ dev, appOrigin: env.APP_ORIGIN, trustProxy: env.TRUST_PROXY })
  const host = listenHost({ dev, host: process.env.HOST })
  server.listen(env.PORT, host, () => {
    const where = host && host !== '127.0.0.1' ? ` (listening on ${host})` : ''
    console.log(`\nQSO Hub (${env.NODE_ENV}) is ready: http://localhost:${env.PORT}${where}${seeded ? '  (demo data seeded)' : ''}`)
    if (dev) {
      console.log('Demo logins (password qso-demo-pass): admin@qso.example, consultant@qso.example, member@qso.example, member2@qso.example\n')
    }
  })

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    server.close()
    await database.stop().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
