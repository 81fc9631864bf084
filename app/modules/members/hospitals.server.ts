import type { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { PREFECTURES } from './labels.ts'
import type { HospitalSchema } from './schemas.ts'

type HospitalInput = z.infer<typeof HospitalSchema>

// Prefectures in their usual north-to-south order (北海道 … 沖縄県), not by character code.
function byPrefectureThenName<T extends { prefecture: string; name: string }>(hospitals: T[]): T[] {
  const rank = (prefecture: string) => (PREFECTURES as readonly string[]).indexOf(prefecture)
  return hospitals.sort((a, b) => rank(a.prefecture) - rank(b.prefecture) || a.name.localeCompare(b.name, 'ja'))
}

export async function listHospitals() {
  return byPrefectureThenName(await prisma.hospital.findMany({ include: { _count: { select: { members: true } } } }))
}

export async function hospitalOptions() {
  return byPrefectureThenName(await prisma.hospital.findMany({ select: { id: true, name: true, prefecture: true } }))
}

export function findHospital(id: string) {
  return prisma.hospital.findUnique({ where: { id }, select: { id: true, name: true, prefecture: true, beds: true, type: true, jqReportObliged: true } })
}

export type SaveHospitalResult = { ok: true; id: string } | { ok: false; field: 'name'; message: string }

export async function saveHospital(input: HospitalInput, actor: SessionUser, request: Request, id?: string): Promise<SaveHospitalResult> {
  try {
    const hospital = await prisma.$transaction(async (tx) => {
      const saved = id ? await tx.hospital.update({ where: { id }, data: input }) : await tx.hospital.create({ data: input })
      await recordAudit(
        { action: id ? 'hospital.updated' : 'hospital.created', actorId: actor.id, target: { type: 'hospital', id: saved.id }, request, details: { name: saved.name } },
        tx,
      )
      return saved
    })
    return { ok: true, id: hospital.id }
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, field: 'name', message: '同じ名前の病院が既に登録されています' }
    }
    // Deleted between the page load and the save.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
      throw new Response('病院が見つかりません。', { status: 404 })
    }
    throw error
  }
}
