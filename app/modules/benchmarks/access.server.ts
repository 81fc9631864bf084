import { prisma } from '#app/lib/db.server.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'

/**
 * Whose benchmark data a request may see or change — the one place that decides it, called by every loader and
 * action of the area. Members: their own hospital only (asking for another is a 403). Admins: any hospital,
 * chosen with ?hospital= (or a form field); they get the list to choose from.
 */
export type BenchmarkHospital = { id: string; name: string }
export type BenchmarkScope = {
  user: SessionUser
  canChooseHospital: boolean
  /** null: a member without a hospital (the page says how to fix that), or no hospital registered at all. */
  hospital: BenchmarkHospital | null
  hospitals: BenchmarkHospital[]
}

export async function requireBenchmarkScope(request: Request, requestedHospitalId?: string | null): Promise<BenchmarkScope> {
  const user = await requireUser(request)
  const requested = requestedHospitalId?.trim() || null
  if (hasPermission(user, 'benchmark:any-hospital')) {
    const hospitals = await prisma.hospital.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } })
    const wanted = requested ?? user.hospitalId
    const hospital = (wanted ? hospitals.find((h) => h.id === wanted) : undefined) ?? (requested ? undefined : hospitals[0])
    if (requested && !hospital) throw new Response('指定された病院が見つかりません。', { status: 404, statusText: 'Not Found' })
    return { user, canChooseHospital: true, hospital: hospital ?? null, hospitals }
  }
  if (requested && requested !== user.hospitalId) {
    throw new Response('他の病院のデータは表示・登録できません。', { status: 403, statusText: 'Forbidden' })
  }
  const hospital = user.hospitalId ? await prisma.hospital.findUnique({ where: { id: user.hospitalId }, select: { id: true, name: true } }) : null
  return { user, canChooseHospital: false, hospital, hospitals: [] }
}

/** For actions and downloads that make no sense without a hospital. */
export function requireScopedHospital(scope: BenchmarkScope): BenchmarkHospital {
  if (!scope.hospital) {
    throw new Response('所属病院が登録されていないため、ベンチマークデータを扱えません。プロフィールで所属病院を設定してください。', {
      status: 400,
      statusText: 'Bad Request',
    })
  }
  return scope.hospital
}

/** The query string that keeps an admin's chosen hospital across links ("" for members). */
export function hospitalQuery(scope: BenchmarkScope): string {
  return scope.canChooseHospital && scope.hospital ? `hospital=${encodeURIComponent(scope.hospital.id)}` : ''
}

/**
 * The posted form, or a 400 with a Japanese message when the body is not a form (a JSON body, a broken multipart
 * upload): never a 500. Benchmark actions take the hospital only from the member's stored membership — a
 * `hospital` field in any body is honoured for admins only (requireBenchmarkScope refuses it for members).
 */
export async function readBenchmarkForm(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('送信内容を読み取れませんでした。画面のフォームから送信してください。', { status: 400, statusText: 'Bad Request' })
  }
}
