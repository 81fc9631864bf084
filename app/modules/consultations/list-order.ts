/**
 * The order of a member's own requests: open ones first, the most urgent first and, within an urgency, the
 * longest waiting first (as on the desk); then drafts (newest first, to pick up where one left off); then closed
 * ones (most recently active first). Pure, so it is tested without a database.
 */
import { URGENCY_RANK, type ConsultationStatusCode, type UrgencyCode } from './labels.ts'

type Row = { status: ConsultationStatusCode; urgency: UrgencyCode | null; submittedAt: Date | null; updatedAt: Date }

const GROUP: Record<ConsultationStatusCode, number> = { SUBMITTED: 0, IN_PROGRESS: 0, ANSWERED: 0, DRAFT: 1, CLOSED: 2 }

export function compareOwnRequests(a: Row, b: Row): number {
  const group = GROUP[a.status] - GROUP[b.status]
  if (group) return group
  if (GROUP[a.status] === 0) {
    const urgency = (a.urgency ? URGENCY_RANK[a.urgency] : 3) - (b.urgency ? URGENCY_RANK[b.urgency] : 3)
    if (urgency) return urgency
    return (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0)
  }
  return b.updatedAt.getTime() - a.updatedAt.getTime()
}

export function sortOwnRequests<T extends Row>(rows: T[]): T[] {
  return [...rows].sort(compareOwnRequests)
}
