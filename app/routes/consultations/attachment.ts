import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { requireConsultationAccess } from '#app/modules/consultations/access.server.ts'
import { findAttachmentForDownload } from '#app/modules/consultations/thread.server.ts'
import { storedFileResponse } from '#app/modules/uploads/uploads.server.ts'

// A download checks the request and the message it belongs to (attachments on internal notes: desk only).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'consultation:request')
  const access = await requireConsultationAccess(user, params.id ?? '', request)
  const attachment = await findAttachmentForDownload(access, (params.attachmentId ?? '').slice(0, 64))
  await recordAudit({
    action: 'consultation.attachment-downloaded',
    actorId: user.id,
    target: { type: 'consultation', id: access.id },
    request,
    details: { attachmentId: attachment.id },
  })
  return storedFileResponse(attachment.fileId)
}
