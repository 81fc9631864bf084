import type { LoaderFunctionArgs } from '@remix-run/node'
import { getEnv } from '#app/lib/env.server.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { findEventForMember } from '#app/modules/events/events.server.ts'
import { buildIcs } from '#app/modules/events/ics.ts'
import { EVENT_KINDS } from '#app/modules/events/labels.ts'

// /events/:id/calendar.ics: one event as an iCalendar file. Behind sign-in like the page; the online link is in
// it only for a confirmed seat, exactly as on the page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const found = await findEventForMember(params.id ?? '', user)
  if (!found) throw new Response('行事が見つかりません。', { status: 404 })
  const { event, onlineUrl } = found
  const origin = getEnv().APP_ORIGIN
  const page = `${origin}/events/${event.id}`
  const ics = buildIcs({
    uid: `event-${event.id}@${new URL(origin).hostname}`,
    stamp: new Date(),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    summary: event.cancelledAt ? `【中止】${event.title}` : event.title,
    description: [`${EVENT_KINDS[event.kind]}`, event.description, onlineUrl ? `オンライン参加：${onlineUrl}` : null, `詳細：${page}`]
      .filter(Boolean)
      .join('\n\n'),
    location: event.venue ?? (onlineUrl ? 'オンライン' : undefined),
    url: page,
  })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="qso-event-${event.id}.ics"`,
      // Personal (it may carry the online link): never stored by shared caches.
      'Cache-Control': 'private, no-store',
    },
  })
}
