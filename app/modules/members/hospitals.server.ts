import type { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import type { HospitalSchema } from './schemas.ts'

type HospitalInput = z.infer<typeof HospitalSchema>

export function listHospitals() {
  return prisma.hospital.findMany({
    orderBy: [{ prefecture: 'asc' }, { name: 'asc' }],
    include: { _count: { select: { members: true } } },
  })
}

export function hospitalOptions() {
  return prisma.hospital.findMany({ orderBy: [{ prefecture: 'asc' }, { name: 'asc' }], select: { id: true, name: true, prefecture: true } })
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
    throw error
  }
}
