/**
 * `npm run bench:load`: issue 18's load and fault test, repeatable. Starts the production build (`npm run build`
 * first) against its own embedded PostgreSQL, lets W members post comments on one published
 * case for D seconds, kills PostgreSQL (SIGKILL) part-way, restarts it a few seconds later, and prints:
 * requests, acknowledged writes lost, duplicates, 5xx, 503 (with Retry-After), p50/p99, writes/s, and how long
 * after the restart the search outbox was empty again. Prints figures, asserts nothing; traffic stays on loopback.
 *
 *   npm run bench:load                                   200 writers, 60 s, kill at 25 s, down 6 s (issue 18)
 *   npm run bench:load -- --writers 50 --duration 15     a short run
 *   npm run bench:load -- --no-kill                      load only
 *   options: --writers N --duration S --kill-at S --down S --pool N --no-kill
 */
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { parseDatabaseUrl } from '#app/lib/database-url.ts'
import { startProductionApp, startStackDatabase } from '#tests/fixtures/production-stack.ts'

const { values: args } = parseArgs({
  options: {
    writers: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    'kill-at': { type: 'string' },
    down: { type: 'string', default: '6' },
    pool: { type: 'string' },
    'no-kill': { type: 'boolean', default: false },
  },
})
const WRITERS = Number(args.writers)
const DURATION_S = Number(args.duration)
const KILL_AT_S = args['kill-at'] ? Number(args['kill-at']) : Math.round(DURATION_S * 0.4)
const DOWN_S = Number(args.down)
const KILL = !args['no-kill']
const MARKER = /LOADTEST-w(\d+)-n(\d+)/g

type Outcome = { status: number; ms: number; retryAfter: string | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0

async function main() {
  const started = Date.now()
  const database = await startStackDatabase()
  const app = await startProductionApp(database, args.pool ? { DATABASE_POOL_SIZE: args.pool } : {})
  const db = () => new pg.Client(parseDatabaseUrl(database.url))
  try {
    // Members and their sessions, created directly (signing 200 people in through argon2 would be a different test).
    process.env.DATABASE_URL = database.url
    process.env.APP_ORIGIN = app.origin
    const { prisma } = await import('#app/lib/db.server.ts')
    const { createSession, commitSessionCookie } = await import('#app/modules/auth/session.server.ts')
    const { createCase, sessionUser } = await import('#tests/fixtures/cases.ts')
    const hospital = await prisma.hospital.create({ data: { name: '負荷試験病院', prefecture: '愛知県', beds: 300, type: 'GENERAL' } })
    const author = await prisma.user.create({
      data: { email: 'author@load.example', name: '負荷 投稿者', profession: 'NURSE', course: 'EQSO', cohort: 1, hospitalId: hospital.id, passwordHash: 'not-used' },
    })
    // One published case, made through the cases module as a member would publish it.
    const subject = await createCase(await sessionUser(author.id))
    if (subject.status !== 'PUBLISHED') throw new Error(`the case is ${subject.status}, not PUBLISHED`)
    const cookies: string[] = []
    for (let w = 0; w < WRITERS; w++) {
      const user = await prisma.user.create({
        data: { email: `load${w}@load.example`, name: `負荷 会員${w}`, profession: 'NURSE', course: 'EQSO', cohort: 1, hospitalId: hospital.id, passwordHash: 'not-used' },
      })
      const { token } = await createSession(user.id, { ipAddress: '127.0.0.1', userAgent: 'bench:load' })
      cookies.push((await commitSessionCookie(token)).split(';')[0]!)
    }
    await prisma.$disconnect()
    console.log(`setup ${((Date.now() - started) / 1000).toFixed(1)} s: production server ${app.origin}, ${WRITERS} members, case ${subject.id}`)

    const outcomes: Outcome[] = []
    let firstNetworkError: string | undefined
    const acknowledged = new Set<string>()
    const stopAt = Date.now() + DURATION_S * 1000
    const post = async (w: number, n: number) => {
      const marker = `LOADTEST-w${w}-n${n}`
      const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `負荷試験のコメント ${marker}` }] }] })
      const t0 = performance.now()
      let status = 0
      let retryAfter: string | null = null
      try {
        const response = await fetch(`${app.origin}/cases/${subject.id}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Cookie: cookies[w]!, Origin: app.origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ intent: 'comment', body }),
          signal: AbortSignal.timeout(60_000),
        })
        status = response.status
        retryAfter = response.headers.get('retry-after')
        await response.arrayBuffer()
      } catch (error) {
        status = 0 // connection refused or reset: not acknowledged
        firstNetworkError ??= String((error as Error).cause ?? error)
      }
      outcomes.push({ status, ms: performance.now() - t0, retryAfter })
      if (status >= 200 && status < 400) acknowledged.add(marker)
      // A member told to retry waits as asked (or a second after a network error), as a browser user would.
      if (status === 503 || status === 0) await sleep(Math.min(Number(retryAfter ?? 1) * 1000, 5000))
    }
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; Date.now() < stopAt; n++) await post(w, n)
    })

    // The fault: SIGKILL PostgreSQL, leave it down, start it again; /healthz is asked meanwhile.
    let restartedAt = 0
    const healthDuringOutage: number[] = []
    const fault = (async () => {
      if (!KILL) return
      await sleep(KILL_AT_S * 1000)
      await database.kill()
      const downUntil = Date.now() + DOWN_S * 1000
      while (Date.now() < downUntil) {
        healthDuringOutage.push((await fetch(`${app.origin}/healthz`).catch(() => null))?.status ?? 0)
        await sleep(1000)
      }
      await database.restart()
      restartedAt = Date.now()
    })()
    await Promise.all([...writers, fault])
    const endedAt = Date.now()

    // The outbox: how long after the restart until every row is processed (the app's worker drains it).
    let drainedAfterS: number | null = null
    const client = db()
    await client.connect()
    for (let waited = 0; waited < 120_000; waited += 250) {
      const { rows } = await client.query<{ pending: string }>('SELECT count(*) AS pending FROM "SearchOutbox"')
      if (Number(rows[0]?.pending) === 0) {
        drainedAfterS = ((Date.now() - (restartedAt || endedAt)) / 1000)
        break
      }
      await sleep(250)
    }
    const { rows: comments } = await client.query<{ body: string }>('SELECT body::text AS body FROM "Comment" WHERE "caseId" = $1', [subject.id])
    await client.end()

    const stored = new Map<string, number>()
    for (const { body } of comments) for (const match of body.matchAll(MARKER)) stored.set(match[0], (stored.get(match[0]) ?? 0) + 1)
    const lost = [...acknowledged].filter((marker) => !stored.has(marker)).length
    const duplicates = [...stored.values()].filter((count) => count > 1).length
    const unacknowledgedButStored = [...stored.keys()].filter((marker) => !acknowledged.has(marker)).length
    const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b)
    const byStatus = new Map<number, number>()
    for (const { status } of outcomes) byStatus.set(status, (byStatus.get(status) ?? 0) + 1)
    const fiveHundreds = outcomes.filter((o) => o.status >= 500)
    const unavailable = outcomes.filter((o) => o.status === 503)
    const withRetryAfter = unavailable.filter((o) => o.retryAfter).length

    const rows: [string, string][] = [
      ['writers × duration', `${WRITERS} × ${DURATION_S} s${KILL ? `, PostgreSQL killed at ${KILL_AT_S} s, restarted ${DOWN_S} s later` : ''}`],
      ['requests', String(outcomes.length)],
      ['acknowledged writes', String(acknowledged.size)],
      ['acknowledged writes lost', String(lost)],
      ['duplicates', String(duplicates)],
      ['failed requests that left a row', String(unacknowledgedButStored)],
      ['5xx', `${fiveHundreds.length} (503: ${unavailable.length}, with Retry-After: ${withRetryAfter}; other 5xx: ${fiveHundreds.length - unavailable.length})`],
      ['connection errors', `${byStatus.get(0) ?? 0}${firstNetworkError ? ` (first: ${firstNetworkError.slice(0, 120)})` : ''}`],
      ['statuses', [...byStatus.entries()].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')],
      ['latency p50 / p99', `${(percentile(times, 0.5) / 1000).toFixed(2)} s / ${(percentile(times, 0.99) / 1000).toFixed(2)} s`],
      ['writes/s', (acknowledged.size / DURATION_S).toFixed(1)],
      ['/healthz during the outage', KILL ? healthDuringOutage.join(' ') : '—'],
      ['outbox drained after recovery', drainedAfterS === null ? 'not within 120 s' : `${drainedAfterS.toFixed(1)} s${KILL ? ' after the restart' : ' after the load'}`],
    ]
    console.log('')
    for (const [label, value] of rows) console.log(`${label.padEnd(34)} ${value}`)
    const serverErrors = app.output().split('\n').filter((line) => /"level":50|P2028|Unexpected Server Error/.test(line))
    const serverLog = path.join(os.tmpdir(), `qso-load-server-${process.pid}.log`)
    writeFileSync(serverLog, app.output())
    console.log(`${'server'.padEnd(34)} ${app.child.exitCode === null ? 'still running' : `exited (${app.child.exitCode})`}; its log: ${serverLog}`)
    console.log(`${'server error log lines'.padEnd(34)} ${serverErrors.length}${serverErrors[0] ? `  first: ${serverErrors[0].slice(0, 200)}` : ''}`)
  } finally {
    await app.stop()
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
