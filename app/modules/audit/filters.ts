import { z } from 'zod'
import { parseCalendarDate } from '#app/lib/calendar-date.ts'
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts'

// The audit log's GET filters, shared by the page and its CSV. A bad value is dropped (a list filter, not a form).
const day = z
  .string()
  .trim()
  .refine((value) => parseCalendarDate(value) !== null)
  .optional()
  .catch(undefined)

export const AuditFiltersSchema = z.object({
  action: z
    .enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  actor: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})
export type AuditFilters = z.infer<typeof AuditFiltersSchema>

/** The filters as a query string (without the page), for the CSV link. */
export function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams()
  for (const name of ['action', 'from', 'to', 'actor'] as const) {
    const value = filters[name]
    if (value) params.set(name, value)
  }
  return params.toString()
}
