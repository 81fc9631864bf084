import type { LoaderFunctionArgs } from '@remix-run/node'
import { csvDownload } from '#app/lib/csv.ts'
import { requireFreshSession } from '#app/modules/auth/reauth.server.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { caseExportCsv, caseExportXlsx, exportFileName, loadCaseExport } from '#app/modules/cases/export.server.ts'
import { CaseFiltersSchema } from '#app/modules/cases/schemas.ts'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// /cases/export.csv and /cases/export.xlsx with the list's filters: every signed-in member may export what they
// may read in the list (docs/decisions/0055-case-retrieval.md). Like every export, it asks for a recent proof of
// identity first (issue 13: re-authentication before exports; a file leaves the platform's access control).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  await requireFreshSession(request)
  const url = new URL(request.url)
  const filters = CaseFiltersSchema.parse(Object.fromEntries(url.searchParams))
  const data = await loadCaseExport(filters, user)
  if (url.pathname.endsWith('.xlsx')) {
    return new Response(await caseExportXlsx(data), {
      headers: {
        'Content-Type': XLSX_TYPE,
        'Content-Disposition': `attachment; filename="${exportFileName('xlsx')}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  }
  return csvDownload(caseExportCsv(data), exportFileName('csv'))
}
