import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { benchmarkReminderMail } from '#app/modules/mail/templates.ts'
import { addMonths, formatPeriod, periodsBetween, previousPeriod, type Period } from './period.ts'

/** The admin's view of who has submitted which month, and the reminder for last month. Admin-only callers. */
export type CoverageRow = { id: string; name: string; members: number; submitted: Period[]; missedLastMonth: boolean }

export async function coverage(months = 12, now: Date = new Date()): Promise<{ periods: Period[]; lastMonth: Period; rows: CoverageRow[] }> {
  const lastMonth = previousPeriod(now)
  const periods = periodsBetween(addMonths(lastMonth, -(months - 1)), lastMonth)
  const [hospitals, submissions] = await Promise.all([
    prisma.hospital.findMany({
      select: { id: true, name: true, _count: { select: { members: { where: { status: 'ACTIVE' } } } } },
      orderBy: { name: 'asc' },
    }),
    prisma.benchmarkSubmission.findMany({ where: { period: { in: periods } }, select: { hospitalId: true, period: true } }),
  ])
  const byHospital = new Map<string, Period[]>()
  for (const row of submissions) byHospital.set(row.hospitalId, [...(byHospital.get(row.hospitalId) ?? []), row.period])
  const rows = hospitals.map((hospital) => {
    const submitted = byHospital.get(hospital.id) ?? []
    return { id: hospital.id, name: hospital.name, members: hospital._count.members, submitted, missedLastMonth: !submitted.includes(lastMonth) }
  })
  return { periods, lastMonth, rows }
}

export type ReminderOutcome = { period: Period; hospitals: number; mails: number; withoutMembers: string[] }

/** Mails every active member of each hospital that has not submitted last month. */
export async function sendMissingReminders(input: { actorId: string; request: Request; now?: Date }): Promise<ReminderOutcome> {
  const period = previousPeriod(input.now)
  const missing = await prisma.hospital.findMany({
    where: { benchmarkSubmissions: { none: { period } } },
    select: { id: true, name: true, members: { where: { status: 'ACTIVE' }, select: { email: true, name: true } } },
    orderBy: { name: 'asc' },
  })
  const link = new URL(`/benchmarks/submit?period=${period}`, getEnv().APP_ORIGIN).toString()
  let mails = 0
  for (const hospital of missing) {
    for (const member of hospital.members) {
      await sendMail({ to: member.email, ...benchmarkReminderMail({ name: member.name, hospitalName: hospital.name, period: formatPeriod(period), link }) })
      mails += 1
    }
  }
  const withoutMembers = missing.filter((hospital) => !hospital.members.length).map((hospital) => hospital.name)
  const reached = missing.length - withoutMembers.length
  await recordAudit({ action: 'benchmark.reminders-sent', actorId: input.actorId, request: input.request, details: { period, hospitals: reached, mails } })
  return { period, hospitals: reached, mails, withoutMembers }
}
