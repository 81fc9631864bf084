import { prisma } from '#app/lib/db.server.ts'
import { lockedUntil, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, THROTTLE_WINDOW_MS } from './throttle.ts'

export async function findSignInLock(email: string, ipAddress: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  const [byAccount, byIp] = await Promise.all([
    prisma.loginFailure.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: MAX_FAILURES_PER_ACCOUNT,
      select: { createdAt: true },
    }),
    prisma.loginFailure.findMany({
      where: { ipAddress, createdAt: { gt: since } },
      orderBy: { createdAt: 'desc' },
      take: MAX_FAILURES_PER_IP,
      select: { createdAt: true },
    }),
  ])
  const locks = [
    lockedUntil(byAccount.map((row) => row.createdAt), MAX_FAILURES_PER_ACCOUNT, now),
    lockedUntil(byIp.map((row) => row.createdAt), MAX_FAILURES_PER_IP, now),
  ].filter((date): date is Date => date !== null)
  return locks.length ? new Date(Math.max(...locks.map((date) => date.getTime()))) : null
}

export async function recordSignInFailure(email: string, ipAddress: string) {
  await prisma.loginFailure.create({ data: { email, ipAddress } })
}

/** A successful sign-in forgives the account's earlier failures (not the IP's). */
export async function clearAccountFailures(email: string) {
  await prisma.loginFailure.deleteMany({ where: { email } })
}

