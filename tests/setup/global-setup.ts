import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { buildDatabaseUrl, parseDatabaseUrl, withDatabase } from '#app/lib/database-url.ts'
import { dataDir, migrateDeploy } from '#server/database.ts'
import { quoteIdentifier, startEmbeddedCluster } from '#server/embedded-postgres.ts'

export const TEMPLATE_DATABASE = 'qso_test_template'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The maintenance database of the test server; each test file gets its own database next to it. */
    testServerUrl: string
  }
}

/**
 * One PostgreSQL server for the run: the embedded one under .data/test-postgres, or the server that
 * DATABASE_URL points at. Migrations are applied once, into a template database copied for each test file.
 */
export default async function setup(project: TestProject) {
  let serverUrl: string
  let stop = async () => {}
  if (process.env.DATABASE_URL) {
    serverUrl = withDatabase(process.env.DATABASE_URL, 'postgres')
  } else {
    const cluster = await startEmbeddedCluster(path.join(dataDir, 'test-postgres'))
    serverUrl = buildDatabaseUrl(cluster.config)
    stop = () => cluster.stop()
  }

  const client = new pg.Client(parseDatabaseUrl(serverUrl))
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(TEMPLATE_DATABASE)} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${quoteIdentifier(TEMPLATE_DATABASE)}`)
  } finally {
    await client.end()
  }
  await migrateDeploy(withDatabase(serverUrl, TEMPLATE_DATABASE))

  project.provide('testServerUrl', serverUrl)
  return stop
}
