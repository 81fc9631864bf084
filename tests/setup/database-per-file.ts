import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, inject } from 'vitest'
import { parseDatabaseUrl, withDatabase } from '#app/lib/database-url.ts'
import { quoteIdentifier } from '#server/embedded-postgres.ts'

// Each test file gets a fresh copy of the migrated template, so files never see each other's rows.
// This runs before the test file's imports, so modules that read DATABASE_URL at load time see this one.
const serverUrl = inject('testServerUrl')
const database = `qso_test_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`

const admin = new pg.Client(parseDatabaseUrl(serverUrl))
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${quoteIdentifier(database)} TEMPLATE qso_test_template`)
await admin.end()

process.env.NODE_ENV = 'test'
process.env.DATABASE_URL = withDatabase(serverUrl, database)
process.env.APP_ORIGIN = 'http://localhost:3000'
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), 'qso-mail-'))
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), 'qso-uploads-'))
delete process.env.SMTP_URL

afterAll(async () => {
  const globalForPrisma = globalThis as { qsoPrisma?: { $disconnect(): Promise<void> } }
  await globalForPrisma.qsoPrisma?.$disconnect()
  const cleanup = new pg.Client(parseDatabaseUrl(serverUrl))
  await cleanup.connect()
  await cleanup.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`)
  await cleanup.end()
})
