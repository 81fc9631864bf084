import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canEditAdoption } from '#app/modules/auth/permissions.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { describeBlocking } from '#app/modules/deidentify/publish-guard.ts'
import { serverBlockingFindings } from '#app/modules/deidentify/server-check.server.ts'
import { notify } from '#app/modules/notifications/notifications.server.ts'
import { enqueueSearchChange } from '#search/outbox.server.ts'
import { ADOPTION_STATUSES, COUNTED_ADOPTION_STATUSES, type AdoptionStatusCode } from './labels.ts'
import type { AdoptionInput } from './schemas.ts'

// 「自院で導入」: one record per hospital and practice. Any member with a hospital records it; afterwards only
// that hospital's members (and admins) change it. The practice keeps a count for sorting by adoptions.

type Tx = Prisma.TransactionClient
type Editor = Pick<SessionUser, 'id' | 'role' | 'hospitalId'>

export type AdoptionError = { ok: false; status: 400 | 403 | 404; formErrors: string[]; fieldErrors: Record<string, string[]> }
const fail = (status: AdoptionError['status'], message: string, fieldErrors: Record<string, string[]> = {}): AdoptionError => ({
  ok: false,
  status,
  formErrors: [message],
  fieldErrors,
})

async function refreshAdoptionCount(tx: Tx, practiceId: string) {
  const adoptionCount = await tx.adoption.count({ where: { practiceId, status: { in: [...COUNTED_ADOPTION_STATUSES] } } })
  await tx.practice.update({ where: { id: practiceId }, data: { adoptionCount } })
}

/** The result and note are shown to every member: they pass the same identifier check as a practice. */
async function identifierProblems(input: AdoptionInput): Promise<Record<string, string[]>> {
  const blocking = await serverBlockingFindings([
    { field: 'resultBefore', label: '導入前の値', text: input.resultBefore },
    { field: 'resultAfter', label: '導入後の値', text: input.resultAfter },
    { field: 'note', label: 'メモ', text: input.note },
  ])
  const messages = describeBlocking(blocking)
  const fieldErrors: Record<string, string[]> = {}
  blocking.forEach((item, index) => {
    fieldErrors[item.field] = [...(fieldErrors[item.field] ?? []), messages[index] ?? '']
  })
  return fieldErrors
}

/**
 * Records or updates an adoption. Without `adoptionId` it is the member's own hospital's record (created if
 * missing); with it, an existing record that the member must be allowed to edit (their hospital, or an admin).
 * The practice must be published and visible — the route has already checked that the member may see it.
 */
export async function saveAdoption(
  practice: { id: string; authorId: string; title: string; status: string; hiddenAt: Date | null },
  user: Editor,
  input: AdoptionInput,
  request: Request,
  options: { adoptionId?: string } = {},
): Promise<{ ok: true; id: string } | AdoptionError> {
  if (practice.status !== 'PUBLISHED' || practice.hiddenAt) return fail(400, '公開中のプラクティスにだけ導入を記録できます。')
  let target: { id: string; hospitalId: string; status: AdoptionStatusCode } | null = null
  if (options.adoptionId) {
    target = await prisma.adoption.findFirst({ where: { id: options.adoptionId, practiceId: practice.id }, select: { id: true, hospitalId: true, status: true } })
    if (!target) return fail(404, '導入の記録が見つかりません。')
    if (!canEditAdoption(user, target)) return fail(403, '導入の記録を変更できるのは、その病院の会員だけです。')
  } else {
    if (!user.hospitalId) return fail(403, '所属病院が登録されていないため、導入を記録できません。プロフィールで所属病院を登録してください。')
    target = await prisma.adoption.findUnique({
      where: { practiceId_hospitalId: { practiceId: practice.id, hospitalId: user.hospitalId } },
      select: { id: true, hospitalId: true, status: true },
    })
  }
  const problems = await identifierProblems(input)
  if (Object.keys(problems).length) return fail(400, '個人や施設を特定できる情報を伏せてください。', problems)

  const hospitalId = target?.hospitalId ?? user.hospitalId!
  const data = {
    status: input.status,
    resultBefore: input.resultBefore || null,
    resultAfter: input.resultAfter || null,
    note: input.note || null,
    recordedById: user.id,
  }
  const saved = await prisma.$transaction(async (tx) => {
    const row = target
      ? await tx.adoption.update({ where: { id: target.id }, data, select: { id: true } })
      : await tx.adoption.create({ data: { ...data, practiceId: practice.id, hospitalId }, select: { id: true } })
    if (!target || target.status !== input.status) {
      await tx.adoptionStatusChange.create({ data: { adoptionId: row.id, status: input.status, changedById: user.id } })
    }
    await refreshAdoptionCount(tx, practice.id)
    if (user.hospitalId !== hospitalId) {
      await recordAudit(
        { action: 'adoption.changed-by-admin', actorId: user.id, target: { type: 'adoption', id: row.id }, request, details: { practiceId: practice.id, hospitalId, status: input.status } },
        tx,
      )
    }
    // The author hears when a hospital starts or changes status (not about their own hospital's record).
    if (practice.authorId !== user.id && (!target || target.status !== input.status)) {
      await notify(
        { userIds: [practice.authorId], kind: 'practice.adoption', title: `あなたのプラクティスに導入の記録があります（${ADOPTION_STATUSES[input.status]}）`, url: `/practices/${practice.id}#adoptions` },
        tx,
      )
    }
    await enqueueSearchChange(tx, { type: 'practice', id: practice.id })
    return row
  })
  return { ok: true, id: saved.id }
}

/** Withdraws a hospital's record (e.g. recorded by mistake). Same rule as editing. */
export async function deleteAdoption(practiceId: string, adoptionId: string, user: Editor, request: Request): Promise<{ ok: true } | AdoptionError> {
  const target = await prisma.adoption.findFirst({ where: { id: adoptionId, practiceId }, select: { id: true, hospitalId: true } })
  if (!target) return fail(404, '導入の記録が見つかりません。')
  if (!canEditAdoption(user, target)) return fail(403, '導入の記録を変更できるのは、その病院の会員だけです。')
  await prisma.$transaction(async (tx) => {
    await tx.adoption.delete({ where: { id: target.id } })
    await refreshAdoptionCount(tx, practiceId)
    if (user.hospitalId !== target.hospitalId) {
      await recordAudit({ action: 'adoption.changed-by-admin', actorId: user.id, target: { type: 'adoption', id: target.id }, request, details: { practiceId, deleted: true } }, tx)
    }
    await enqueueSearchChange(tx, { type: 'practice', id: practiceId })
  })
  return { ok: true }
}

/**
 * The adoption picture on a practice page: how many hospitals at each status and each hospital's reported
 * result. Hospital names are shown (the members chose to record it; it is the point of the page), recorders'
 * names are not. `canEdit` says which records this viewer may change.
 */
export async function adoptionSummary(practiceId: string, viewer: Editor) {
  const rows = await prisma.adoption.findMany({
    where: { practiceId },
    orderBy: [{ updatedAt: 'desc' }],
    select: {
      id: true,
      hospitalId: true,
      status: true,
      resultBefore: true,
      resultAfter: true,
      note: true,
      updatedAt: true,
      createdAt: true,
      hospital: { select: { name: true, prefecture: true } },
      history: { orderBy: { createdAt: 'asc' }, select: { status: true, createdAt: true } },
    },
  })
  const counts = Object.fromEntries(Object.keys(ADOPTION_STATUSES).map((status) => [status, 0])) as Record<AdoptionStatusCode, number>
  for (const row of rows) counts[row.status] += 1
  const items = rows.map(({ hospitalId, ...row }) => ({ ...row, mine: !!viewer.hospitalId && viewer.hospitalId === hospitalId, canEdit: canEditAdoption(viewer, { hospitalId }) }))
  return {
    total: rows.filter((row) => COUNTED_ADOPTION_STATUSES.includes(row.status)).length,
    counts,
    items,
    mine: items.find((item) => item.mine) ?? null,
  }
}

/** For /home: the practices the member's hospital recorded, newest change first. */
export async function hospitalAdoptions(user: Pick<SessionUser, 'hospitalId'>, take = 8) {
  if (!user.hospitalId) return []
  const rows = await prisma.adoption.findMany({
    where: { hospitalId: user.hospitalId, practice: { status: 'PUBLISHED', hiddenAt: null } },
    orderBy: { updatedAt: 'desc' },
    take,
    select: { id: true, status: true, updatedAt: true, resultBefore: true, resultAfter: true, practice: { select: { id: true, title: true } } },
  })
  return rows
}
