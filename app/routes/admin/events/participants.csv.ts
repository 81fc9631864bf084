import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvDownload, toCsv } from '#app/lib/csv.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { japanDateKey } from '#app/lib/japan-time.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { findEventForAdmin, listParticipants } from '#app/modules/events/events.server.ts'
import { REGISTRATION_STATUSES } from '#app/modules/events/labels.ts'
import { courseLabel, PROFESSIONS } from '#app/modules/members/labels.ts'

// /admin/events/:id/participants.csv: the participant list for Excel (UTF-8 with BOM). Personal data: audited.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'event:manage')
  // Members' names and addresses leave the site: ask for a recent password or second factor first (issue 13).
  await requireFreshSession(request)
  const event = await findEventForAdmin(params.id ?? '')
  if (!event) throw new Response('行事が見つかりません。', { status: 404 })
  const participants = await listParticipants(event.id)
  const csv = toCsv(
    ['状態', '氏名', 'メールアドレス', '所属病院', 'コース', '職種', '申込日時', '繰り上げ日時', 'キャンセル日時'],
    participants.map((row) => [
      REGISTRATION_STATUSES[row.status],
      row.user.name,
      row.user.email,
      row.user.hospital?.name ?? '',
      row.user.course ? courseLabel(row.user.course, row.user.cohort) : '',
      PROFESSIONS[row.user.profession],
      formatDateTime(row.queuedAt),
      row.promotedAt ? formatDateTime(row.promotedAt) : '',
      row.cancelledAt ? formatDateTime(row.cancelledAt) : '',
    ]),
  )
  await recordAudit({ action: 'event.participants-exported', actorId: admin.id, target: { type: 'event', id: event.id }, request, details: { rows: participants.length } })
  const day = japanDateKey(event.startsAt)
  return csvDownload(csv, `participants-${day}-${event.id}.csv`)
}
