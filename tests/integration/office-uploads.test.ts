import { expect, test } from 'vitest'
import { checkOfficeDocument, bytesAccess } from '#app/modules/uploads/office-documents.server.ts'
import { validateUpload } from '#app/modules/uploads/uploads.server.ts'
import { PRACTICE_ATTACHMENT_RULES } from '#app/modules/practices/schemas.ts'
import { docmFile, docxFile, docxWithHiddenMacros, docxWithoutMainPart, pptxFile, renamedZip, xlsxFile } from '#tests/fixtures/office.ts'

// Issue 17: Word, Excel and PowerPoint as practice attachments, recognised by their package, never by the name.

test.each([
  ['手順書.docx', 'docx', docxFile, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['転倒率.xlsx', 'xlsx', xlsxFile, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ポスター.pptx', 'pptx', pptxFile, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
] as const)('%s is accepted as %s with its Office MIME type', async (name, kind, make, mimeType) => {
  const check = await validateUpload(new File([await make()], name), PRACTICE_ATTACHMENT_RULES)
  expect(check).toMatchObject({ ok: true, upload: { kind, mimeType, fileName: name } })
})

test('an Excel file saved under a .pdf name keeps the type of its content', async () => {
  const check = await validateUpload(new File([await xlsxFile()], '集計.pdf'), PRACTICE_ATTACHMENT_RULES)
  expect(check).toMatchObject({ ok: true, upload: { kind: 'xlsx', fileName: '集計.xlsx' } })
})

test.each([
  ['マクロ.docm', docmFile, '「マクロ.docm」はマクロを含むOffice文書のため添付できません。マクロを含まない形式（docx・xlsx・pptx）で保存し直してください。'],
  ['手順.docx', docxWithHiddenMacros, '「手順.docx」はマクロを含むOffice文書のため添付できません。マクロを含まない形式（docx・xlsx・pptx）で保存し直してください。'],
  ['資料.docx', renamedZip, '「資料.docx」は添付できない種類のファイルです（PDF・PNG・JPEG・Word・Excel・PowerPoint のみ）。'],
  ['空っぽ.docx', docxWithoutMainPart, '「空っぽ.docx」は添付できない種類のファイルです（PDF・PNG・JPEG・Word・Excel・PowerPoint のみ）。'],
])('%s is refused with a Japanese message', async (name, make, message) => {
  expect(await validateUpload(new File([await make()], name), PRACTICE_ATTACHMENT_RULES)).toEqual({ ok: false, error: message })
})

test('areas that allow only PDF and images still refuse Office documents', async () => {
  const check = await validateUpload(new File([await docxFile()], 'a.docx'), { maxBytes: 1024 * 1024, allowed: ['pdf', 'png', 'jpeg'] })
  expect(check).toEqual({ ok: false, error: '「a.docx」は添付できない種類のファイルです（PDF・PNG・JPEG のみ）。' })
})

test('an Office document over the cap is refused like any file', async () => {
  const check = await validateUpload(new File([await xlsxFile()], 'big.xlsx'), { ...PRACTICE_ATTACHMENT_RULES, maxBytes: 100 })
  expect(check).toMatchObject({ ok: false, error: expect.stringContaining('100 B 以下のファイルを選んでください') })
})

test('truncated or garbage ZIP data is "not Office", never an exception', async () => {
  const real = await docxFile()
  expect(await checkOfficeDocument(bytesAccess(real.subarray(0, real.byteLength - 30)))).toEqual({ refused: 'not-office' })
  expect(await checkOfficeDocument(bytesAccess(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toEqual({ refused: 'not-office' })
})
