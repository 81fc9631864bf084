import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'

type Db = Prisma.TransactionClient | typeof prisma

export type NotificationInput = {
  userIds: readonly string[]
  /** What happened, e.g. "case.comment"; for grouping, never for access decisions. */
  kind: string
  /** Short and free of personal or case details: it is shown in lists and may be read over a shoulder. */
  title: string
  /** A path inside QSO Hub; the page behind it checks access again. */
  url: string
}

/** Adds a notification to each member's inbox. Pass the transaction so it appears only if the change commits. */
export async function notify(input: NotificationInput, db: Db = prisma): Promise<void> {
  if (!input.url.startsWith('/') || input.url.startsWith('//')) throw new Error(`Notification URL must be a local path: ${input.url}`)
  const userIds = [...new Set(input.userIds)]
  if (!userIds.length) return
  await db.notification.createMany({
    data: userIds.map((userId) => ({ userId, kind: input.kind, title: input.title.slice(0, 200), url: input.url })),
  })
}

export async function listNotifications(userId: string, { take = 20, skip = 0, unreadOnly = false } = {}) {
  const where = { userId, ...(unreadOnly ? { readAt: null } : {}) }
  const [items, total] = await Promise.all([
    prisma.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      skip,
      select: { id: true, kind: true, title: true, url: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where }),
  ])
  return { items, total }
}

export function countUnread(userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } })
}

/** Marks the given notifications (or all of them) as read; only the member's own are ever touched. */
export async function markNotificationsRead(userId: string, ids?: readonly string[]): Promise<number> {
  const result = await prisma.notification.updateMany({
    where: { userId, readAt: null, ...(ids ? { id: { in: [...ids] } } : {}) },
    data: { readAt: new Date() },
  })
  return result.count
}

/** Read notifications older than this are deleted by housekeeping; unread ones stay until read. */
export const READ_NOTIFICATION_RETENTION_DAYS = 180

export async function deleteOldReadNotifications(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - READ_NOTIFICATION_RETENTION_DAYS * 24 * 60 * 60 * 1000)
  const result = await prisma.notification.deleteMany({ where: { readAt: { lt: cutoff } } })
  return result.count
}

/** Marks one of the member's notifications as read and returns where it points, or null if it is not theirs. */
export async function openNotification(userId: string, id: string): Promise<string | null> {
  const notification = await prisma.notification.findFirst({ where: { id, userId }, select: { url: true, readAt: true } })
  if (!notification) return null
  if (!notification.readAt) await prisma.notification.update({ where: { id }, data: { readAt: new Date() } })
  return notification.url
}
