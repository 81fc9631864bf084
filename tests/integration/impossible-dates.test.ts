import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import * as adminEventRoute from '#app/routes/admin/events/edit.tsx'
import * as caseRoute from '#app/routes/cases/detail.tsx'
import { createUser, makeRequest, sessionCookieFor, settle } from '#tests/fixtures/auth.ts'
import { createCase, sessionUser } from '#tests/fixtures/cases.ts'
import { routeArgs, unwrap } from '#tests/fixtures/routes.ts'

// F8 of issue 13: 2026-02-30 was stored as 2026-03-02 and 0000-01-01 gave a 500. Every date typed into a form
// goes through the shared strict parser (app/lib/calendar-date.ts) and an impossible one is a field message.

describe("a case's meeting date", () => {
  test.each(['2026-02-30', '2025-04-31', '0000-01-01', '2026-13-01'])('%s is refused with a Japanese message and nothing is stored', async (meetingDate) => {
    const author = await createUser()
    const item = await createCase(await sessionUser(author.id))
    const cookie = await sessionCookieFor(author.id)
    const result = unwrap(await settle(() => caseRoute.action(routeArgs(makeRequest(`/cases/${item.id}`, { cookie, form: { intent: 'reviewed', meetingDate } }), { id: item.id }))))
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toMatch(/検討会の日付は(存在する日付|「2026-06-12」の形)/)
    expect((await prisma.case.findUniqueOrThrow({ where: { id: item.id } })).reviewedAtMeeting).toBeNull()
  })

  test('a real leap day is kept as typed', async () => {
    const author = await createUser()
    const item = await createCase(await sessionUser(author.id))
    const cookie = await sessionCookieFor(author.id)
    unwrap(await settle(() => caseRoute.action(routeArgs(makeRequest(`/cases/${item.id}`, { cookie, form: { intent: 'reviewed', meetingDate: '2028-02-29' } }), { id: item.id }))))
    expect((await prisma.case.findUniqueOrThrow({ where: { id: item.id } })).reviewedAtMeeting?.toISOString().slice(0, 10)).toBe('2028-02-29')
  })
})

describe("an event's dates", () => {
  const form = { intent: 'save', kind: 'FOLLOW_UP', title: '日付の試験', venue: '会場', startsAt: '2030-01-10T13:00', endsAt: '2030-01-10T17:00' }

  test.each([
    ['startsAt', '2026-02-30T13:00', '開始日時は存在する日付と時刻'],
    ['endsAt', '2030-01-10T24:00', '終了日時は存在する日付と時刻'],
    ['signupDeadline', '0000-01-01T00:00', '申込締切は存在する日付と時刻'],
  ])('%s = %s is a field error, and no event is created', async (field, value, message) => {
    const admin = await createUser({ role: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    const before = await prisma.event.count()
    const result = unwrap(await settle(() => adminEventRoute.action(routeArgs(makeRequest('/admin/events/new', { cookie, form: { ...form, [field]: value } })))))
    expect(result.status).toBe(400)
    expect(JSON.stringify(result.data)).toContain(message)
    expect(JSON.stringify(result.data)).toContain(value)
    expect(await prisma.event.count()).toBe(before)
  })
})
