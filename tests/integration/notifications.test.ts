import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { countUnread, deleteOldReadNotifications, listNotifications, notify } from '#app/modules/notifications/notifications.server.ts'
import * as notificationsRoute from '#app/routes/notifications/index.tsx'
import { createUser, makeRequest, sessionCookieFor } from '#tests/fixtures/auth.ts'
import { expectLoginRedirect, expectResponse, routeArgs } from '#tests/fixtures/routes.ts'

describe('notifications', () => {
  test('notify writes one row per distinct member, only inside a committed transaction', async () => {
    const [a, b] = await Promise.all([createUser({ email: 'a@example.jp' }), createUser({ email: 'b@example.jp' })])
    await notify({ userIds: [a.id, b.id, a.id], kind: 'test', title: '新しいコメント', url: '/cases/1' })
    expect(await countUnread(a.id)).toBe(1)
    expect(await countUnread(b.id)).toBe(1)

    await expect(
      prisma.$transaction(async (tx) => {
        await notify({ userIds: [a.id], kind: 'test', title: '取り消される', url: '/cases/2' }, tx)
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    expect(await countUnread(a.id)).toBe(1)
  })

  test('refuses links that leave the site', async () => {
    const a = await createUser({ email: 'c@example.jp' })
    await expect(notify({ userIds: [a.id], kind: 'test', title: 'x', url: 'https://evil.example/' })).rejects.toThrow()
    await expect(notify({ userIds: [a.id], kind: 'test', title: 'x', url: '//evil.example/' })).rejects.toThrow()
  })

  test('the page lists only the member’s own notifications; opening one marks it read and follows it', async () => {
    const [owner, other] = await Promise.all([createUser({ email: 'owner@example.jp' }), createUser({ email: 'other@example.jp' })])
    await notify({ userIds: [owner.id], kind: 'test', title: '自分宛て', url: '/cases/abc' })
    await notify({ userIds: [other.id], kind: 'test', title: '他人宛て', url: '/cases/xyz' })
    const ownerCookie = await sessionCookieFor(owner.id)
    const otherCookie = await sessionCookieFor(other.id)

    const page = (await notificationsRoute.loader(routeArgs(makeRequest('/notifications', { cookie: ownerCookie })))) as Awaited<ReturnType<typeof notificationsRoute.loader>>
    expect(page.items.map((item) => item.title)).toEqual(['自分宛て'])

    const [own] = (await listNotifications(owner.id)).items
    // Someone else cannot open (or learn the target of) the owner's notification.
    const denied = await notificationsRoute.action(routeArgs(makeRequest('/notifications', { cookie: otherCookie, form: { intent: 'open', id: own!.id } }))).catch((error: unknown) => error)
    expectResponse(denied, 404)
    expect(await countUnread(owner.id)).toBe(1)

    const opened = await notificationsRoute.action(routeArgs(makeRequest('/notifications', { cookie: ownerCookie, form: { intent: 'open', id: own!.id } })))
    expect(expectResponse(opened, 302).headers.get('Location')).toBe('/cases/abc')
    expect(await countUnread(owner.id)).toBe(0)
    expect(await countUnread(other.id)).toBe(1)

    await notificationsRoute.action(routeArgs(makeRequest('/notifications', { cookie: otherCookie, form: { intent: 'read-all' } })))
    expect(await countUnread(other.id)).toBe(0)
  })

  test('anonymous visitors are sent to sign in', async () => {
    const result = await notificationsRoute.loader(routeArgs(makeRequest('/notifications'))).catch((error: unknown) => error)
    expectLoginRedirect(result, '/notifications')
  })

  test('housekeeping deletes read notifications after the retention period, never unread ones', async () => {
    const a = await createUser({ email: 'old@example.jp' })
    const longAgo = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000)
    await prisma.notification.createMany({
      data: [
        { userId: a.id, kind: 'test', title: '古い既読', url: '/home', createdAt: longAgo, readAt: longAgo },
        { userId: a.id, kind: 'test', title: '古い未読', url: '/home', createdAt: longAgo },
      ],
    })
    expect(await deleteOldReadNotifications()).toBe(1)
    expect((await listNotifications(a.id)).items.map((item) => item.title)).toEqual(['古い未読'])
  })
})
