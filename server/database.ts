import { spawn } from 'node:child_process'
import path from 'node:path'
import { Logger, runMigrations } from 'graphile-worker'
import { parseDatabaseUrl } from '#app/lib/database-url.ts'
import { clusterUrl, ensureDatabase, startEmbeddedCluster, type EmbeddedCluster } from './embedded-postgres.ts'

export const projectRoot = path.resolve(import.meta.dirname, '..')
export const dataDir = path.join(projectRoot, '.data')
const EMBEDDED_DATABASE = 'qso_hub'

export type ResolvedDatabase = {
  url: string
  /** Human-readable, without the password: logged at start-up so it is clear which database is used. */
  description: string
  stop(): Promise<void>
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/postgres (started or joined). */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL
  if (external) {
    const { host, port, database } = parseDatabaseUrl(external)
    return { url: external, description: `PostgreSQL at ${host}:${port}/${database} (DATABASE_URL)`, stop: async () => {} }
  }
  const cluster: EmbeddedCluster = await startEmbeddedCluster(path.join(dataDir, 'postgres'))
  await ensureDatabase(cluster.config, EMBEDDED_DATABASE)
  const how = cluster.owned ? 'started' : 'already running, joined'
  return {
    url: clusterUrl(cluster, EMBEDDED_DATABASE),
    description: `embedded PostgreSQL at 127.0.0.1:${cluster.config.port}/${EMBEDDED_DATABASE} (${how}; data in .data/postgres)`,
    stop: () => cluster.stop(),
  }
}

/** Runs the Prisma CLI (offline: WASM schema engine through prisma.config.ts) against the given database. */
export function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const bin = path.join(projectRoot, 'node_modules', '.bin', 'prisma')
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`prisma ${args.join(' ')} failed (exit ${code})\n${output}`))
    })
  })
}

/** The app's migrations (Prisma), then the job queue's own schema (graphile_worker, installed or upgraded). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await runPrisma(['migrate', 'deploy'], databaseUrl, { quiet: true })
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger })
}

// graphile-worker's migration messages are routine; errors still reach the caller as a rejected promise.
const quietLogger = new Logger(() => () => {})
