import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventKindBadge, RegistrationBadge } from '#app/components/events.tsx'
import { AdoptedPractices } from '#app/components/practices/adopted-practices.tsx'
import { MEMBER_AREAS } from '#app/components/member-areas.ts'
import { NotificationLink } from '#app/components/notification-link.tsx'
import { BenchmarkHomeStatus } from '#app/components/benchmarks/home-status.tsx'
import { CasesHomeSections } from '#app/components/cases/home-sections.tsx'
import { ConsultationsHomeSection } from '#app/components/consultations/home-section.tsx'
import { loadCasesHome } from '#app/modules/cases/cases.server.ts'
import { formatDate, formatDateTime, formatNumber } from '#app/lib/format.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { benchmarkStatusForHome } from '#app/modules/benchmarks/home.server.ts'
import { consultationsForHome } from '#app/modules/consultations/home.server.ts'
import { upcomingEventsForMember } from '#app/modules/events/events.server.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'
import { loadHomeSummary } from '#app/modules/members/home.server.ts'
import { courseLabel, PROFESSIONS } from '#app/modules/members/labels.ts'
import { hospitalAdoptions } from '#app/modules/practices/adoptions.server.ts'

export const meta: MetaFunction = () => [{ title: 'ホーム | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [summary, myEvents, cases, adoptedPractices, consultations, benchmark] = await Promise.all([
    loadHomeSummary(user),
    upcomingEventsForMember(user.id),
    loadCasesHome(user),
    hospitalAdoptions(user),
    consultationsForHome(user),
    benchmarkStatusForHome(user),
  ])
  return { ...summary, myEvents, cases, adoptedPractices, consultations, benchmark, hasHospital: !!user.hospitalId }
}

export default function Home() {
  const { me, colleagues, newcomers, memberCount, notifications, myEvents, cases, adoptedPractices, consultations, benchmark, hasHospital } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <div>
          <h1>{me.name} さん、こんにちは</h1>
          <p className="muted" style={{ margin: 0 }}>
            {[me.course ? courseLabel(me.course, me.cohort) : null, PROFESSIONS[me.profession], me.hospital?.name].filter(Boolean).join(' ・ ')}
          </p>
        </div>
        <Link to="/settings/profile" className="button button--quiet">
          プロフィールを編集
        </Link>
      </div>

      <section className="card" aria-labelledby="notifications-title" style={{ marginBottom: '1.5rem' }}>
        <h2 id="notifications-title">未読の通知</h2>
        {notifications.items.length ? (
          <ul>
            {notifications.items.map((item) => (
              <li key={item.id}>
                <NotificationLink id={item.id} title={item.title} unread /> <span className="muted small">{formatDateTime(item.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">未読の通知はありません。</p>
        )}
        <p className="small">
          <Link to="/notifications">通知をすべて見る{notifications.total > notifications.items.length ? `（未読 ${formatNumber(notifications.total)}件）` : ''}</Link>
        </p>
      </section>

      <BenchmarkHomeStatus status={benchmark} />

      <ConsultationsHomeSection own={consultations.own} desk={consultations.desk} />

      <CasesHomeSections recent={cases.recent} followed={cases.followed} />

      <AdoptedPractices items={adoptedPractices} hasHospital={hasHospital} />

      <h2>QSO Hub でできること</h2>
      <ul className="grid grid--fill">
        {MEMBER_AREAS.filter((area) => area.onHome).map((area) => (
          <li key={area.to} className="card">
            <h3>
              <Link to={area.to}>{area.label}</Link>
            </h3>
            <p style={{ margin: 0 }}>{area.summary}</p>
          </li>
        ))}
      </ul>

      <div className="grid grid--fill" style={{ marginTop: '1.5rem' }}>
        <section className="card" aria-labelledby="my-events-title">
          <h2 id="my-events-title">参加予定の行事</h2>
          {myEvents.length ? (
            <ul className="home-events">
              {myEvents.map((event) => (
                <li key={event.id}>
                  <EventKindBadge kind={event.kind} /> <Link to={`/events/${event.id}`}>{event.title}</Link>{' '}
                  <RegistrationBadge status={event.myStatus} />
                  {event.cancelledAt ? <span className="badge badge--danger">中止</span> : null}
                  <br />
                  <span className="muted small">{formatEventPeriod(event.startsAt, event.endsAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">申し込んだ行事はまだありません。</p>
          )}
          <p className="small">
            <Link to="/events">行事・研修の一覧を見る</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="colleagues-title">
          <h2 id="colleagues-title">同じ病院の会員</h2>
          {colleagues.length ? (
            <ul>
              {colleagues.map((member) => (
                <li key={member.id}>
                  <Link to={`/members/${member.id}`}>{member.name}</Link>{' '}
                  <span className="muted small">{courseLabel(member.course, member.cohort)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{me.hospital ? 'まだ他の会員はいません。' : '所属病院を登録すると、同じ病院の会員が表示されます。'}</p>
          )}
        </section>
        <section className="card" aria-labelledby="newcomers-title">
          <h2 id="newcomers-title">新しく参加した会員</h2>
          <ul>
            {newcomers.map((member) => (
              <li key={member.id}>
                <Link to={`/members/${member.id}`}>{member.name}</Link>{' '}
                <span className="muted small">
                  {member.course ? `${courseLabel(member.course, member.cohort)} ・ ` : ''}
                  {formatDate(member.createdAt)}
                </span>
              </li>
            ))}
          </ul>
          <p className="small">
            <Link to="/members">会員名簿（{formatNumber(memberCount)}名）を見る</Link>
          </p>
        </section>
      </div>
    </section>
  )
}
