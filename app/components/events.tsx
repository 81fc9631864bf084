import type { EventKindCode, RegistrationStatusCode } from '#app/modules/events/labels.ts'
import { EVENT_KINDS, REGISTRATION_STATUSES } from '#app/modules/events/labels.ts'

// Small pieces of the events UI shared by /events, /home, the public page and /admin/events.

const kindClass: Record<EventKindCode, string> = {
  FOLLOW_UP: 'badge badge--primary',
  REATTENDANCE: 'badge',
  CASE_REVIEW: 'badge badge--success',
  RESULTS: 'badge badge--primary',
  OTHER: 'badge',
}

export function EventKindBadge({ kind }: { kind: EventKindCode }) {
  return <span className={`${kindClass[kind]} event-kind event-kind--${kind.toLowerCase()}`}>{EVENT_KINDS[kind]}</span>
}

const statusClass: Record<RegistrationStatusCode, string> = {
  REGISTERED: 'badge badge--success',
  WAITLISTED: 'badge badge--warning',
  CANCELLED: 'badge',
}

export function RegistrationBadge({ status }: { status: RegistrationStatusCode | null }) {
  if (!status || status === 'CANCELLED') return null
  return <span className={statusClass[status]}>{REGISTRATION_STATUSES[status]}</span>
}
