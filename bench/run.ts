/**
 * `npm run bench`: prints figures, asserts nothing. Runs against a throwaway embedded PostgreSQL so it never
 * touches development data. Each later area adds its section here.
 *
 * `npm run bench -- benchmarks search` runs only the named sections (members, deidentify, benchmarks,
 * consultations, events, cases, practices, search): the whole run takes minutes on the shared machine, and one
 * area's work needs only its own figures. The members' rows are always created, since later sections need users.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrateDeploy } from '#server/database.ts'
import { clusterUrl, ensureDatabase, startEmbeddedCluster } from '#server/embedded-postgres.ts'
import { benchSearch } from './search.ts'
import { benchDeidentify } from './deidentify.ts'

type Figures = { median: number; p95: number; runs: number }

async function measure(runs: number, task: (i: number) => Promise<unknown>): Promise<Figures> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await task(i)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0
  return { median: at(0.5), p95: at(0.95), runs }
}

const SECTIONS = ['members', 'deidentify', 'benchmarks', 'consultations', 'events', 'cases', 'practices', 'search'] as const
type Section = (typeof SECTIONS)[number]
const asked = process.argv.slice(2)
const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name))
if (unknown.length) {
  console.error(`知らない区分です: ${unknown.join(', ')}（使えるもの: ${SECTIONS.join(', ')}）`)
  process.exit(2)
}
const wanted = (section: Section) => asked.length === 0 || asked.includes(section)

const show = (label: string, figures: Figures) =>
  console.log(`${label.padEnd(58)} median ${figures.median.toFixed(2).padStart(8)} ms   p95 ${figures.p95.toFixed(2).padStart(8)} ms   (${figures.runs} runs)`)

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'qso-bench-'))
  const cluster = await startEmbeddedCluster(path.join(workDir, 'postgres'))
  try {
    await ensureDatabase(cluster.config, 'qso_bench')
    const url = clusterUrl(cluster, 'qso_bench')
    await migrateDeploy(url)
    process.env.DATABASE_URL = url
    process.env.NODE_ENV = 'production'
    // Production requires the TOTP key (app/lib/env.server.ts); a throwaway one fits a throwaway database.
    process.env.TWO_FACTOR_ENCRYPTION_KEY ??= randomBytes(32).toString('hex')
    // Mail that sections trigger (e.g. waiting-list promotions) goes to the throwaway directory.
    process.env.MAIL_DIR = path.join(workDir, 'mail')
    // The mail module says where each mail went (console.info); hundreds of those lines would bury the figures.
    console.info = () => undefined
    const { prisma } = await import('#app/lib/db.server.ts')
    const { hashPassword, verifyPassword } = await import('#app/modules/auth/password.server.ts')
    const { createSession, validateSessionToken } = await import('#app/modules/auth/session.server.ts')
    const { searchMembers } = await import('#app/modules/members/members.server.ts')

    const hash = await hashPassword('benchmark password')
    if (wanted('members')) {
      console.log('\n== Sign-in cost (argon2id, 19 MiB, t=2)')
      show('hash a password', await measure(20, () => hashPassword('benchmark password')))
      show('verify a password', await measure(20, () => verifyPassword(hash, 'benchmark password')))
    }

    const memberCount = 5000
    if (wanted('members')) console.log(`\n== Members: ${memberCount} members in 300 hospitals`)
    const prefectures = ['愛知県', '岐阜県', '三重県', '静岡県', '東京都', '大阪府']
    await prisma.hospital.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ name: `ベンチ病院${i}`, prefecture: prefectures[i % prefectures.length] ?? '愛知県', beds: 50 + (i % 900), type: 'GENERAL' as const })),
    })
    const hospitalIds = (await prisma.hospital.findMany({ select: { id: true } })).map((h) => h.id)
    const courses = ['CQSO', 'EQSO', 'AQSO_DAILY', 'AQSO_CRISIS', 'AQSO_NORMAL', 'AQSO_PROBLEM'] as const
    await prisma.user.createMany({
      data: Array.from({ length: memberCount }, (_, i) => ({
        email: `bench${i}@bench.example`,
        name: `会員 ${i}号`,
        profession: 'NURSE' as const,
        course: courses[i % courses.length],
        cohort: 1 + (i % 8),
        hospitalId: hospitalIds[i % hospitalIds.length],
        passwordHash: hash,
      })),
    })
    if (wanted('members')) {
      const users = await prisma.user.findMany({ select: { id: true }, take: 200 })
      const tokens = await Promise.all(users.map((u) => createSession(u.id, {}).then((s) => s.token)))
      show('validate a session (every signed-in request)', await measure(500, (i) => validateSessionToken(tokens[i % tokens.length] ?? '')))
      show('directory: first page, no filter', await measure(100, () => searchMembers({ page: 1 })))
      show('directory: course + cohort + prefecture', await measure(100, () => searchMembers({ page: 1, course: 'EQSO', cohort: 3, prefecture: '岐阜県' })))
      show('directory: free text (name / hospital / department)', await measure(100, () => searchMembers({ page: 1, q: '123' })))
    }
    if (wanted('deidentify')) await benchDeidentify(measure, show)

    if (wanted('benchmarks')) {
      const { benchBenchmarks } = await import('./benchmarks.ts')
      await benchBenchmarks(prisma, measure, show)
    }
    if (wanted('consultations')) await (await import('./consultations.ts')).benchConsultations(prisma, measure, show)

    if (wanted('events')) {
      const { benchEvents } = await import('./events.ts')
      await benchEvents({ prisma, measure, show })
    }
    if (wanted('cases')) await (await import('./cases.ts')).benchCases(prisma, measure, show)
    if (wanted('practices')) await (await import('./practices.ts')).benchPractices({ prisma, measure, show })
    if (wanted('search')) await benchSearch({ prisma, measure, show })
    await prisma.$disconnect()
  } finally {
    await cluster.stop()
    rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
