import type { Prisma } from '#app/generated/prisma/client.ts'
import type { Role } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { formatDateTime } from '#app/lib/format.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { emailChangedMail } from '#app/modules/mail/templates.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import type { z } from 'zod'
import type { MemberFilters, OwnProfileSchema } from './schemas.ts'

export const MEMBERS_PAGE_SIZE = 24

// What any member may see of another: no e-mail in the directory (profiles show it only to the member and admins).
const directorySelect = {
  id: true,
  name: true,
  profession: true,
  course: true,
  cohort: true,
  department: true,
  role: true,
  hospital: { select: { id: true, name: true, prefecture: true } },
} satisfies Prisma.UserSelect

export async function searchMembers(filters: MemberFilters) {
  const where: Prisma.UserWhereInput = {
    status: 'ACTIVE',
    ...(filters.course ? { course: filters.course } : {}),
    ...(filters.cohort ? { cohort: filters.cohort } : {}),
    ...(filters.profession ? { profession: filters.profession } : {}),
    ...(filters.prefecture ? { hospital: { prefecture: filters.prefecture } } : {}),
    ...(filters.q
      ? {
          OR: [
            { name: { contains: filters.q, mode: 'insensitive' } },
            { department: { contains: filters.q, mode: 'insensitive' } },
            { hospital: { name: { contains: filters.q, mode: 'insensitive' } } },
          ],
        }
      : {}),
  }
  const [total, members] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      select: directorySelect,
      orderBy: [{ course: 'asc' }, { cohort: 'asc' }, { name: 'asc' }],
      skip: (filters.page - 1) * MEMBERS_PAGE_SIZE,
      take: MEMBERS_PAGE_SIZE,
    }),
  ])
  return { total, members, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE)) }
}

/** A profile as the viewer may see it: e-mail only for the member themself and admins; deactivated members only for admins. */
export async function getProfile(id: string, viewer: SessionUser) {
  const isAdmin = viewer.role === 'ADMIN'
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      ...directorySelect,
      bio: true,
      status: true,
      createdAt: true,
      email: true,
      hospital: { select: { id: true, name: true, prefecture: true, beds: true, type: true } },
    },
  })
  if (!user || (user.status !== 'ACTIVE' && !isAdmin)) return null
  const showEmail = isAdmin || viewer.id === user.id
  return { ...user, email: showEmail ? user.email : null }
}

export async function getOwnProfile(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, profession: true, course: true, cohort: true, hospitalId: true, department: true, bio: true },
  })
}

/** Name, profession, department and bio only: hospital, course and cohort change through an approved request. */
export async function updateOwnProfile(user: SessionUser, profile: z.infer<typeof OwnProfileSchema>, request: Request) {
  await prisma.user.update({
    where: { id: user.id },
    data: { name: profile.name, profession: profile.profession, department: profile.department || null, bio: profile.bio || null },
  })
  await recordAudit({ action: 'member.profile-updated', actorId: user.id, target: { type: 'user', id: user.id }, request })
}

export async function listMembersForAdmin(q?: string) {
  return prisma.user.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q, mode: 'insensitive' } }] } : {},
    select: { id: true, name: true, email: true, role: true, status: true, createdAt: true, hospital: { select: { name: true } } },
    // The order the page states (MEMBER_LIST_ORDER): active first, then by hospital, then by name; members
    // without a hospital after those with one (PostgreSQL puts NULL last in ascending order).
    orderBy: [{ status: 'asc' }, { hospital: { name: 'asc' } }, { name: 'asc' }],
    take: 500,
  })
}

export class AdminActionError extends Error {}

/** The member's admin page: their account and the latest audit events about or by them. */
export async function getMemberForAdmin(id: string) {
  const member = await prisma.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, status: true, createdAt: true, hospital: { select: { name: true } } },
  })
  if (!member) return null
  const events = await prisma.auditEvent.findMany({
    where: { OR: [{ actorId: id }, { targetType: 'user', targetId: id }] },
    orderBy: { createdAt: 'desc' },
    take: 30,
    select: { id: true, createdAt: true, action: true, ipAddress: true },
  })
  return { member, events: events.map((event) => ({ ...event, id: event.id.toString() })) }
}

export type ChangeEmailResult = { ok: true } | { ok: false; message: string }

/** Done by admins on the member's request; the old address is told, in case the request was not genuine. */
export async function changeEmail(targetId: string, email: string, actor: SessionUser, request: Request): Promise<ChangeEmailResult> {
  const target = await prisma.user.findUnique({ where: { id: targetId }, select: { email: true, name: true } })
  if (!target) throw new AdminActionError('会員が見つかりません。')
  if (target.email === email) return { ok: true }
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, message: 'このメールアドレスは別の会員が使っています' }
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: targetId }, data: { email } })
    await recordAudit(
      { action: 'member.email-changed', actorId: actor.id, target: { type: 'user', id: targetId }, request, details: { from: target.email, to: email } },
      tx,
    )
  })
  await sendMail({ to: target.email, ...emailChangedMail({ name: target.name, newEmail: email, when: formatDateTime(new Date()) }) })
  return { ok: true }
}

export async function changeRole(targetId: string, role: Role, actor: SessionUser, request: Request) {
  if (targetId === actor.id) throw new AdminActionError('自分自身の権限は変更できません。別の管理者に依頼してください。')
  const target = await prisma.user.findUnique({ where: { id: targetId }, select: { role: true } })
  if (!target) throw new AdminActionError('会員が見つかりません。')
  if (target.role === role) return
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: targetId }, data: { role } })
    await recordAudit(
      { action: 'member.role-changed', actorId: actor.id, target: { type: 'user', id: targetId }, request, details: { from: target.role, to: role } },
      tx,
    )
  })
}

/** Deactivation also ends the member's sessions at once. */
export async function setMemberStatus(targetId: string, active: boolean, actor: SessionUser, request: Request) {
  if (targetId === actor.id) throw new AdminActionError('自分自身のアカウントは停止できません。')
  const target = await prisma.user.findUnique({ where: { id: targetId }, select: { status: true } })
  if (!target) throw new AdminActionError('会員が見つかりません。')
  if ((target.status === 'ACTIVE') === active) return
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: targetId }, data: { status: active ? 'ACTIVE' : 'DEACTIVATED' } })
    if (!active) await tx.session.deleteMany({ where: { userId: targetId } })
    await recordAudit(
      { action: active ? 'member.reactivated' : 'member.deactivated', actorId: actor.id, target: { type: 'user', id: targetId }, request },
      tx,
    )
  })
}
