/**
 * Export of a case list (issue 17): the cases the current filters select, as CSV for Excel (UTF-8 with BOM, CRLF)
 * or as .xlsx. Only what every member may read on the case pages: published, not hidden cases, the author of an
 * anonymous case as 「会員」 whoever exports (even a moderator: the file leaves the site), no drafts, no ids of
 * people, no hospital of an anonymous case.
 */
import ExcelJS from 'exceljs'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { toCsv } from '#app/lib/csv.ts'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { japanDateKey } from '#app/lib/japan-time.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { PROFESSIONS } from '#app/modules/members/labels.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { caseListWhere, caseListOrder, visibleToMembers } from './cases.server.ts'
import {
  ANONYMOUS_AUTHOR,
  CASE_PLACES,
  COUNTERMEASURE_STRENGTHS,
  EXPERIENCE_BANDS,
  factorLabel,
  IMPACT_LEVELS,
  JQ_CATEGORIES,
  occurredLabel,
} from './labels.ts'
import type { CaseFilters } from './schemas.ts'

/**
 * At most this many rows per file: enough for any filtered list a safety officer reads (the whole demo set is
 * ~30 cases; a year of a hospital's own shared cases is tens), small enough that one request cannot pull the
 * whole collection. The list page says so beside the buttons when there are more.
 */
export const EXPORT_ROW_CAP = 1000

/** Excel keeps at most 32,767 characters in a cell; a longer text would be cut or split by Excel itself. */
const CELL_LIMIT = 32_000

export const EXPORT_COLUMNS = [
  { header: '事例URL', width: 40 },
  { header: '題名', width: 40 },
  { header: '概要', width: 60 },
  { header: '発生年月', width: 12 },
  { header: '事象の分類', width: 14 },
  { header: '影響度', width: 10 },
  { header: '発生場所', width: 12 },
  { header: '当事者（職種・経験年数）', width: 30 },
  { header: '要因', width: 50 },
  { header: '対策（強さ）', width: 50 },
  { header: '教訓', width: 50 },
  { header: 'タグ', width: 20 },
  { header: '投稿者', width: 16 },
  { header: '所属', width: 24 },
  { header: '公開日', width: 12 },
  { header: 'コメント数', width: 10 },
] as const

const exportSelect = {
  id: true,
  title: true,
  summary: true,
  impactLevel: true,
  jqCategory: true,
  place: true,
  occurredYear: true,
  occurredMonth: true,
  anonymous: true,
  hospitalName: true,
  tags: true,
  lessons: true,
  publishedAt: true,
  commentCount: true,
  author: { select: { name: true } },
  professions: { orderBy: { position: 'asc' }, select: { profession: true, experience: true } },
  factors: { orderBy: { position: 'asc' }, select: { framework: true, element: true, description: true } },
  countermeasures: { orderBy: { position: 'asc' }, select: { text: true, strength: true } },
} satisfies Prisma.CaseSelect

type ExportRow = Prisma.CaseGetPayload<{ select: typeof exportSelect }>

const clip = (text: string) => (text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…（以下省略）` : text)

/** One case as the export's cells, in EXPORT_COLUMNS order. */
export function exportCells(row: ExportRow, origin: string): (string | number)[] {
  return [
    `${origin}/cases/${row.id}`,
    row.title,
    row.summary,
    occurredLabel(row.occurredYear, row.occurredMonth),
    JQ_CATEGORIES[row.jqCategory],
    row.impactLevel === 'OTHER' ? IMPACT_LEVELS.OTHER : `レベル${IMPACT_LEVELS[row.impactLevel]}`,
    CASE_PLACES[row.place],
    row.professions.map((person) => `${PROFESSIONS[person.profession]}（${EXPERIENCE_BANDS[person.experience]}）`).join('\n'),
    clip(row.factors.map((factor) => `${factorLabel(factor.framework, factor.element)}: ${factor.description}`).join('\n')),
    clip(row.countermeasures.map((item) => `【${COUNTERMEASURE_STRENGTHS[item.strength]}】${item.text}`).join('\n')),
    clip(richTextToPlainText(row.lessons as unknown as RichTextDoc)),
    row.tags.join(', '),
    row.anonymous ? ANONYMOUS_AUTHOR : row.author.name,
    row.anonymous ? '' : (row.hospitalName ?? ''),
    row.publishedAt ? japanDateKey(row.publishedAt) : '',
    row.commentCount,
  ]
}

export type CaseExport = { header: string[]; rows: (string | number)[][]; total: number; truncated: boolean }

/** The cases the filters select that every member may see, in the list's order, at most EXPORT_ROW_CAP. */
export async function loadCaseExport(filters: CaseFilters, viewer: Pick<SessionUser, 'id' | 'role'>): Promise<CaseExport> {
  // The list's own scope (bookmarks, my cases) narrowed to what every member may see: never a draft, never hidden.
  const where: Prisma.CaseWhereInput = { AND: [caseListWhere(filters, viewer), visibleToMembers] }
  const [total, rows] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({ where, orderBy: caseListOrder(filters), take: EXPORT_ROW_CAP, select: exportSelect }),
  ])
  const origin = getEnv().APP_ORIGIN
  return { header: EXPORT_COLUMNS.map((column) => column.header), rows: rows.map((row) => exportCells(row, origin)), total, truncated: total > rows.length }
}

export function caseExportCsv(data: CaseExport): string {
  return toCsv(data.header, data.rows)
}

/** An .xlsx workbook with one sheet 「事例」: header row bold and frozen, an auto-filter, long texts wrapped. */
export async function caseExportXlsx(data: CaseExport): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'QSO Hub'
  workbook.created = new Date()
  const sheet = workbook.addWorksheet('事例', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }))
  // Cells are written as strings and numbers, never formulas: a text starting with 「=」 stays text in .xlsx.
  for (const row of data.rows) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } }
  for (let index = 1; index <= EXPORT_COLUMNS.length; index += 1) sheet.getColumn(index).alignment = { vertical: 'top', wrapText: true }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** The file name: the date only (a name with filters or a hospital could say more than the member meant). */
export function exportFileName(format: 'csv' | 'xlsx', now = new Date()): string {
  return `cases-${japanDateKey(now)}.${format}`
}
