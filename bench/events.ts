/**
 * Programme events: what a burst of sign-ups costs when they all queue behind one event's row lock, and the
 * member pages' reads. Called from bench/run.ts after the members section (it reuses those members).
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'

type Figures = { median: number; p95: number; runs: number }
type Tools = {
  prisma: PrismaClient
  measure: (runs: number, task: (i: number) => Promise<unknown>) => Promise<Figures>
  show: (label: string, figures: Figures) => void
}

export async function benchEvents({ prisma, measure, show }: Tools) {
  const { cancelSignup, findEventForMember, listEventsForMember, signUp } = await import('#app/modules/events/events.server.ts')
  const users = await prisma.user.findMany({ select: { id: true, email: true, name: true, role: true, status: true, hospitalId: true }, take: 400, orderBy: { email: 'asc' } })
  const members: SessionUser[] = users
  const DAY = 86_400_000
  const eventCount = 120
  console.log(`\n== Events: ${eventCount} events; bursts of 100 concurrent sign-ups for 30 seats`)
  await prisma.event.createMany({
    data: Array.from({ length: eventCount }, (_, i) => ({
      kind: (['FOLLOW_UP', 'REATTENDANCE', 'CASE_REVIEW', 'RESULTS', 'OTHER'] as const)[i % 5]!,
      title: `ベンチ行事 ${i}`,
      startsAt: new Date(Date.now() + (i - 20) * 3 * DAY),
      endsAt: new Date(Date.now() + (i - 20) * 3 * DAY + 4 * 3600_000),
      venue: 'ベンチ会場',
      onlineUrl: 'https://meet.example.jp/bench',
      capacity: 30,
    })),
  })
  const events = await prisma.event.findMany({ where: { startsAt: { gt: new Date() } }, select: { id: true }, orderBy: { startsAt: 'asc' } })

  // Each run: 100 members press 参加を申し込む for the same event at once (Promise.all), 30 get seats.
  show(
    'burst: 100 concurrent sign-ups, one event (whole burst)',
    await measure(5, async (i) => {
      const eventId = events[i]!.id
      await Promise.all(members.slice(i * 50, i * 50 + 100).map((member) => signUp(eventId, member)))
    }),
  )
  const busy = events[0]!.id
  const seated = await prisma.eventRegistration.findMany({ where: { eventId: busy, status: 'REGISTERED' }, select: { userId: true }, take: 20 })
  show(
    'cancel a seat (moves the waiting list up, mail written)',
    await measure(seated.length, (i) => cancelSignup(busy, members.find((member) => member.id === seated[i]!.userId)!)),
  )
  const viewer = members[0]!
  show('/events: upcoming list with counts and own status', await measure(50, () => listEventsForMember(viewer, { when: 'upcoming' })))
  show('/events/:id: detail with counts and waiting position', await measure(100, (i) => findEventForMember(events[i % 5]!.id, members[60 + (i % 40)]!)))
}
