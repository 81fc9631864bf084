import { createHash } from 'node:crypto'
import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import { CASE_PLACES, IMPACT_LEVELS, JQ_CATEGORIES, type CasePlaceCode, type ImpactLevelCode, type JqCategoryCode } from './labels.ts'
import { publishProblems, saveCase } from './cases.server.ts'
import { parseTags, parseYearMonth, richTextFromInput, type CaseInput } from './schemas.ts'

// Bulk import of the secretariat's case collection (docs/cases-import.md): one JSON object per line.

/** Accepts the code (LEVEL_3B), the short form (3b) or the Japanese label (その他). */
function lookup<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}) {
  const table = new Map<string, T>()
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    table.set(code.toLowerCase(), code)
    table.set(label.toLowerCase(), code)
  }
  for (const [alias, code] of Object.entries(extra)) table.set(alias.toLowerCase(), code)
  return (value: string) => table.get(value.normalize('NFKC').trim().toLowerCase())
}
const impactLevelOf = lookup<ImpactLevelCode>(IMPACT_LEVELS, { other: 'OTHER', 'level 3b': 'LEVEL_3B' })
const jqCategoryOf = lookup<JqCategoryCode>(JQ_CATEGORIES)
const placeOf = lookup<CasePlaceCode>(CASE_PLACES)

const text = (what: string, max: number) =>
  z.string({ error: `${what}（文字列）がありません` }).trim().min(1, `${what}が空です`).max(max, `${what}は${max}文字以内にしてください`)

const LineSchema = z.object({
  id: z.union([z.string().trim().min(1).max(100), z.number()]).optional(),
  title: text('title', 120),
  summary: text('summary', 600),
  body: z.union([z.string(), z.record(z.string(), z.unknown())], { error: 'body（本文: 文字列または Tiptap JSON）がありません' }),
  impactLevel: z.union([z.string(), z.number()], { error: 'impactLevel がありません' }).transform((value, ctx) => {
    const code = impactLevelOf(String(value))
    if (!code) ctx.addIssue({ code: 'custom', message: `impactLevel「${value}」は 0, 1, 2, 3a, 3b, 4a, 4b, 5, その他 のいずれかにしてください` })
    return code ?? 'OTHER'
  }),
  jqCategory: z.string({ error: 'jqCategory がありません' }).transform((value, ctx) => {
    const code = jqCategoryOf(value)
    if (!code) ctx.addIssue({ code: 'custom', message: `jqCategory「${value}」は ${Object.values(JQ_CATEGORIES).join(' / ')} のいずれかにしてください` })
    return code ?? 'OTHER'
  }),
  place: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return 'OTHER' as const
      const code = placeOf(value)
      if (!code) ctx.addIssue({ code: 'custom', message: `place「${value}」は ${Object.values(CASE_PLACES).join(' / ')} のいずれかにしてください` })
      return code ?? 'OTHER'
    }),
  occurredOn: z
    .string({ error: 'occurredOn（YYYY-MM）がありません' })
    .refine((value) => parseYearMonth(value) !== null, 'occurredOn は「2024-05」のように年と月で書いてください（日付は書きません）'),
  tags: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((value) => parseTags(value))
    .refine((tags) => tags.length <= 10 && tags.every((tag) => tag.length <= 30), 'tags は30文字以内を10個までにしてください'),
  authorEmail: z.string({ error: 'authorEmail がありません' }).trim().toLowerCase().pipe(z.email('authorEmail の形式が正しくありません')),
  anonymous: z.boolean().optional().default(false),
})

export type ImportLineError = { line: number; reason: string }
export type ImportReport = { created: number; skipped: number; errors: ImportLineError[]; total: number }

/** Same case again = same key: an explicit id, else the normalised title + month + author. */
export function importKeyFor(line: { id?: string | number; title: string; occurredOn: string; authorEmail: string }): string {
  if (line.id !== undefined) return `import:id:${String(line.id).trim()}`
  const normal = (value: string) => value.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
  const digest = createHash('sha256').update([normal(line.title), line.occurredOn.trim(), normal(line.authorEmail)].join('\n')).digest('hex')
  return `import:${digest.slice(0, 40)}`
}

/**
 * Imports a JSONL text. Every line is validated on its own (JSON, fields, rich text, author, de-identification
 * block findings) and saved in its own transaction, so a bad line writes nothing and stops nothing else.
 */
export async function importCases(jsonl: string): Promise<ImportReport> {
  const report: ImportReport = { created: 0, skipped: 0, errors: [], total: 0 }
  const lines = jsonl.split(/\r?\n/)
  const authors = new Map<string, Awaited<ReturnType<typeof findAuthor>>>()
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1
    if (!raw.trim()) continue
    report.total += 1
    const fail = (reason: string) => report.errors.push({ line: lineNumber, reason })
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      fail('JSON として読めません（1行に1件の JSON オブジェクトを書いてください）')
      continue
    }
    const parsed = LineSchema.safeParse(json)
    if (!parsed.success) {
      fail(parsed.error.issues.map((issue) => issue.message).join(' / '))
      continue
    }
    const line = parsed.data
    const body = richTextFromInput(line.body, 'full')
    if (!body.ok) {
      fail(`body: ${body.error}`)
      continue
    }
    if (!authors.has(line.authorEmail)) authors.set(line.authorEmail, await findAuthor(line.authorEmail))
    const author = authors.get(line.authorEmail)
    if (!author) {
      fail(`authorEmail「${line.authorEmail}」の有効な会員がいません（先に会員登録が必要です）`)
      continue
    }
    const importKey = importKeyFor(line)
    if (await prisma.case.findUnique({ where: { importKey }, select: { id: true } })) {
      report.skipped += 1
      continue
    }
    const empty = { type: 'doc' as const, content: [] }
    const input: CaseInput = {
      intent: 'publish',
      title: line.title,
      summary: line.summary,
      impactLevel: line.impactLevel,
      jqCategory: line.jqCategory,
      place: line.place,
      occurredOn: line.occurredOn,
      anonymous: line.anonymous,
      tags: line.tags,
      chronology: body.doc,
      discovery: empty,
      analysis: empty,
      countermeasuresText: empty,
      lessons: empty,
      professions: [],
      factors: [],
      countermeasures: [],
    }
    // The de-identification check runs before the transaction: it may take seconds on a long text.
    const problems = await publishProblems(input, { wholeCase: false })
    if (problems) {
      fail(problems.formErrors.join(' / ').replace(/下書きとしては保存できます。/, ''))
      continue
    }
    try {
      const saved = await prisma.$transaction((tx) => saveCase(input, author, { importKey, db: tx, publishChecked: true }))
      if (saved.ok) report.created += 1
      else fail(saved.formErrors.join(' / ').replace(/下書きとしては保存できます。/, ''))
    } catch (error) {
      // Two imports racing on the same line: the unique importKey lets only one in.
      if (error instanceof Error && /Unique constraint/i.test(error.message)) report.skipped += 1
      else fail(`保存できませんでした: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    }
  }
  return report
}

function findAuthor(email: string) {
  return prisma.user.findFirst({
    where: { email, status: 'ACTIVE' },
    select: { id: true, email: true, name: true, role: true, status: true, hospitalId: true },
  })
}
