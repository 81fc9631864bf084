import type { z } from 'zod'
import type { Course } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { sendMail } from '#app/modules/mail/mail.server.ts'
import { membershipChangeDecidedMail, membershipChangeRequestedMail } from '#app/modules/mail/templates.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { COURSES } from './labels.ts'
import type { MembershipChangeSchema, MembershipDecisionSchema } from './schemas.ts'

/**
 * Hospital, course and cohort are admin-managed (docs/decisions/0025-admin-managed-membership.md): a member asks,
 * an admin approves or refuses, and only an approval changes the member. Both sides are told in the app and by mail.
 */

export type Membership = { hospitalId: string | null; course: Course | null; cohort: number | null }

const ADMIN_LIST_PATH = '/admin/membership-requests'
const requestPath = (id: string) => `${ADMIN_LIST_PATH}/${id}`

const hospitalName = { select: { id: true, name: true } } as const
const requestSelect = {
  id: true,
  status: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  decisionNote: true,
  fromHospital: hospitalName,
  fromCourse: true,
  fromCohort: true,
  toHospital: hospitalName,
  toHospitalId: true,
  toCourse: true,
  toCohort: true,
  user: { select: { id: true, name: true, hospital: hospitalName, course: true, cohort: true } },
  decidedBy: { select: { name: true } },
} as const

/** 「病院: A → B、コース: CQSO → EQSO」: only the fields that change, in words. */
export function describeChange(
  from: { hospital: string | null; course: Course | null; cohort: number | null },
  to: { hospital: string | null; course: Course | null; cohort: number | null },
): string {
  const show = {
    hospital: (value: string | null) => value ?? '未設定',
    course: (value: Course | null) => (value ? COURSES[value] : '未設定'),
    cohort: (value: number | null) => (value === null ? '未設定' : `${value}期`),
  }
  const parts: string[] = []
  if (from.hospital !== to.hospital) parts.push(`所属病院: ${show.hospital(from.hospital)} → ${show.hospital(to.hospital)}`)
  if (from.course !== to.course) parts.push(`修了コース: ${show.course(from.course)} → ${show.course(to.course)}`)
  if (from.cohort !== to.cohort) parts.push(`期: ${show.cohort(from.cohort)} → ${show.cohort(to.cohort)}`)
  return parts.join('、')
}

export async function getOwnMembership(userId: string) {
  const [user, pending] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { hospital: hospitalName, course: true, cohort: true } }),
    prisma.membershipChangeRequest.findFirst({
      where: { userId, status: 'PENDING' },
      orderBy: { createdAt: 'desc' },
      select: { id: true, createdAt: true, toHospital: hospitalName, toCourse: true, toCohort: true, reason: true },
    }),
  ])
  return { current: user, pending }
}

export type RequestChangeResult = { ok: true } | { ok: false; field: 'hospitalId' | 'form'; message: string }

/** A member asks for a change. A newer request replaces a pending one (it is marked withdrawn), so there is one at a time. */
export async function requestMembershipChange(
  user: Pick<SessionUser, 'id'>,
  input: z.infer<typeof MembershipChangeSchema>,
  request: Request,
): Promise<RequestChangeResult> {
  const toHospitalId = input.hospitalId || null
  const toHospital = toHospitalId ? await prisma.hospital.findUnique({ where: { id: toHospitalId }, select: { id: true } }) : null
  if (toHospitalId && !toHospital) return { ok: false, field: 'hospitalId', message: '病院が見つかりません。一覧から選び直してください' }
  const current = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, hospitalId: true, course: true, cohort: true } })
  const to: Membership = { hospitalId: toHospitalId, course: input.course ?? null, cohort: input.cohort ?? null }
  if (current.hospitalId === to.hospitalId && current.course === to.course && current.cohort === to.cohort) {
    return { ok: false, field: 'form', message: '現在の登録内容と同じです。変更したい項目を選び直してください' }
  }
  const admins = await prisma.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { id: true, email: true } })
  const created = await prisma.$transaction(async (tx) => {
    await tx.membershipChangeRequest.updateMany({ where: { userId: user.id, status: 'PENDING' }, data: { status: 'WITHDRAWN' } })
    const row = await tx.membershipChangeRequest.create({
      data: {
        userId: user.id,
        fromHospitalId: current.hospitalId,
        fromCourse: current.course,
        fromCohort: current.cohort,
        toHospitalId: to.hospitalId,
        toCourse: to.course,
        toCohort: to.cohort,
        reason: input.reason,
      },
      select: { id: true },
    })
    await recordAudit({ action: 'membership.change-requested', actorId: user.id, target: { type: 'user', id: user.id }, request, details: { requestId: row.id } }, tx)
    await notify({ userIds: admins.map((admin) => admin.id), kind: 'membership.change-requested', title: '所属・修了コースの変更依頼が届きました', url: requestPath(row.id) }, tx)
    return row
  })
  const link = `${getEnv().APP_ORIGIN}${requestPath(created.id)}`
  for (const admin of admins) await sendMail({ to: admin.email, ...membershipChangeRequestedMail({ memberName: current.name, link }) })
  return { ok: true }
}

export function listMembershipRequests(status: 'PENDING' | 'DECIDED') {
  return prisma.membershipChangeRequest.findMany({
    where: status === 'PENDING' ? { status: 'PENDING' } : { status: { in: ['APPROVED', 'REFUSED'] } },
    orderBy: status === 'PENDING' ? { createdAt: 'asc' } : { decidedAt: 'desc' },
    take: 200,
    select: requestSelect,
  })
}

export function getMembershipRequest(id: string) {
  return prisma.membershipChangeRequest.findUnique({ where: { id }, select: requestSelect })
}

export class MembershipDecisionError extends Error {}

/**
 * An admin approves (the member's hospital, course and cohort become the requested ones) or refuses (nothing
 * changes). The audit event keeps old → new as the member had them at the moment of the decision.
 */
export async function decideMembershipChange(id: string, input: z.infer<typeof MembershipDecisionSchema>, admin: SessionUser, request: Request) {
  const approved = input.decision === 'approve'
  const outcome = await prisma.$transaction(async (tx) => {
    // The row lock makes two admins deciding at once see each other's decision instead of both applying it.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "MembershipChangeRequest" WHERE id = ${id} FOR UPDATE`
    if (!locked) throw new MembershipDecisionError('変更依頼が見つかりません。')
    if (locked.status !== 'PENDING') throw new MembershipDecisionError('この変更依頼はすでに処理されています。一覧を開き直してください。')
    const row = await tx.membershipChangeRequest.findUniqueOrThrow({
      where: { id },
      select: { userId: true, toHospitalId: true, toCourse: true, toCohort: true, toHospital: hospitalName },
    })
    const member = await tx.user.findUniqueOrThrow({
      where: { id: row.userId },
      select: { name: true, email: true, hospitalId: true, course: true, cohort: true, hospital: hospitalName },
    })
    if (approved && row.toHospitalId && !row.toHospital) throw new MembershipDecisionError('依頼された病院は削除されています。却下してください。')
    const from = { hospitalId: member.hospitalId, course: member.course, cohort: member.cohort }
    const to = { hospitalId: row.toHospitalId, course: row.toCourse, cohort: row.toCohort }
    if (approved) await tx.user.update({ where: { id: row.userId }, data: to })
    await tx.membershipChangeRequest.update({
      where: { id },
      data: { status: approved ? 'APPROVED' : 'REFUSED', decidedById: admin.id, decidedAt: new Date(), decisionNote: input.note || null },
    })
    await recordAudit(
      {
        action: approved ? 'membership.change-approved' : 'membership.change-refused',
        actorId: admin.id,
        target: { type: 'user', id: row.userId },
        request,
        details: { requestId: id, from, to },
      },
      tx,
    )
    const summary = describeChange(
      { hospital: member.hospital?.name ?? null, course: member.course, cohort: member.cohort },
      { hospital: row.toHospital?.name ?? null, course: row.toCourse, cohort: row.toCohort },
    )
    const title = approved ? '所属・修了コースの変更が承認されました' : '所属・修了コースの変更依頼が却下されました'
    await notify({ userIds: [row.userId], kind: `membership.change-${approved ? 'approved' : 'refused'}`, title, url: '/settings/profile' }, tx)
    return { member, summary }
  })
  await sendMail({
    to: outcome.member.email,
    ...membershipChangeDecidedMail({
      name: outcome.member.name,
      approved,
      summary: outcome.summary,
      note: input.note || null,
      link: `${getEnv().APP_ORIGIN}/settings/profile`,
    }),
  })
}
