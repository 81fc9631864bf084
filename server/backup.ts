import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { parseDatabaseUrl, type PgConnectionConfig } from '#app/lib/database-url.ts'
import { quoteIdentifier } from './embedded-postgres.ts'
import { findPgTools } from './pg-tools.ts'

/**
 * A backup is a directory: `database.dump` (pg_dump custom format: the app's tables, the job queue, the
 * migrations table), `uploads.tar` when attachments are on local disk (UPLOAD_DIR), and `manifest.json` (when,
 * which versions, and the row count of every table, which the restore checks). docs/decisions/0047-backups.md.
 */
const run = promisify(execFile)

export type Manifest = {
  createdAt: string
  serverVersion: string
  pgDump: string
  database: string
  uploads: 'included' | 'none' | 'not on local disk'
  rowCounts: Record<string, number>
}

function pgEnvironment(connection: PgConnectionConfig): NodeJS.ProcessEnv {
  // The password goes through the environment, never the command line (visible in `ps`).
  return { ...process.env, PGPASSWORD: connection.password, PGHOST: connection.host, PGPORT: String(connection.port), PGUSER: connection.user }
}

async function withClient<T>(connection: PgConnectionConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(connection)
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function serverMajor(connection: PgConnectionConfig): Promise<{ major: number; version: string }> {
  return withClient(connection, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>("SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version")
    return { major: Math.floor(Number(rows[0]!.num) / 10_000), version: rows[0]!.version }
  })
}

/** Rows per table, for the app's schema and the job queue's: what a restore must give back. */
export async function rowCounts(connection: PgConnectionConfig): Promise<Record<string, number>> {
  return withClient(connection, async (client) => {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      "SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'graphile_worker') ORDER BY 1, 2",
    )
    const counts: Record<string, number> = {}
    for (const { schema, name } of tables) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`)
      counts[`${schema}.${name}`] = Number(rows[0]!.count)
    }
    return counts
  })
}

function hasFiles(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).length > 0
}

export async function backup(options: { databaseUrl: string; uploadDir: string | null; outDir: string }): Promise<{ dir: string; manifest: Manifest }> {
  const connection = parseDatabaseUrl(options.databaseUrl)
  const server = await serverMajor(connection)
  const tools = findPgTools(server.major)
  mkdirSync(options.outDir, { recursive: true })
  if (readdirSync(options.outDir).length > 0) throw new Error(`${options.outDir} is not empty: give a new directory for the backup.`)
  const dump = path.join(options.outDir, 'database.dump')
  // Counted before the dump; pg_dump's snapshot is taken a moment later, so a busy database may differ by a few
  // rows: the restore reports differences rather than failing on them.
  const counts = await rowCounts(connection)
  await run(tools.pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`, connection.database], { env: pgEnvironment(connection) })
  let uploads: Manifest['uploads'] = 'none'
  if (options.uploadDir === null) uploads = 'not on local disk'
  else if (hasFiles(options.uploadDir)) {
    await run('tar', ['-cf', path.join(options.outDir, 'uploads.tar'), '-C', options.uploadDir, '.'])
    uploads = 'included'
  }
  const manifest: Manifest = { createdAt: new Date().toISOString(), serverVersion: server.version, pgDump: tools.version, database: connection.database, uploads, rowCounts: counts }
  writeFileSync(path.join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return { dir: options.outDir, manifest }
}

export type RestoreReport = { manifest: Manifest; restored: Record<string, number>; differences: string[]; uploadsRestored: boolean }

/**
 * Restores into an empty database (never over live data: create a new one, restore, check, then point the app at
 * it) and, when the backup holds files, into an empty or missing upload directory.
 */
export async function restore(options: { backupDir: string; databaseUrl: string; uploadDir: string | null }): Promise<RestoreReport> {
  const manifestFile = path.join(options.backupDir, 'manifest.json')
  const dump = path.join(options.backupDir, 'database.dump')
  if (!existsSync(manifestFile) || !existsSync(dump)) throw new Error(`${options.backupDir} is not a QSO Hub backup (manifest.json and database.dump expected).`)
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  const connection = parseDatabaseUrl(options.databaseUrl)
  const existing = await withClient(connection, async (client) => {
    const { rows } = await client.query<{ count: string }>("SELECT count(*) AS count FROM information_schema.tables WHERE table_schema IN ('public', 'graphile_worker')")
    return Number(rows[0]!.count)
  })
  if (existing > 0) {
    throw new Error(`The database "${connection.database}" already has tables. Restore into a new, empty database (createdb, or --database NAME), check it, then switch DATABASE_URL.`)
  }
  const backupHasFiles = existsSync(path.join(options.backupDir, 'uploads.tar'))
  if (backupHasFiles && options.uploadDir && hasFiles(options.uploadDir)) {
    throw new Error(`${options.uploadDir} is not empty: set UPLOAD_DIR to an empty directory for the restored files.`)
  }
  const server = await serverMajor(connection)
  const tools = findPgTools(server.major)
  await run(tools.pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${connection.database}`, dump], { env: pgEnvironment(connection) })
  let uploadsRestored = false
  if (backupHasFiles && options.uploadDir) {
    mkdirSync(options.uploadDir, { recursive: true })
    await run('tar', ['-xf', path.join(options.backupDir, 'uploads.tar'), '-C', options.uploadDir])
    uploadsRestored = true
  }
  const restored = await rowCounts(connection)
  const differences = Object.keys({ ...manifest.rowCounts, ...restored })
    .filter((table) => manifest.rowCounts[table] !== restored[table])
    .map((table) => `${table}: ${manifest.rowCounts[table] ?? 'absent'} in the backup, ${restored[table] ?? 'absent'} restored`)
  return { manifest, restored, differences, uploadsRestored }
}
