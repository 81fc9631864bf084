import { prisma } from '#app/lib/db.server.ts'
import { RULES, THROTTLE_WINDOW_MS, waitUntil, type ThrottleRule } from './throttle.ts'

// Enough rows to reach any cap: past this many failures every rule is at its ceiling.
const MAX_ROWS = 60

async function failureTimes(where: { email?: string; ipAddress?: string }, since: Date): Promise<Date[]> {
  const rows = await prisma.loginFailure.findMany({
    where: { ...where, createdAt: { gt: since } },
    orderBy: { createdAt: 'desc' },
    take: MAX_ROWS,
    select: { createdAt: true },
  })
  return rows.map((row) => row.createdAt)
}

/** The latest of the three waits (address+IP, IP, address), or null when an attempt is allowed now. */
export async function findSignInWait(email: string, ipAddress: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  const checks: Array<[Promise<Date[]>, ThrottleRule]> = [
    [failureTimes({ email, ipAddress }, since), RULES.addressAndIp],
    [failureTimes({ ipAddress }, since), RULES.ip],
    [failureTimes({ email }, since), RULES.address],
  ]
  const waits = await Promise.all(checks.map(async ([times, rule]) => waitUntil(await times, rule, now)))
  const dates = waits.filter((date): date is Date => date !== null)
  return dates.length ? new Date(Math.max(...dates.map((date) => date.getTime()))) : null
}

export async function recordSignInFailure(email: string, ipAddress: string) {
  await prisma.loginFailure.create({ data: { email, ipAddress } })
}

/** A successful sign-in forgives the account's earlier failures (not the IP's). */
export async function clearAccountFailures(email: string) {
  await prisma.loginFailure.deleteMany({ where: { email } })
}
