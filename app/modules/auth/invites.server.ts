import type { Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { getRequestMeta } from '#app/lib/request-meta.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { inviteMail } from '#app/modules/mail/templates.ts'
import type { ProfessionCode, CourseCode } from '#app/modules/members/labels.ts'
import { requestMembershipChange } from '#app/modules/members/membership-requests.server.ts'
import { hashPassword } from './password.server.ts'
import { createSession, type SessionUser } from './session.server.ts'
import { generateRandomToken, hashToken } from './tokens.server.ts'

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export type InviteStatus = 'pending' | 'accepted' | 'revoked' | 'expired'

export function inviteStatus(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InviteStatus {
  if (invite.acceptedAt) return 'accepted'
  if (invite.revokedAt) return 'revoked'
  return invite.expiresAt <= now ? 'expired' : 'pending'
}

export class InviteError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

export async function createInvite(input: {
  email: string
  role: Role
  hospitalId?: string
  invitedBy: SessionUser
  request: Request
}) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) throw new InviteError('このメールアドレスの会員は既に登録されています', 'email')
  if (input.hospitalId && !(await prisma.hospital.findUnique({ where: { id: input.hospitalId }, select: { id: true } }))) {
    throw new InviteError('病院が見つかりません。一覧から選び直してください', 'hospitalId')
  }

  const token = generateRandomToken()
  const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS)
  const invite = await prisma.$transaction(async (tx) => {
    // One live invitation per address: a new one replaces any still pending.
    await tx.invite.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    const created = await tx.invite.create({
      data: {
        email: input.email,
        role: input.role,
        hospitalId: input.hospitalId ?? null,
        tokenHash: hashToken(token),
        invitedById: input.invitedBy.id,
        expiresAt,
      },
    })
    await recordAudit(
      {
        action: 'invite.created',
        actorId: input.invitedBy.id,
        target: { type: 'invite', id: created.id },
        request: input.request,
        details: { email: input.email, role: input.role },
      },
      tx,
    )
    return created
  })

  const link = `${getEnv().APP_ORIGIN}/join/${token}`
  await sendMail({ to: input.email, ...inviteMail({ inviterName: input.invitedBy.name, link, expiresAt: formatDateTime(expiresAt) }) })
  return invite
}

export async function listInvites() {
  const invites = await prisma.invite.findMany({
    orderBy: { createdAt: 'desc' },
    take: 200,
    include: { invitedBy: { select: { name: true } }, hospital: { select: { name: true } } },
  })
  return invites.map(({ tokenHash: _tokenHash, ...invite }) => ({ ...invite, status: inviteStatus(invite) }))
}

export async function revokeInvite(id: string, actor: SessionUser, request: Request): Promise<boolean> {
  const { count } = await prisma.invite.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (count) await recordAudit({ action: 'invite.revoked', actorId: actor.id, target: { type: 'invite', id }, request })
  return count > 0
}

/** The invitation behind a link, if it can still be used. */
export async function findUsableInvite(token: string) {
  const invite = await prisma.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { hospital: { select: { id: true, name: true } } },
  })
  return invite && inviteStatus(invite) === 'pending' ? invite : null
}

export async function acceptInvite(input: {
  token: string
  profile: {
    name: string
    profession: ProfessionCode
    course?: CourseCode
    cohort?: number
    hospitalId?: string
    department?: string
    bio?: string
  }
  password: string
  request: Request
}): Promise<{ token: string; userId: string } | null> {
  const passwordHash = await hashPassword(input.password)
  const meta = getRequestMeta(input.request)
  const created = await prisma.$transaction(async (tx) => {
    const now = new Date()
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(input.token) } })
    if (!invite || inviteStatus(invite, now) !== 'pending') return null
    // Claim the invitation first: of two simultaneous submissions only one changes the row.
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } })
    if (!claimed.count) return null
    if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) return null
    const user = await tx.user.create({
      data: {
        email: invite.email,
        role: invite.role,
        passwordHash,
        name: input.profile.name,
        profession: input.profile.profession,
        // Hospital, course and cohort decide what a member may see (their hospital's figures, restricted events),
        // so only an admin sets them (decision 0025): the hospital named on the invitation applies at once; what the
        // invitee states becomes a change request below, applied when an admin approves it.
        course: null,
        cohort: null,
        hospitalId: invite.hospitalId,
        department: input.profile.department || null,
        bio: input.profile.bio || null,
      },
    })
    await recordAudit(
      { action: 'invite.accepted', actorId: user.id, target: { type: 'invite', id: invite.id }, request: input.request },
      tx,
    )
    return { id: user.id, invitedHospitalId: invite.hospitalId }
  })
  if (!created) return null
  const userId = created.id
  const stated = { hospitalId: created.invitedHospitalId ?? input.profile.hospitalId, course: input.profile.course, cohort: input.profile.cohort }
  if ((stated.hospitalId && stated.hospitalId !== created.invitedHospitalId) || stated.course || stated.cohort) {
    // A stated hospital that does not exist is left for the admin to ask about rather than failing the sign-up.
    await requestMembershipChange({ id: userId }, { ...stated, reason: '招待リンクからの登録時に本人が申告' }, input.request)
  }
  const session = await createSession(userId, meta)
  return { token: session.token, userId }
}
