import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
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
 * (demo, development), which is audited; a closed month is never recomputed.
 */
export const CLOSE_DAY = 15

/** The latest month whose close is due at `now`: last month from the 15th, otherwise the month before. */
export function latestDueMonth(now: Date = new Date()): Period {
  const day = Number(japanDateKey(now).slice(8, 10))
  return addMonths(currentPeriod(now), day >= CLOSE_DAY ? -1 : -2)
}

type Db = Prisma.TransactionClient

async function freeze(tx: Db, period: Period, closedById: string | null): Promise<number> {
  // Serialises two closes of the same month (a scheduled one and an admin's): the second finds the row.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`benchmark-close:${period}`}))`
  if (await tx.benchmarkClose.findUnique({ where: { period }, select: { period: true } })) return -1
  const rows = await tx.benchmarkSubmission.findMany({ where: { period } })
  const days = daysInMonth(period)
  await tx.benchmarkClose.create({ data: { period, closedById, hospitals: rows.length } })
  await tx.benchmarkPeerClose.createMany({
    data: rows.map((row) => ({
      period,
      hospitalId: row.hospitalId,
      reports: row.reportsTotal,
      physicianReports: row.byPhysician,
      harmReports: HARM_LEVEL_KEYS.reduce((sum, key) => sum + row[key], 0),
      medicationReports: row.catMedication,
      falls: row.falls,
      injuriousFalls: row.fallsInjury,
      patientDays: row.patientDays,
      bedDays: row.beds * days,
    })),
  })
  return rows.length
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
