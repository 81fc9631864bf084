/** Consultations section of `npm run bench`: the desk queue, the admin figures and one thread, on a busy year. */
import type { PrismaClient } from '#app/generated/prisma/client.ts'

type Measure = (runs: number, task: (i: number) => Promise<unknown>) => Promise<{ median: number; p95: number; runs: number }>
type Show = (label: string, figures: { median: number; p95: number; runs: number }) => void

export async function benchConsultations(prisma: PrismaClient, measure: Measure, show: Show) {
  const { deskQueue, consultationFigures } = await import('#app/modules/consultations/desk.server.ts')
  const { getThread } = await import('#app/modules/consultations/thread.server.ts')
  const requestCount = 2000
  console.log(`\n== Consultations: ${requestCount} requests over a year (10% open), a thread of 60 messages`)
  const members = await prisma.user.findMany({ select: { id: true, hospitalId: true }, take: 500 })
  const consultant = await prisma.user.create({
    data: { email: 'bench-consultant@bench.example', name: 'ベンチ 相談員', profession: 'PHYSICIAN', role: 'CONSULTANT', passwordHash: 'x' },
  })
  const urgencies = ['EMERGENCY', 'URGENT', 'ROUTINE'] as const
  const now = Date.now()
  const hour = 60 * 60 * 1000
  await prisma.consultation.createMany({
    data: Array.from({ length: requestCount }, (_, i) => {
      const submittedAt = new Date(now - ((i * 4.3) % (365 * 24)) * hour)
      const open = i % 10 === 0
      return {
        requesterId: members[i % members.length]?.id ?? consultant.id,
        hospitalId: members[i % members.length]?.hospitalId ?? null,
        status: open ? ('SUBMITTED' as const) : ('CLOSED' as const),
        urgency: urgencies[i % 3],
        submittedAt,
        firstResponseAt: open ? null : new Date(submittedAt.getTime() + ((i % 50) + 1) * hour * 0.2),
        decisionPending: `ベンチ相談 ${i}`,
        summary: '架空の概要',
      }
    }),
  })
  const thread = await prisma.consultation.findFirstOrThrow({ where: { status: 'SUBMITTED' }, select: { id: true, requesterId: true } })
  await prisma.consultationMessage.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({ consultationId: thread.id, authorId: i % 2 ? consultant.id : thread.requesterId, body: `メッセージ ${i}`, internal: i % 7 === 0 })),
  })
  const user = { id: consultant.id, email: consultant.email, name: consultant.name, role: consultant.role, status: consultant.status, hospitalId: null }
  show('desk queue: open requests, sorted', await measure(50, () => deskQueue(user, { status: 'open', assignee: 'all', overdue: false })))
  show('desk queue: all states (capped at 300)', await measure(50, () => deskQueue(user, { status: 'all', assignee: 'all', overdue: false })))
  show('admin figures: 12 months', await measure(20, () => consultationFigures()))
  const access = { id: thread.id, requesterId: thread.requesterId, status: 'SUBMITTED' as const, isRequester: false, isDesk: true }
  const request = new Request('http://localhost/consultations/bench')
  show('thread page data (60 messages, audited view)', await measure(50, () => getThread(user, access, request)))
}
