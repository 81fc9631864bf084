import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventKindBadge } from '#app/components/events.tsx'
import { formatDate, formatDateWithWeekday, formatNumber, formatYen } from '#app/lib/format.ts'
import { publicRecentFollowUps, publicUpcomingEvents } from '#app/modules/events/events.server.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'
import {
  AQSO_TRACKS,
  CONTACT,
  COURSES,
  FISCAL_YEAR,
  GRM_TRAINING_NOTE,
  HUB,
  japaneseWeekday,
  PROJECT,
  RECRUITMENT,
  RECRUITMENT_STATE_LABELS,
  recruitmentState,
  SCHEDULE,
  SCHEDULE_COLUMNS,
  splitWebMarks,
  startOfJapanDay,
  STUDENTS_BY_YEAR,
  SUPPORT_PROGRAMME,
  type IsoDate,
  type RecruitmentState,
} from '#app/modules/programme/programme.ts'
import { useOptionalUser } from '#app/root.tsx'
import styles from '#app/styles/public-home.css?url'

// The public page of the QSO project: every fact comes from modules/programme, which the secretariat updates yearly.

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction = () => [
  { title: `${PROJECT.name}（${FISCAL_YEAR}年度 受講生募集）| QSO Hub` },
  { name: 'description', content: `${PROJECT.organiser} ${PROJECT.name}。${PROJECT.mission}。` },
]

// Upcoming programme events the secretariat marked for this page: kind, title and time only (no place, no link).
export async function loader() {
  const [upcomingEvents, recentFollowUps] = await Promise.all([publicUpcomingEvents(), publicRecentFollowUps()])
  return { upcomingEvents, recentFollowUps }
}

const stateBadge = {
  before: 'badge badge--primary',
  open: 'badge badge--success',
  closed: 'badge',
} as const satisfies Record<RecruitmentState, string>

function JapanDate({ date }: { date: IsoDate }) {
  return (
    <time dateTime={date}>
      {formatDate(startOfJapanDay(date))}（{japaneseWeekday(date)}）
    </time>
  )
}

function ScheduleCell({ text }: { text: string }) {
  return (
    <>
      {splitWebMarks(text).map((part, index) =>
        part.web ? (
          <span key={index} className="badge badge--primary public-home__web" title="オンライン開催">
            {part.text}
          </span>
        ) : (
          // Keep each date together ("2026/11/18–20" would otherwise break at the dash); wrap only at spaces.
          <span key={index}>
            {part.text.split(/(\s+)/).map((word, i) =>
              /^\s+$/.test(word) ? ' ' : (
                <span key={i} className="nowrap">
                  {word}
                </span>
              ),
            )}
          </span>
        ),
      )}
    </>
  )
}

export default function PublicHome() {
  const user = useOptionalUser()
  const { upcomingEvents, recentFollowUps } = useLoaderData<typeof loader>()
  // Computed on the server and again in the browser; the two agree except within moments of a boundary.
  const state = recruitmentState(new Date())
  const aqsoColumns = SCHEDULE_COLUMNS.filter((column) => column.course === 'AQSO')

  return (
    <div className="public-home">
      <section className="public-home__hero" aria-labelledby="hero-title">
        <p className="public-home__organiser">{PROJECT.organiser}</p>
        <h1 id="hero-title" className="public-home__title">
          {PROJECT.name}{' '}
          <span className="public-home__english" lang="en">
            {PROJECT.englishName}
          </span>
        </h1>
        <p className="public-home__mission">{PROJECT.mission}</p>
        <p className="public-home__lead">
          {PROJECT.predecessor.name}（{PROJECT.predecessor.startedYear}年開始）を引き継ぎ、これまでに
          {formatNumber(PROJECT.graduateCount)}名の修了生を送り出しています。
        </p>
        <div className="public-home__actions">
          {user ? (
            <Link to="/home" className="button button--primary public-home__cta">
              会員ホームへ
            </Link>
          ) : (
            <Link to="/login" className="button button--primary public-home__cta">
              会員ログイン
            </Link>
          )}
          <a href="#recruitment-title" className="button public-home__cta">
            {FISCAL_YEAR}年度 募集要項
          </a>
        </div>
      </section>

      <section className="public-home__section" aria-labelledby="hub-title">
        <h2 id="hub-title">{HUB.name} とは</h2>
        <p>{HUB.summary}</p>
        <ul className="grid public-home__plain-list">
          {HUB.features.map((feature) => (
            <li key={feature.name} className="card public-home__feature">
              <h3>{feature.name}</h3>
              <p>{feature.description}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="public-home__section" aria-labelledby="recruitment-title">
        <h2 id="recruitment-title">{FISCAL_YEAR}年度 受講生募集</h2>
        <div className={`notice public-home__recruitment${state === 'open' ? ' notice--success' : ''}`}>
          <p className="public-home__recruitment-period">
            <span className={stateBadge[state]}>{RECRUITMENT_STATE_LABELS[state]}</span>
            <span>
              募集期間：<JapanDate date={RECRUITMENT.opens} /> 〜 <JapanDate date={RECRUITMENT.closes} />
            </span>
          </p>
          <p className="small muted">※{RECRUITMENT.note}。</p>
        </div>

      </section>

      <section className="public-home__section" aria-labelledby="courses-title">
        <h2 id="courses-title">コースと受講料</h2>
        <ul className="grid public-home__plain-list public-home__courses">
          {COURSES.map((course) => (
            <li key={course.code} className="card public-home__course">
              <h3 className="public-home__course-title">
                <span className="public-home__course-code">{course.code}</span>{' '}
                <span>{course.name}</span>
              </h3>
              <p className="public-home__fee">
                <span className="visually-hidden">受講料 </span>
                {formatYen(course.feeYen)}
              </p>
              <dl className="definition-list public-home__course-facts">
                <dt>対象</dt>
                <dd>{course.eligibility}</dd>
                <dt>時間数</dt>
                <dd>約{formatNumber(course.hours)}時間</dd>
                <dt>{FISCAL_YEAR}年度</dt>
                <dd>第{course.cohort}期生を募集</dd>
              </dl>
              {course.grmTraining ? <p className="badge badge--success">医療安全管理者養成研修に該当</p> : null}
            </li>
          ))}
        </ul>
        <p className="small muted">{GRM_TRAINING_NOTE}</p>
      </section>

      <section className="public-home__section" aria-labelledby="tracks-title">
        <h2 id="tracks-title">AQSO の4つのトラック</h2>
        <ul className="public-home__tracks public-home__plain-list">
          {AQSO_TRACKS.map((track) => (
            <li key={track.code} className="card public-home__track">
              <span className="public-home__track-name">{track.name}</span>
              <span>{track.description}</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="public-home__section" aria-labelledby="schedule-title">
        <h2 id="schedule-title">{FISCAL_YEAR}年度 日程</h2>
        <p>{SCHEDULE.note}</p>
        <p className="small muted public-home__scroll-hint" aria-hidden="true">
          表は横にスクロールできます →
        </p>
        {/* Focusable so keyboard users can scroll the table sideways; named by its caption. */}
        <div className="table-wrap" role="region" aria-labelledby="schedule-caption" tabIndex={0}>
          <table className="data-table public-home__schedule">
            <caption id="schedule-caption">{SCHEDULE.caption}</caption>
            <thead>
              <tr>
                <td rowSpan={2} className="public-home__corner" />
                {SCHEDULE_COLUMNS.filter((column) => column.course !== 'AQSO').map((column) => (
                  <th key={column.key} scope="col" rowSpan={2}>
                    {column.label}
                  </th>
                ))}
                <th scope="colgroup" colSpan={aqsoColumns.length} className="public-home__group">
                  AQSO
                </th>
              </tr>
              <tr>
                {aqsoColumns.map((column) => (
                  <th key={column.key} scope="col">
                    <span className="visually-hidden">AQSO </span>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SCHEDULE.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {SCHEDULE_COLUMNS.map((column) => (
                    <td key={column.key}>
                      <ScheduleCell text={row.cells[column.key]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="small muted">※{RECRUITMENT.note}。</p>
      </section>

      <section className="public-home__section" aria-labelledby="about-title">
        <h2 id="about-title">{PROJECT.name}について</h2>
        <div className="grid public-home__about">
          <div className="card">
            <h3>運営</h3>
            <p>
              {PROJECT.organiser}が運営しています。{PROJECT.predecessor.name}（{PROJECT.predecessor.startedYear}
              年開始）を引き継ぐプロジェクトです。
            </p>
          </div>
          <div className="card">
            <h3>{PROJECT.doubleLoop.title}</h3>
            <p>{PROJECT.doubleLoop.body}</p>
          </div>
          <div className="card">
            <h3>実績</h3>
            <p className="public-home__stat">
              <span className="public-home__stat-value">{formatNumber(PROJECT.graduateCount)}</span>名の修了生
            </p>
            <p className="small">
              {STUDENTS_BY_YEAR.fiscalYear}年度の受講者：
              {COURSES.map((course) => `${course.code} ${STUDENTS_BY_YEAR.counts[course.code]}名`).join('・')}
            </p>
          </div>
        </div>
      </section>

      <section className="public-home__section" aria-labelledby="support-title">
        <h2 id="support-title">修了生への支援事業</h2>
        <p>修了後も、次の支援事業で学びと実践を続けられます。{HUB.name} はそのオンラインの拠点です。</p>
        <ul className="grid public-home__plain-list">
          {SUPPORT_PROGRAMME.map((item) => (
            <li key={item.name} className="card public-home__support">
              <h3>{item.name}</h3>
              <p>{item.description}</p>
              {'recentSessions' in item ? (
                <p className="small muted">
                  最近の開催：
                  {/* Held events from the database when there are any; the programme's list (before the site) otherwise. */}
                  {recentFollowUps.length ? recentFollowUps.map((event) => formatDateWithWeekday(event.startsAt)).join('、') : item.recentSessions.join('、')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {upcomingEvents.length ? (
        <section className="public-home__section" aria-labelledby="upcoming-events-title">
          <h2 id="upcoming-events-title">今後のフォロー研修会・行事</h2>
          <p>修了生向けの研修会の予定です。会場・参加方法・お申し込みは {HUB.name} の会員ページでご案内しています。</p>
          <ul className="public-home__plain-list stack public-events">
            {upcomingEvents.map((event) => (
              <li key={event.id} className="card public-events__item">
                <EventKindBadge kind={event.kind} /> <strong>{event.title}</strong>
                <span className="public-events__when">{formatEventPeriod(event.startsAt, event.endsAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="public-home__section" aria-labelledby="contact-title">
        <h2 id="contact-title">お問い合わせ</h2>
        <address className="card public-home__contact">
          <strong>{CONTACT.organisation}</strong>
          <span>
            〒{CONTACT.postcode} {CONTACT.address}
          </span>
          <span>
            TEL <a href={`tel:${CONTACT.tel}`}>{CONTACT.tel}</a>
          </span>
          <span>
            メール <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>
          </span>
        </address>
      </section>
    </div>
  )
}
