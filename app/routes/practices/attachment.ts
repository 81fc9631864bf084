import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { findAttachmentForViewer } from '#app/modules/practices/practices.server.ts'
import { storedFileResponse } from '#app/modules/uploads/uploads.server.ts'

// A practice's attachment, for members who may see the practice (drafts: the author; hidden: author and admins).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const attachment = await findAttachmentForViewer(params.id ?? '', params.attachmentId ?? '', user)
  return storedFileResponse(attachment.fileId)
}
