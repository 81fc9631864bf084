import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvDownload } from '#app/lib/csv.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { csvTemplate } from '#app/modules/benchmarks/csv.ts'

// The header row only. With a BOM so that Excel opens it as UTF-8.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return csvDownload(csvTemplate(), 'template.csv')
}
