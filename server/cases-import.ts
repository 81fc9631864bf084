/**
 * npm run cases:import -- FILE.jsonl
 * Imports cases from a JSONL file (format: docs/cases-import.md) into the database the app uses: DATABASE_URL,
 * or the embedded PostgreSQL (joining the one `npm run dev` runs, if any). Exits 1 if any line was refused.
 */
import { readFile } from 'node:fs/promises'
import { migrateDeploy, resolveDatabase } from './database.ts'

async function main() {
  const file = process.argv[2]
  if (!file) throw new Error('Give the file to import: npm run cases:import -- cases.jsonl')
  const text = await readFile(file, 'utf8')
  const database = await resolveDatabase()
  console.log(`Database: ${database.description}`)
  try {
    await migrateDeploy(database.url)
    process.env.DATABASE_URL = database.url
    const { importCases } = await import('#app/modules/cases/import.server.ts')
    const { prisma } = await import('#app/lib/db.server.ts')
    const report = await importCases(text)
    await prisma.$disconnect()
    console.log(`${file}: ${report.total} lines — ${report.created} imported, ${report.skipped} already there, ${report.errors.length} refused.`)
    for (const error of report.errors) console.log(`  line ${error.line}: ${error.reason}`)
    if (report.errors.length) process.exitCode = 1
  } finally {
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
