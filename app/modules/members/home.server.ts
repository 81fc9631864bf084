import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { listNotifications } from '#app/modules/notifications/notifications.server.ts'

const memberCard = { id: true, name: true, course: true, cohort: true, profession: true, department: true } as const

/** What /home shows a member about the community: colleagues at their hospital and who joined recently. */
export async function loadHomeSummary(user: SessionUser) {
  const [me, colleagues, newcomers, memberCount, notifications] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { name: true, course: true, cohort: true, profession: true, hospital: { select: { name: true } }, department: true },
    }),
    user.hospitalId
      ? prisma.user.findMany({
          where: { hospitalId: user.hospitalId, status: 'ACTIVE', id: { not: user.id } },
          select: memberCard,
          orderBy: { name: 'asc' },
          take: 12,
        })
      : Promise.resolve([]),
    prisma.user.findMany({ where: { status: 'ACTIVE' }, select: { ...memberCard, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 5 }),
    prisma.user.count({ where: { status: 'ACTIVE' } }),
    listNotifications(user.id, { take: 5, unreadOnly: true }),
  ])
  return { me, colleagues, newcomers, memberCount, notifications }
}
