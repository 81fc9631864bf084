import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateDeploy, projectRoot } from '#server/database.ts'
import { clusterUrl, ensureDatabase, startEmbeddedCluster, type EmbeddedCluster } from '#server/embedded-postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production server under test listens, e.g. http://localhost:41234 (also its APP_ORIGIN). */
    baseUrl: string
    /** The server's MAIL_DIR: each mail it "sends" is a JSON file here ({ from, to, subject, text, sentAt }). */
    mailDir: string
  }
}

const DATABASE = 'qso_e2e'
// The server runs as production, which requires a key for TOTP secrets; the seed must encrypt the demo secrets
// under the same one. A throwaway key, used only by this test server.
const TWO_FACTOR_ENCRYPTION_KEY = 'e2e0'.repeat(16)
const SERVER_START_TIMEOUT_MS = 60_000
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx')

/**
 * The production build, served by `server/start.ts` as `npm start` does, against a throwaway embedded
 * PostgreSQL seeded with the demo accounts. Everything lives in one temp directory removed at the end
 * (set E2E_KEEP=1 to keep it, e.g. to read the server log or the mail after a failure).
 * The app is built first, so the browser never tests a stale build; E2E_SKIP_BUILD=1 reuses build/ (CI sets it
 * right after its own `npm run build`).
 */
export default async function setup(project: TestProject) {
  const started = Date.now()
  buildIfNeeded()

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'qso-e2e-'))
  const mailDir = path.join(workDir, 'mail')
  mkdirSync(mailDir)
  let cluster: EmbeddedCluster | undefined
  let server: ChildProcess | undefined

  const teardown = async () => {
    if (server) await stopProcessGroup(server)
    await cluster?.stop().catch((error: unknown) => console.error('[e2e] stopping PostgreSQL failed:', error))
    if (process.env.E2E_KEEP) console.log(`[e2e] kept ${workDir}`)
    else rmSync(workDir, { recursive: true, force: true })
  }

  try {
    cluster = await startEmbeddedCluster(path.join(workDir, 'postgres'))
    await ensureDatabase(cluster.config, DATABASE)
    const databaseUrl = clusterUrl(cluster, DATABASE)
    await migrateDeploy(databaseUrl)
    await run(tsx, ['server/db-cli.ts', 'seed'], { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', TWO_FACTOR_ENCRYPTION_KEY })

    const port = await freePort()
    const baseUrl = `http://localhost:${port}`
    const output: string[] = []
    server = spawn(tsx, ['server/start.ts'], {
      cwd: projectRoot,
      env: serverEnv({ DATABASE_URL: databaseUrl, PORT: String(port), APP_ORIGIN: baseUrl, MAIL_DIR: mailDir, NODE_ENV: 'production', TWO_FACTOR_ENCRYPTION_KEY }),
      // Its own process group, so teardown ends tsx and the node process it starts together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    if (process.env.E2E_SERVER_LOG) {
      server.stdout?.pipe(process.stdout)
      server.stderr?.pipe(process.stderr)
    }
    await waitForHealth(baseUrl, server, output)
    console.log(`[e2e] production server ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (mail in ${mailDir})`)

    project.provide('baseUrl', baseUrl)
    project.provide('mailDir', mailDir)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}

function buildIfNeeded() {
  const built = existsSync(path.join(projectRoot, 'build', 'server', 'index.js'))
  if (built && process.env.E2E_SKIP_BUILD) return
  console.log('[e2e] running `npm run build`…')
  // Without Vitest's variables: vite.config.ts leaves the Remix plugin out when VITEST is set.
  const result = spawnSync('npm', ['run', 'build'], { cwd: projectRoot, stdio: 'inherit', env: withoutVitest({ ...process.env, NODE_ENV: 'production' }) })
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status ?? result.signal}); the browser tests need the production build.`)
}

/** The server's environment: ours, minus anything that would point it at real mail or search services. */
function serverEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env = withoutVitest({ ...process.env, ...overrides })
  for (const name of ['SMTP_URL', 'MEILI_HOST', 'MEILI_API_KEY', 'TRUST_PROXY']) delete env[name]
  return env
}

function withoutVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name]
  return env
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${code}):\n${output}`))
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port for the server.'))))
    })
  })
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS
  let exited: string | undefined
  server.once('exit', (code, signal) => (exited = `exited (${code ?? signal})`))
  while (Date.now() < deadline) {
    if (exited) break
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) })
      if (response.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const why = exited ?? `did not answer GET /healthz with 200 within ${SERVER_START_TIMEOUT_MS / 1000} s`
  throw new Error(`The production server ${why}. Its output:\n${output.join('') || '(none)'}`)
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name)
    } catch {
      // Already gone.
    }
  }
  signal('SIGTERM')
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000))])
  if (timedOut) {
    signal('SIGKILL')
    await exited
  }
}
