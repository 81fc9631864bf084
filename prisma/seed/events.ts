/**
 * Demo programme events: past ones (including the December 2024 and June 2025 follow-up trainings) and upcoming
 * ones through 2027, with a few sign-ups and a full event with a waiting list. Fictional details; online links
 * point at example.jp. Idempotent: events have fixed ids, registrations are keyed by (event, member), linked
 * cases by (event, case). Case-review meetings link demo cases by their seed key (prisma/seed/cases-data.ts).
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { EventKindCode, RegistrationStatusCode } from '#app/modules/events/labels.ts'
import type { CourseCode } from '#app/modules/members/labels.ts'

type DemoEvent = {
  id: string
  kind: EventKindCode
  title: string
  description: string
  startsAt: string // Japan time, ISO with +09:00
  endsAt: string
  venue?: string
  onlineUrl?: string
  capacity?: number
  signupDeadline?: string
  courses?: CourseCode[]
  maxCohort?: number
  cool?: number
  showOnPublicPage?: boolean
  summary?: string
  // Seed keys of the demo cases discussed (case-review meetings only), in order.
  cases?: string[]
  registrations?: [email: string, status: RegistrationStatusCode][]
}

const VENUE = '名古屋大学医学部附属病院 講義室（デモ）'

const events: DemoEvent[] = [
  {
    id: 'demo-event-follow-up-2024-12',
    kind: 'FOLLOW_UP',
    title: 'フォロー研修会（2024年12月）',
    description: '修了生が集まり、各病院の1年間の取り組みを報告し合いました。テーマ：転倒・転落対策の評価。',
    startsAt: '2024-12-14T13:00:00+09:00',
    endsAt: '2024-12-14T17:00:00+09:00',
    venue: VENUE,
    capacity: 40,
    showOnPublicPage: true,
    summary: '転倒・転落の報告率の読み方と、対策の効果をどう測るかを議論しました。次回は薬剤関連事例を取り上げます。（デモ）',
    registrations: [
      ['member@qso.example', 'REGISTERED'],
      ['member2@qso.example', 'REGISTERED'],
      ['demo.cqso3@qso.example', 'REGISTERED'],
    ],
  },
  {
    id: 'demo-event-follow-up-2025-06',
    kind: 'FOLLOW_UP',
    title: 'フォロー研修会（2025年6月）',
    description: '成果報告会に合わせた研修会。ハイリスク薬の誤投与防止を中心に、対策の強さ（RCA2の階層）を学びました。',
    startsAt: '2025-06-14T13:00:00+09:00',
    endsAt: '2025-06-14T17:00:00+09:00',
    venue: VENUE,
    onlineUrl: 'https://meet.example.jp/qso-follow-up-2025-06',
    capacity: 50,
    showOnPublicPage: true,
    summary: '弱い対策（注意喚起・研修）に頼りがちな現状を共有し、標準化・強制機能への置き換え例を検討しました。（デモ）',
    registrations: [
      ['member@qso.example', 'REGISTERED'],
      ['demo.eqso4@qso.example', 'REGISTERED'],
    ],
  },
  {
    id: 'demo-event-case-review-2025-10',
    kind: 'CASE_REVIEW',
    title: '事例検討会：輸液ポンプの設定誤り',
    description: '匿名化した事例をもとに、背景要因をSHELLで整理しました。',
    startsAt: '2025-10-21T18:30:00+09:00',
    endsAt: '2025-10-21T20:00:00+09:00',
    onlineUrl: 'https://meet.example.jp/qso-case-review-2025-10',
    capacity: 30,
    summary: '流量と予定量の取り違えを防ぐ「ダブルチェックの中身」を具体化しました。（デモ）',
    cases: ['demo-case-12', 'demo-case-01', 'demo-case-06'],
    registrations: [['member2@qso.example', 'REGISTERED']],
  },
  {
    id: 'demo-event-results-2026-06',
    kind: 'RESULTS',
    title: '2025年度 成果報告会',
    description: '受講生が1年間の問題解決の成果を報告します。修了生も聴講できます。',
    startsAt: '2026-06-13T10:00:00+09:00',
    endsAt: '2026-06-13T16:00:00+09:00',
    venue: VENUE,
    showOnPublicPage: true,
  },
  {
    id: 'demo-event-hub-guide-2026-12',
    kind: 'OTHER',
    title: 'QSO Hub 操作説明会（オンライン）',
    description: '事例共有・ベンチマークなど QSO Hub の使い方を30分でご案内します。',
    startsAt: '2026-12-03T12:15:00+09:00',
    endsAt: '2026-12-03T12:45:00+09:00',
    onlineUrl: 'https://meet.example.jp/qso-hub-guide',
  },
  {
    id: 'demo-event-case-review-2026-12',
    kind: 'CASE_REVIEW',
    title: '事例検討会：転倒後の頭部CTの判断',
    description: '抗凝固薬内服中の患者の転倒事例（匿名化済み）。観察と報告の流れを検討します。',
    startsAt: '2026-12-10T18:30:00+09:00',
    endsAt: '2026-12-10T20:00:00+09:00',
    onlineUrl: 'https://meet.example.jp/qso-case-review-2026-12',
    capacity: 30,
    signupDeadline: '2026-12-08T23:59:00+09:00',
    cases: ['demo-case-05'],
    registrations: [['member@qso.example', 'REGISTERED']],
  },
  {
    id: 'demo-event-reattend-cqso-c5-2026',
    kind: 'REATTENDANCE',
    title: '再聴講研修：CQSO クール5',
    description: 'CQSO クール5の講義を修了生が再聴講できます（7期生まで）。',
    startsAt: '2026-12-15T09:00:00+09:00',
    endsAt: '2026-12-18T17:00:00+09:00',
    venue: VENUE,
    capacity: 3,
    signupDeadline: '2026-12-01T23:59:00+09:00',
    courses: ['CQSO'],
    maxCohort: 7,
    cool: 5,
    registrations: [['demo.cqso3@qso.example', 'REGISTERED']],
  },
  {
    id: 'demo-event-reattend-eqso-c5-2026',
    kind: 'REATTENDANCE',
    title: '再聴講研修：EQSO・AQSO（日々） クール5',
    description: 'EQSO・AQSO（日々）クール5の講義を再聴講できます。定員が少ないため、満席の場合はキャンセル待ちになります。',
    startsAt: '2026-12-16T09:30:00+09:00',
    endsAt: '2026-12-16T17:00:00+09:00',
    venue: VENUE,
    capacity: 2,
    signupDeadline: '2026-12-09T23:59:00+09:00',
    courses: ['EQSO', 'AQSO_DAILY'],
    maxCohort: 4,
    cool: 5,
    registrations: [
      ['demo.eqso4@qso.example', 'REGISTERED'],
      ['demo.eqso1@qso.example', 'REGISTERED'],
      ['member2@qso.example', 'WAITLISTED'],
    ],
  },
  {
    id: 'demo-event-follow-up-2027-01',
    kind: 'FOLLOW_UP',
    title: 'フォロー研修会（2027年1月）',
    description: 'テーマ：医療事故調査制度への対応と、院内調査の進め方。会場とオンラインの併用です。',
    startsAt: '2027-01-23T13:00:00+09:00',
    endsAt: '2027-01-23T17:00:00+09:00',
    venue: VENUE,
    onlineUrl: 'https://meet.example.jp/qso-follow-up-2027-01',
    capacity: 40,
    signupDeadline: '2027-01-15T23:59:00+09:00',
    showOnPublicPage: true,
  },
  {
    id: 'demo-event-reattend-cqso-c6-2027',
    kind: 'REATTENDANCE',
    title: '再聴講研修：CQSO クール6',
    description: 'CQSO クール6の講義を再聴講できます。',
    startsAt: '2027-02-02T09:00:00+09:00',
    endsAt: '2027-02-04T17:00:00+09:00',
    venue: VENUE,
    capacity: 3,
    courses: ['CQSO'],
    maxCohort: 7,
    cool: 6,
  },
  {
    id: 'demo-event-case-review-2027-03',
    kind: 'CASE_REVIEW',
    title: '事例検討会：ハイリスク薬の投与量確認',
    description: '持ち寄った事例（匿名化済み）を検討します。事例の提供者を募集しています。',
    startsAt: '2027-03-09T18:30:00+09:00',
    endsAt: '2027-03-09T20:00:00+09:00',
    onlineUrl: 'https://meet.example.jp/qso-case-review-2027-03',
    capacity: 30,
  },
  {
    id: 'demo-event-results-2027-06',
    kind: 'RESULTS',
    title: '2026年度 成果報告会',
    description: 'CQSO 8期・EQSO 5期・AQSO 5期の受講生が成果を報告します。',
    startsAt: '2027-06-12T10:00:00+09:00',
    endsAt: '2027-06-12T16:00:00+09:00',
    venue: VENUE,
    showOnPublicPage: true,
  },
  {
    id: 'demo-event-follow-up-2027-06',
    kind: 'FOLLOW_UP',
    title: 'フォロー研修会（2027年6月）',
    description: '成果報告会の翌日に開催します。テーマは後日お知らせします。',
    startsAt: '2027-06-13T10:00:00+09:00',
    endsAt: '2027-06-13T15:00:00+09:00',
    venue: VENUE,
    capacity: 50,
    showOnPublicPage: true,
  },
]

/** When the `index`-th demo sign-up was made: a week before the event, or, for later events, a day before now. */
export function signupTime(startsAt: Date, index: number, now: Date): Date {
  const base = Math.min(startsAt.getTime() - 7 * 86_400_000, now.getTime() - 86_400_000)
  return new Date(base + index * 60_000)
}

export async function seedEvents(prisma: PrismaClient) {
  const admin = await prisma.user.findUnique({ where: { email: 'admin@qso.example' }, select: { id: true } })
  let registrations = 0
  let links = 0
  for (const { registrations: signups = [], cases = [], id, startsAt, endsAt, signupDeadline, summary, ...event } of events) {
    const data = {
      ...event,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      signupDeadline: signupDeadline ? new Date(signupDeadline) : null,
      summary: summary ?? null,
      summaryPostedAt: summary ? new Date(endsAt) : null,
      createdById: admin?.id ?? null,
    }
    await prisma.event.upsert({ where: { id }, update: {}, create: { id, ...data } })
    for (const [index, [email, status]] of signups.entries()) {
      const user = await prisma.user.findUnique({ where: { email }, select: { id: true } })
      if (!user) continue
      // Queue order follows the list; sign-ups a week before the start, but never later than the seeding itself:
      // a sign-up dated in the future (an event next June) read as nonsense on the participants page.
      const queuedAt = signupTime(new Date(startsAt), index, new Date())
      await prisma.eventRegistration.upsert({
        where: { eventId_userId: { eventId: id, userId: user.id } },
        update: {},
        create: { eventId: id, userId: user.id, status, queuedAt, reminderSentAt: new Date(startsAt) < new Date() ? queuedAt : null },
      })
      registrations += 1
    }
    for (const [position, key] of cases.entries()) {
      const found = await prisma.case.findUnique({ where: { importKey: `seed:${key}` }, select: { id: true } })
      if (!found) continue
      await prisma.eventCase.upsert({ where: { eventId_caseId: { eventId: id, caseId: found.id } }, update: {}, create: { eventId: id, caseId: found.id, position } })
      links += 1
    }
  }
  console.log(`Demo data: ${events.length} programme events, ${registrations} sign-ups, ${links} cases linked to case-review meetings.`)
}
