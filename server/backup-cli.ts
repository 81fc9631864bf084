/**
 * `npm run db:backup [-- DIR]` and `npm run db:restore -- BACKUP_DIR [--database NAME]`, for DATABASE_URL or the
 * embedded PostgreSQL (joining the one `npm run dev` runs). See README "Backups" and server/backup.ts.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { parseDatabaseUrl, withDatabase } from '#app/lib/database-url.ts'
import { backup, restore } from './backup.ts'
import { dataDir, resolveDatabase } from './database.ts'
import { quoteIdentifier } from './embedded-postgres.ts'

const [command, ...rest] = process.argv.slice(2)
const { values: options, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { database: { type: 'string' } } })

/** Attachments on local disk (UPLOAD_DIR, default .data/uploads); null when they live in object storage. */
function localUploadDir(): string | null {
  if (process.env.S3_BUCKET) return null
  return path.resolve(process.env.UPLOAD_DIR ?? path.join(dataDir, 'uploads'))
}

function stamp(at = new Date()): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client(parseDatabaseUrl(withDatabase(serverUrl, 'postgres')))
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
  } finally {
    await client.end()
  }
  return withDatabase(serverUrl, name)
}

async function main() {
  const database = await resolveDatabase()
  try {
    if (command === 'backup') {
      const outDir = path.resolve(positionals[0] ?? path.join(dataDir, 'backups', `qso-${stamp()}`))
      const { manifest } = await backup({ databaseUrl: database.url, uploadDir: localUploadDir(), outDir })
      const rows = Object.values(manifest.rowCounts).reduce((sum, count) => sum + count, 0)
      console.log(`Backup of ${database.description} written to ${outDir}`)
      console.log(`  ${Object.keys(manifest.rowCounts).length} tables, ${rows} rows; uploaded files: ${manifest.uploads}; ${manifest.pgDump}`)
    } else if (command === 'restore') {
      const backupDir = positionals[0]
      if (!backupDir) throw new Error('Say which backup: npm run db:restore -- .data/backups/qso-20260101-030000 [--database qso_restore_drill]')
      const target = options.database ? await createDatabase(database.url, options.database) : database.url
      const report = await restore({ backupDir: path.resolve(backupDir), databaseUrl: target, uploadDir: localUploadDir() })
      const { database: name } = parseDatabaseUrl(target)
      console.log(`Restored ${backupDir} (taken ${report.manifest.createdAt}) into database "${name}"${report.uploadsRestored ? `, files into ${localUploadDir()}` : ''}.`)
      if (report.differences.length) console.log(`Row counts that differ from the backup's manifest:\n  ${report.differences.join('\n  ')}`)
      else console.log(`All ${Object.keys(report.restored).length} tables have the row counts recorded at backup time.`)
    } else {
      throw new Error(`Unknown command "${command}". Use backup or restore.`)
    }
  } finally {
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
