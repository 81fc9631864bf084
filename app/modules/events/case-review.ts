import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * A case counts as 「検討会で扱った」 through a case-review meeting that linked it, was held (not cancelled) and
 * has its summary posted. Shared by the cases list (badge, filter) and the case page; no server-only imports.
 */
export const discussedMeetingWhere = {
  kind: 'CASE_REVIEW',
  summaryPostedAt: { not: null },
  cancelledAt: null,
} satisfies Prisma.EventWhereInput

/** Linked, not cancelled, no summary yet: the case is on the agenda. */
export const plannedMeetingWhere = {
  kind: 'CASE_REVIEW',
  summaryPostedAt: null,
  cancelledAt: null,
} satisfies Prisma.EventWhereInput

export const meetingSelect = { id: true, title: true, startsAt: true } satisfies Prisma.EventSelect
