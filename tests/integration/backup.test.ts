import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseDatabaseUrl, withDatabase } from '#app/lib/database-url.ts'
import { prisma } from '#app/lib/db.server.ts'
import { seedDemoData } from '#prisma/seed.ts'
import { backup, restore, rowCounts } from '#server/backup.ts'
import { quoteIdentifier } from '#server/embedded-postgres.ts'

// Backup → restore round trip (issue 18) with the real pg_dump/pg_restore of the server's major version
// (server/pg-tools.ts), the demo data and a file on local disk.

const sourceUrl = process.env.DATABASE_URL!
const restoredName = `${parseDatabaseUrl(sourceUrl).database}_restored`
const restoredUrl = withDatabase(sourceUrl, restoredName)
const work = mkdtempSync(path.join(os.tmpdir(), 'qso-backup-test-'))
const admin = () => new pg.Client(parseDatabaseUrl(withDatabase(sourceUrl, 'postgres')))

beforeAll(async () => {
  await seedDemoData(prisma)
  // An attachment as the local FileStorage keeps it (a sub-directory per item).
  mkdirSync(path.join(process.env.UPLOAD_DIR!, 'practice-x'), { recursive: true })
  writeFileSync(path.join(process.env.UPLOAD_DIR!, 'practice-x', '手順書.pdf'), '%PDF-1.4 test attachment')
  const client = admin()
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(restoredName)} WITH (FORCE)`)
  await client.query(`CREATE DATABASE ${quoteIdentifier(restoredName)}`)
  await client.end()
}, 120_000)

afterAll(async () => {
  const client = admin()
  await client.connect()
  await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(restoredName)} WITH (FORCE)`)
  await client.end()
})

/** Every row of every table, as one checksum per table (rows sorted by their text form). */
async function checksums(url: string): Promise<Record<string, string>> {
  const client = new pg.Client(parseDatabaseUrl(url))
  await client.connect()
  const { rows: tables } = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
  const sums: Record<string, string> = {}
  for (const { name } of tables) {
    const { rows } = await client.query<{ sum: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${quoteIdentifier(name)} t`)
    sums[name] = rows[0]?.sum ?? 'empty'
  }
  await client.end()
  return sums
}

test('the demo data and the upload folder survive backup → restore into a fresh database', async () => {
  const before = await rowCounts(parseDatabaseUrl(sourceUrl))
  expect(before['public.User']).toBeGreaterThanOrEqual(4)
  expect(before['public.Case']).toBeGreaterThan(0)

  const outDir = path.join(work, 'backup')
  const { manifest } = await backup({ databaseUrl: sourceUrl, uploadDir: process.env.UPLOAD_DIR!, outDir })
  expect(manifest.uploads).toBe('included')
  expect(manifest.pgDump).toMatch(/pg_dump \(PostgreSQL\) 1[89]/)
  expect(manifest.rowCounts).toEqual(before)
  // Custom format: pg_restore's archive header, not SQL text.
  expect(readFileSync(path.join(outDir, 'database.dump')).subarray(0, 5).toString('latin1')).toBe('PGDMP')

  const restoredUploads = path.join(work, 'restored-uploads')
  const report = await restore({ backupDir: outDir, databaseUrl: restoredUrl, uploadDir: restoredUploads })
  expect(report.differences).toEqual([])
  expect(report.restored).toEqual(before)
  expect(await checksums(restoredUrl)).toEqual(await checksums(sourceUrl))
  expect(readFileSync(path.join(restoredUploads, 'practice-x', '手順書.pdf'), 'utf8')).toBe('%PDF-1.4 test attachment')

  // Sampled rows read back through pg as the app would see them: the demo accounts and a case.
  const sample = async (url: string) => {
    const client = new pg.Client(parseDatabaseUrl(url))
    await client.connect()
    const users = await client.query('SELECT id, email, name, role, "passwordHash" FROM "User" ORDER BY email')
    const cases = await client.query('SELECT * FROM "Case" ORDER BY id LIMIT 3')
    await client.end()
    return { users: users.rows, cases: cases.rows }
  }
  const restoredSample = await sample(restoredUrl)
  expect(restoredSample.users.map((user: { email: string }) => user.email)).toContain('member@qso.example')
  expect(restoredSample).toEqual(await sample(sourceUrl))
}, 120_000)

test('a restore never writes over a database that has tables, nor over a folder that has files', async () => {
  const outDir = path.join(work, 'backup-2')
  await backup({ databaseUrl: sourceUrl, uploadDir: process.env.UPLOAD_DIR!, outDir })
  await expect(restore({ backupDir: outDir, databaseUrl: sourceUrl, uploadDir: path.join(work, 'other') })).rejects.toThrow(/already has tables/)
  await expect(backup({ databaseUrl: sourceUrl, uploadDir: null, outDir })).rejects.toThrow(/not empty/)
}, 60_000)
