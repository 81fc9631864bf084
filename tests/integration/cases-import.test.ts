import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { importCases, importKeyFor } from '#app/modules/cases/import.server.ts'
import { richTextToPlainText, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'
import { createUser } from '#tests/fixtures/auth.ts'

const fixture = () => readFile(path.join(import.meta.dirname, '..', 'fixtures', 'cases-import.jsonl'), 'utf8')

test('imports valid lines, reports invalid ones by line number with the reason, and does not duplicate on re-run', async () => {
  await createUser({ email: 'importer@test.example' })
  const report = await importCases(await fixture())
  expect(report).toMatchObject({ total: 7, created: 2, skipped: 0 })
  expect(report.errors.map((error) => error.line)).toEqual([4, 5, 6, 7, 8])
  const reason = (line: number) => report.errors.find((error) => error.line === line)?.reason ?? ''
  expect(reason(4)).toContain('JSON として読めません')
  expect(reason(5)).toContain('「概要」の「山田太郎様」')
  expect(reason(5)).toContain('「経過・時系列」の「2024年5月3日」')
  expect(reason(6)).toContain('summary')
  expect(reason(6)).toContain('impactLevel「9」')
  expect(reason(6)).toContain('jqCategory「手術」')
  expect(reason(6)).toContain('occurredOn は「2024-05」')
  expect(reason(7)).toContain('nobody@test.example')
  expect(reason(8)).toMatch(/^body: /)

  const cases = await prisma.case.findMany({ orderBy: { occurredYear: 'asc' } })
  expect(cases).toHaveLength(2)
  const [pump, fall] = cases
  expect(fall).toMatchObject({ status: 'PUBLISHED', impactLevel: 'LEVEL_3A', jqCategory: 'CARE', place: 'WARD', occurredYear: 2024, occurredMonth: 3, tags: ['転倒', '離床センサー'] })
  expect(richTextToPlainText(fall?.chronology as unknown as RichTextDoc)).toContain('離床センサーの電源が入っていなかった。')
  expect(pump).toMatchObject({ importKey: 'import:id:legacy-0042', anonymous: true, jqCategory: 'DEVICE', place: 'OTHER', tags: ['輸液ポンプ', '流量'] })
  expect(await prisma.searchOutbox.count({ where: { docType: 'case' } })).toBe(2)

  const again = await importCases(await fixture())
  expect(again).toMatchObject({ created: 0, skipped: 2 })
  expect(await prisma.case.count()).toBe(2)
})

test('the import key ignores spacing, width and case differences but not the month or the author', () => {
  const base = { title: '輸液ポンプの 流量設定ミス', occurredOn: '2023-12', authorEmail: 'a@test.example' }
  expect(importKeyFor({ ...base, title: ' 輸液ポンプの　流量設定ミス ' })).toBe(importKeyFor(base))
  expect(importKeyFor({ ...base, authorEmail: 'A@TEST.EXAMPLE' })).toBe(importKeyFor(base))
  expect(importKeyFor({ ...base, occurredOn: '2024-01' })).not.toBe(importKeyFor(base))
  expect(importKeyFor({ ...base, id: 7 })).toBe('import:id:7')
})
