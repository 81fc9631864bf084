/**
 * Database commands behind the npm scripts, so that each works with the embedded PostgreSQL (joining the one
 * `npm run dev` started, if any) as well as with DATABASE_URL:
 *   generate                 prisma generate (needs no database)
 *   migrate                  apply pending migrations (prisma migrate deploy)
 *   create-migration NAME    turn changes in prisma/schema/*.prisma into a new migration (prisma migrate dev)
 *   seed                     demo data (development databases only)
 */
import { migrateDeploy, resolveDatabase, runPrisma } from './database.ts'

const [command, ...rest] = process.argv.slice(2)

async function main() {
  if (command === 'generate') {
    // Reading the schema needs *a* DATABASE_URL; generate never connects to it.
    await runPrisma(['generate'], process.env.DATABASE_URL ?? 'postgresql://unused@localhost:1/unused')
    return
  }
  const database = await resolveDatabase()
  console.log(`Database: ${database.description}`)
  try {
    if (command === 'migrate') {
      await migrateDeploy(database.url)
      console.log('Migrations applied.')
    } else if (command === 'create-migration') {
      const name = rest[0]
      if (!name) throw new Error('Give the migration a name: npm run db:migrate:create -- add_cases')
      // Apply what others committed first: with pending migrations, `migrate dev` asks the WASM engine for a
      // shadow-database check it cannot do through the driver adapter ("shadow DB must be provided …").
      await migrateDeploy(database.url)
      await runPrisma(['migrate', 'dev', '--name', name], database.url)
    } else if (command === 'seed') {
      if (process.env.NODE_ENV === 'production') throw new Error('Demo data is never seeded in production.')
      await migrateDeploy(database.url)
      process.env.DATABASE_URL = database.url
      const { seedDemoData } = await import('#prisma/seed.ts')
      const { prisma } = await import('#app/lib/db.server.ts')
      await seedDemoData(prisma)
      await prisma.$disconnect()
    } else {
      throw new Error(`Unknown command "${command}". Use generate, migrate, create-migration or seed.`)
    }
  } finally {
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
