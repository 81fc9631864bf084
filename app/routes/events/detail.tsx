import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ImpactBadge } from '#app/components/cases/case-card.tsx'
import { EventKindBadge, RegistrationBadge } from '#app/components/events.tsx'
import { formatDateTime, formatDateTimeWithWeekday, formatNumber } from '#app/lib/format.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { JQ_CATEGORIES } from '#app/modules/cases/labels.ts'
import { casesForEventPage } from '#app/modules/events/case-links.server.ts'
import { cancelSignup, findEventForMember, signUp } from '#app/modules/events/events.server.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'
import { canCancel, eligibilityLabel, seatsLeft, SIGNUP_REFUSAL_MESSAGES, signupClosesAt, signupRefusal } from '#app/modules/events/rules.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.title ?? '行事'} | 行事・研修 | QSO Hub` }]

const notFound = () => new Response('行事が見つかりません。', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const found = await findEventForMember(params.id ?? '', user)
  if (!found) throw notFound()
  const cases = found.event.kind === 'CASE_REVIEW' ? await casesForEventPage(found.event.id, user) : []
  return { ...found, cases, now: new Date() }
}

type Notice = { tone: 'success' | 'warning' | 'danger'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const eventId = params.id ?? ''
  const intent = (await request.formData()).get('intent')
  if (intent === 'register') {
    const result = await signUp(eventId, user, request)
    if (!result.ok) {
      if (result.reason === 'not-found') throw notFound()
      return data({ notice: { tone: 'danger', message: SIGNUP_REFUSAL_MESSAGES[result.reason] } satisfies Notice }, { status: 400 })
    }
    const message =
      result.status === 'REGISTERED'
        ? '参加を申し込みました。オンライン参加のURLはこのページに表示されます。'
        : '定員に達しているため、キャンセル待ちに登録しました。繰り上がったときはメールでお知らせします。'
    return { notice: { tone: result.status === 'REGISTERED' ? 'success' : 'warning', message } satisfies Notice }
  }
  if (intent === 'cancel') {
    const result = await cancelSignup(eventId, user, request)
    if (!result.ok) {
      if (result.reason === 'not-found') throw notFound()
      const message = result.reason === 'started' ? '開始後はキャンセルできません。事務局にご連絡ください。' : 'この行事には申し込んでいません。'
      return data({ notice: { tone: 'danger', message } satisfies Notice }, { status: 400 })
    }
    return { notice: { tone: 'success', message: result.wasRegistered ? '参加をキャンセルしました。' : 'キャンセル待ちを取り消しました。' } satisfies Notice }
  }
  return data({ notice: { tone: 'danger', message: '操作を読み取れませんでした。ページを再読み込みしてください。' } satisfies Notice }, { status: 400 })
}

export default function EventDetail() {
  const { event, me, myStatus, waitingPosition, onlineUrl, cases, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const active = myStatus === 'REGISTERED' || myStatus === 'WAITLISTED'
  const refusal = signupRefusal(event, me, now)
  const left = seatsLeft(event.capacity, event.registered)
  const past = now >= event.endsAt

  return (
    <article className="event-detail">
      <p>
        <Link to="/events">← 行事・研修の一覧</Link>
      </p>
      <header className="page-header">
        <div>
          <p className="events-list__meta">
            <EventKindBadge kind={event.kind} /> <RegistrationBadge status={myStatus} />
            {event.cancelledAt ? <span className="badge badge--danger">中止</span> : null}
          </p>
          <h1>{event.title}</h1>
        </div>
        <a href={`/events/${event.id}/calendar.ics`} className="button button--quiet" download>
          カレンダーに追加（.ics）
        </a>
      </header>

      {actionData?.notice ? (
        <p className={`notice notice--${actionData.notice.tone}`} role="status">
          {actionData.notice.message}
        </p>
      ) : null}
      {event.cancelledAt ? <p className="notice notice--danger">この行事は中止になりました。</p> : null}

      <div className="event-detail__layout">
        <dl className="definition-list card">
          <dt>日時</dt>
          <dd>{formatEventPeriod(event.startsAt, event.endsAt)}</dd>
          {event.venue ? (
            <>
              <dt>会場</dt>
              <dd>{event.venue}</dd>
            </>
          ) : null}
          {event.hasOnlineLink ? (
            <>
              <dt>オンライン</dt>
              <dd>
                {onlineUrl ? (
                  <a href={onlineUrl} rel="noreferrer noopener" target="_blank" className="event-detail__online">
                    {onlineUrl}
                  </a>
                ) : (
                  <span className="muted">参加が確定した方にだけ、このページとリマインドメールでURLをお知らせします。</span>
                )}
              </dd>
            </>
          ) : null}
          <dt>対象</dt>
          <dd>
            {eligibilityLabel(event)}
            {event.cool ? ` ・ クール${event.cool}` : ''}
          </dd>
          <dt>定員</dt>
          <dd>
            {event.capacity === null ? '定員なし' : `${formatNumber(event.capacity)}名`}
            {`（参加${formatNumber(event.registered)}名`}
            {event.waiting ? `・キャンセル待ち${formatNumber(event.waiting)}名` : ''}）
          </dd>
          <dt>申込締切</dt>
          <dd>{formatDateTimeWithWeekday(signupClosesAt(event))}</dd>
        </dl>

        <section className="card event-detail__signup" aria-labelledby="signup-title">
          <h2 id="signup-title">参加申込</h2>
          {myStatus === 'REGISTERED' ? <p className="notice notice--success">{past ? 'この行事に参加登録していました。' : '参加が確定しています。'}</p> : null}
          {myStatus === 'WAITLISTED' && !past ? (
            <p className="notice notice--warning">
              キャンセル待ち {waitingPosition ? `${formatNumber(waitingPosition)}番目` : ''}です。繰り上がるとメールでお知らせします。
            </p>
          ) : null}
          {active ? (
            canCancel(event, now) ? (
              <Form method="post">
                <button type="submit" name="intent" value="cancel" className="button button--danger" disabled={busy}>
                  {myStatus === 'REGISTERED' ? '参加をキャンセルする' : 'キャンセル待ちを取り消す'}
                </button>
              </Form>
            ) : past ? (
              <p className="muted">この行事は終了しました。</p>
            ) : null
          ) : refusal ? (
            <p className="muted">{past ? 'この行事は終了しました。' : SIGNUP_REFUSAL_MESSAGES[refusal]}</p>
          ) : (
            <Form method="post" className="stack">
              <p className="small muted">
                {left === null || left > 0
                  ? left === null
                    ? '定員はありません。'
                    : `残り${formatNumber(left)}席です。`
                  : '満席のため、申し込むとキャンセル待ちになります。'}
              </p>
              <button type="submit" name="intent" value="register" className="button button--primary" disabled={busy}>
                {left === 0 ? 'キャンセル待ちに登録する' : '参加を申し込む'}
              </button>
            </Form>
          )}
        </section>
      </div>

      {event.description ? (
        <section aria-labelledby="description-title">
          <h2 id="description-title">内容</h2>
          <p className="event-detail__text">{event.description}</p>
        </section>
      ) : null}

      {cases.length ? (
        <section aria-labelledby="cases-title">
          <h2 id="cases-title">{event.summaryPostedAt && !event.cancelledAt ? 'この検討会で扱った事例' : 'この検討会で扱う事例'}</h2>
          <ul className="event-cases">
            {cases.map((item) => (
              <li key={item.id} className="event-cases__item">
                <Link to={`/cases/${item.id}`}>{item.title}</Link> <ImpactBadge level={item.impactLevel} />{' '}
                <span className="badge">{JQ_CATEGORIES[item.jqCategory]}</span>
                {item.hiddenAt ? <span className="badge badge--danger">非表示</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.summary ? (
        <section aria-labelledby="summary-title" className="card">
          <h2 id="summary-title">開催後のまとめ</h2>
          <p className="event-detail__text">{event.summary}</p>
          {event.summaryPostedAt ? <p className="small muted">{formatDateTime(event.summaryPostedAt)} 掲載</p> : null}
        </section>
      ) : null}
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
