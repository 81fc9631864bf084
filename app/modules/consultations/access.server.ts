/**
 * Who may see a request: its requester, consultants and admins (the desk). Everyone else gets the same 404 as
 * for an id that does not exist, so a guess never confirms that a request exists. Drafts are the requester's
 * alone. Every refusal is audited.
 */
import type { ConsultationStatus } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'

export type ConsultationAccess = {
  id: string
  requesterId: string
  status: ConsultationStatus
  isRequester: boolean
  isDesk: boolean
}

export function isDesk(user: Pick<SessionUser, 'role'>): boolean {
  return hasPermission(user, 'consultation:desk')
}

export function canViewConsultation(user: Pick<SessionUser, 'id' | 'role'>, consultation: { requesterId: string; status: ConsultationStatus }): boolean {
  if (consultation.requesterId === user.id) return true
  return consultation.status !== 'DRAFT' && isDesk(user)
}

export function notFound(): Response {
  return new Response('ページが見つかりません。', { status: 404, statusText: 'Not Found' })
}

/** Loads just enough of a request to decide; throws 404 (audited) when the user may not see it. */
export async function requireConsultationAccess(user: SessionUser, id: string, request: Request): Promise<ConsultationAccess> {
  const row = id.length <= 64 ? await prisma.consultation.findUnique({ where: { id }, select: { id: true, requesterId: true, status: true } }) : null
  if (!row || !canViewConsultation(user, row)) {
    await recordAudit({
      action: 'consultation.access-denied',
      actorId: user.id,
      target: { type: 'consultation', id: id.slice(0, 64) },
      request,
      details: { path: new URL(request.url).pathname.slice(0, 200) },
    })
    throw notFound()
  }
  return { ...row, isRequester: row.requesterId === user.id, isDesk: isDesk(user) }
}
