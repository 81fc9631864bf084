import { Prisma, type PrismaClient } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { japanDateKey } from '#app/lib/japan-time.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { HARM_LEVEL_KEYS } from './fields.ts'
import { daysInMonth } from './metrics.ts'
import { addMonths, currentPeriod, type Period } from './period.ts'

/**
 * The monthly close (docs/decisions/0035-benchmark-disclosure-control.md). Month M closes on the 15th of M + 1
 * (Japan time): every hospital's figures for M are copied, reduced to the six metrics' numerators and
 * denominators, into BenchmarkPeerClose and never change again. Peer statistics read only closed months, so a
 * member who corrects their own figures and re-reads learns nothing new. An admin may close a past month early
 * (demo, development), which is audited; a closed month is never recomputed. The close also keeps each hospital's
 * running totals over the closed months (BenchmarkPeerCumulative), which is what the dashboard reads
 * (docs/decisions/0036-benchmark-dashboard-time.md).
 */
export const CLOSE_DAY = 15

/** The latest month whose close is due at `now`: last month from the 15th, otherwise the month before. */
export function latestDueMonth(now: Date = new Date()): Period {
  const day = Number(japanDateKey(now).slice(8, 10))
  return addMonths(currentPeriod(now), day >= CLOSE_DAY ? -1 : -2)
}

type Db = Prisma.TransactionClient

// One lock for every close, not one per month: besides the month's own rows, a close updates the running totals of
// every later closed month (BenchmarkPeerCumulative), so two closes of different months must not interleave either.
const CLOSE_LOCK = 'benchmark-close'

// The harm levels' columns, added up in SQL. Identifiers from a constant list, never from input.
const HARM_SUM = Prisma.join(
  HARM_LEVEL_KEYS.map((key) => Prisma.raw(`s."${key}"`)),
  ' + ',
)

async function freeze(tx: Db, period: Period, closedById: string | null): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${CLOSE_LOCK}))`
  if (await tx.benchmarkClose.findUnique({ where: { period }, select: { period: true } })) return -1
  await tx.benchmarkClose.create({ data: { period, closedById, hospitals: 0 } })
  // Copied inside PostgreSQL: a month of 500 hospitals took ≈ 0.4 s as findMany + createMany through the client.
  const hospitals = await tx.$executeRaw`
    INSERT INTO "BenchmarkPeerClose" ("period", "hospitalId", "reports", "physicianReports", "harmReports", "medicationReports", "falls", "injuriousFalls", "patientDays", "bedDays")
    SELECT s."period", s."hospitalId", s."reportsTotal", s."byPhysician", ${HARM_SUM}, s."catMedication", s."falls", s."fallsInjury", s."patientDays", s."beds" * ${daysInMonth(period)}::int
    FROM "BenchmarkSubmission" s WHERE s."period" = ${period}`
  await tx.benchmarkClose.update({ where: { period }, data: { hospitals } })
  await accumulate(tx, period)
  return hospitals
}

/**
 * Brings the running totals up to date after `period` was frozen. Usually `period` is the newest closed month and
 * only its own rows are written (the previous closed month's totals plus this month). A month closed after later
 * ones (an old month whose first figures arrived late, or an admin's early close) is also added into every later
 * closed month's totals, and a hospital whose first frozen month it is gets a row in each of them.
 */
async function accumulate(tx: Db, period: Period): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "BenchmarkPeerCumulative" ("period", "hospitalId", "months", "reports", "physicianReports", "harmReports", "medicationReports", "falls", "injuriousFalls", "patientDays", "bedDays")
    SELECT ${period}, coalesce(f."hospitalId", c."hospitalId"),
           coalesce(c."months", 0) + (CASE WHEN f."hospitalId" IS NULL THEN 0 ELSE 1 END),
           coalesce(c."reports", 0) + coalesce(f."reports", 0),
           coalesce(c."physicianReports", 0) + coalesce(f."physicianReports", 0),
           coalesce(c."harmReports", 0) + coalesce(f."harmReports", 0),
           coalesce(c."medicationReports", 0) + coalesce(f."medicationReports", 0),
           coalesce(c."falls", 0) + coalesce(f."falls", 0),
           coalesce(c."injuriousFalls", 0) + coalesce(f."injuriousFalls", 0),
           coalesce(c."patientDays", 0) + coalesce(f."patientDays", 0),
           coalesce(c."bedDays", 0) + coalesce(f."bedDays", 0)
    FROM (SELECT * FROM "BenchmarkPeerCumulative"
          WHERE "period" = (SELECT max("period") FROM "BenchmarkClose" WHERE "period" < ${period})) c
    FULL JOIN (SELECT * FROM "BenchmarkPeerClose" WHERE "period" = ${period}) f ON f."hospitalId" = c."hospitalId"`
  await tx.$executeRaw`
    UPDATE "BenchmarkPeerCumulative" t
    SET "months" = t."months" + 1,
        "reports" = t."reports" + f."reports",
        "physicianReports" = t."physicianReports" + f."physicianReports",
        "harmReports" = t."harmReports" + f."harmReports",
        "medicationReports" = t."medicationReports" + f."medicationReports",
        "falls" = t."falls" + f."falls",
        "injuriousFalls" = t."injuriousFalls" + f."injuriousFalls",
        "patientDays" = t."patientDays" + f."patientDays",
        "bedDays" = t."bedDays" + f."bedDays"
    FROM "BenchmarkPeerClose" f
    WHERE f."period" = ${period} AND t."period" > ${period} AND t."hospitalId" = f."hospitalId"`
  await tx.$executeRaw`
    INSERT INTO "BenchmarkPeerCumulative" ("period", "hospitalId", "months", "reports", "physicianReports", "harmReports", "medicationReports", "falls", "injuriousFalls", "patientDays", "bedDays")
    SELECT later."period", f."hospitalId", 1, f."reports", f."physicianReports", f."harmReports", f."medicationReports", f."falls", f."injuriousFalls", f."patientDays", f."bedDays"
    FROM "BenchmarkClose" later
    JOIN "BenchmarkPeerClose" f ON f."period" = ${period}
    WHERE later."period" > ${period}
      AND NOT EXISTS (SELECT 1 FROM "BenchmarkPeerCumulative" t WHERE t."period" = later."period" AND t."hospitalId" = f."hospitalId")`
}

/**
 * Closes every month that is due and not yet closed (called before peer figures are read, so no scheduler is
 * needed). Months without any submission are not closed: there is nothing to freeze yet.
 */
export async function closeDueMonths(now: Date = new Date(), db: PrismaClient = prisma): Promise<Period[]> {
  const due = latestDueMonth(now)
  // Runs on every dashboard view, so it must stay cheap: the distinct months are walked through the period index
  // one month at a time (a "loose index scan", ≈ 60 index probes for 5 years) rather than reading every
  // submission (Prisma's `distinct` would fetch all rows and de-duplicate in memory).
  const rows = await db.$queryRaw<{ period: string }[]>`
    WITH RECURSIVE months AS (
      (SELECT period FROM "BenchmarkSubmission" WHERE period <= ${due} ORDER BY period LIMIT 1)
      UNION ALL
      SELECT (SELECT s.period FROM "BenchmarkSubmission" s WHERE s.period > months.period AND s.period <= ${due} ORDER BY s.period LIMIT 1)
      FROM months WHERE months.period IS NOT NULL
    )
    SELECT period FROM months
    WHERE period IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "BenchmarkClose" c WHERE c.period = months.period)
    ORDER BY period`
  const open = rows.map((row) => row.period)
  const newlyClosed: Period[] = []
  for (const period of open) {
    const frozen = await db.$transaction((tx) => freeze(tx, period, null), { timeout: 30_000 })
    if (frozen >= 0) newlyClosed.push(period)
  }
  return newlyClosed
}

export type CloseNowOutcome = { ok: true; period: Period; hospitals: number } | { ok: false; message: string }

/** An admin closes a past month before its 15th (demo, development). Audited; refuses a month already closed. */
export async function closeMonthNow(input: { period: string; actorId: string; request: Request; now?: Date }): Promise<CloseNowOutcome> {
  const { period } = input
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return { ok: false, message: '対象月は YYYY-MM の形式で選んでください。' }
  if (period >= currentPeriod(input.now)) return { ok: false, message: '締められるのは前月までです（今月分はまだ提出の途中です）。' }
  return prisma.$transaction(
    async (tx) => {
      const hospitals = await freeze(tx, period, input.actorId)
      if (hospitals < 0) return { ok: false as const, message: `${period} はすでに締められています（締めた月は再計算しません）。` }
      await recordAudit({ action: 'benchmark.month-closed', actorId: input.actorId, request: input.request, details: { period, hospitals } }, tx)
      return { ok: true as const, period, hospitals }
    },
    { timeout: 30_000 },
  )
}

/** The closed months among a range (the dashboard says which months the peer figures cover). */
export async function closedMonths(from: Period, to: Period): Promise<Period[]> {
  const rows = await prisma.benchmarkClose.findMany({ where: { period: { gte: from, lte: to } }, select: { period: true }, orderBy: { period: 'asc' } })
  return rows.map((row) => row.period)
}
