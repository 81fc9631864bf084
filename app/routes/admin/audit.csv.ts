import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvDownload, toCsv } from '#app/lib/csv.ts'
import { formatDateTimeWithWeekday } from '#app/lib/format.ts'
import { japanDateKey } from '#app/lib/japan-time.ts'
import { AUDIT_EXPORT_LIMIT, readAuditLog } from '#app/modules/audit/audit-log.server.ts'
import { actionLabel } from '#app/modules/audit/describe.ts'
import { AuditFiltersSchema } from '#app/modules/audit/filters.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'

// /admin/audit.csv: the filtered audit log for Excel (UTF-8 with BOM, app/lib/csv.ts), in the page's words.
// It names members and their addresses, so it asks for a recent sign-in like the other exports and is audited.
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'audit:read')
  await requireFreshSession(request)
  const filters = AuditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const log = await readAuditLog(filters, { limit: AUDIT_EXPORT_LIMIT })
  const csv = toCsv(
    ['日時', 'できごと', '操作の種類', '実行者', '実行者のメールアドレス', '詳細', 'ブラウザ', 'IPアドレス'],
    log.events.map((event) => [
      formatDateTimeWithWeekday(event.createdAt),
      event.sentence,
      actionLabel(event.action),
      event.actor?.name ?? '',
      event.actor?.email ?? '',
      event.details ?? '',
      event.browser ?? '',
      event.ipAddress ?? '',
    ]),
  )
  await recordAudit({ action: 'audit.exported', actorId: admin.id, request, details: { rows: log.events.length } })
  return csvDownload(csv, `audit-log-${japanDateKey(new Date())}.csv`)
}
