import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvDownload } from '#app/lib/csv.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requireBenchmarkScope, requireScopedHospital } from '#app/modules/benchmarks/access.server.ts'
import { serialiseBenchmarkCsv } from '#app/modules/benchmarks/csv.ts'
import { listMonths } from '#app/modules/benchmarks/submissions.server.ts'

// The hospital's own months (members: their hospital; admins: ?hospital=), with a BOM so that Excel opens it as
// UTF-8. The file name carries no hospital name (it may end up in shared folders).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const scope = await requireBenchmarkScope(request, url.searchParams.get('hospital'))
  const hospital = requireScopedHospital(scope)
  // A hospital's figures leave the site: ask for a recent password or second factor first (issue 13).
  await requireFreshSession(request)
  const months = await listMonths(hospital.id)
  return csvDownload(serialiseBenchmarkCsv(months), 'benchmarks-export.csv')
}
