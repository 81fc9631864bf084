import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { EventKindBadge, RegistrationBadge } from '#app/components/events.tsx'
import { FilterActions, FilterSelect } from '#app/components/ui/filters.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { listEventsForMember } from '#app/modules/events/events.server.ts'
import { formatEventPeriod } from '#app/modules/events/format.ts'
import { EVENT_KINDS } from '#app/modules/events/labels.ts'
import { eligibilityLabel, isEligible, seatsLeft, signupState } from '#app/modules/events/rules.ts'
import { enumKeys } from '#app/modules/members/labels.ts'

export const meta: MetaFunction = () => [{ title: '行事・研修 | QSO Hub' }]

const FiltersSchema = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming').catch('upcoming'),
  kind: z.enum(enumKeys(EVENT_KINDS)).optional().catch(undefined),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const filters = FiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const { me, events } = await listEventsForMember(user, filters)
  return { filters, me, events, now: new Date() }
}

export default function Events() {
  const { filters, me, events, now } = useLoaderData<typeof loader>()
  const upcoming = filters.when === 'upcoming'
  const tab = (when: 'upcoming' | 'past') => `?${new URLSearchParams({ when, ...(filters.kind ? { kind: filters.kind } : {}) })}`
  return (
    <section>
      <div className="page-header">
        <h1>行事・研修</h1>
        <p className="muted">フォロー研修会・再聴講研修・事例検討会などの日程と参加申込</p>
      </div>
      <nav className="row events-tabs" aria-label="表示する行事">
        <Link to={tab('upcoming')} className={`button button--small ${upcoming ? 'button--primary' : 'button--quiet'}`} aria-current={upcoming ? 'page' : undefined}>
          今後の行事
        </Link>
        <Link to={tab('past')} className={`button button--small ${!upcoming ? 'button--primary' : 'button--quiet'}`} aria-current={!upcoming ? 'page' : undefined}>
          過去の行事
        </Link>
      </nav>
      <Form method="get" className="filters" aria-label="行事の絞り込み">
        <input type="hidden" name="when" value={filters.when} />
        <FilterSelect name="kind" label="種別" value={filters.kind} options={Object.entries(EVENT_KINDS)} />
        <FilterActions />
      </Form>
      {events.length ? (
        <ul className="events-list">
          {events.map((event) => {
            const state = signupState(event, now)
            const left = seatsLeft(event.capacity, event.registered)
            return (
              <li key={event.id} className="card events-list__item">
                <p className="events-list__meta">
                  <EventKindBadge kind={event.kind} /> <RegistrationBadge status={event.myStatus} />
                  {event.cancelledAt ? <span className="badge badge--danger">中止</span> : null}
                </p>
                <h2 className="events-list__title">
                  <Link to={`/events/${event.id}`}>{event.title}</Link>
                </h2>
                <p className="events-list__when">{formatEventPeriod(event.startsAt, event.endsAt)}</p>
                <p className="muted small events-list__facts">
                  対象：{eligibilityLabel(event)}
                  {event.cool ? ` ・ クール${event.cool}` : ''}
                  {upcoming && !event.cancelledAt ? (
                    <>
                      {' ・ '}
                      {left === null ? '定員なし' : left > 0 ? `残り${formatNumber(left)}席` : `満席（キャンセル待ち${formatNumber(event.waiting)}名）`}
                      {state === 'closed' ? ' ・ 申込締切' : ''}
                      {!isEligible(event, me) ? ' ・ 対象外' : ''}
                    </>
                  ) : null}
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="notice">{upcoming ? '予定されている行事はまだありません。' : '該当する過去の行事はありません。'}</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
