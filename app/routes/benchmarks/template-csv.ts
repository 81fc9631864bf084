import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { csvTemplate } from '#app/modules/benchmarks/csv.ts'

// The header row only. With a BOM so that Excel opens it as UTF-8.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return new Response(`\uFEFF${csvTemplate()}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="template.csv"',
      'Cache-Control': 'private, no-store',
    },
  })
}
