import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { detectUploadKind } from '#app/modules/uploads/file-types.ts'
import { LocalDiskStorage } from '#app/modules/uploads/storage.server.ts'
import { cleanFileName, storedFileResponse, storeUpload, validateUpload } from '#app/modules/uploads/uploads.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { pdfWithPages } from '#tests/fixtures/pdf.ts'

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0])
// A Windows executable starts with "MZ"; renamed to .pdf and sent as application/pdf it must still be refused.
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])

const rules = { maxBytes: 1024, allowed: ['pdf', 'png', 'jpeg'] as const }

describe('upload validation', () => {
  test('a PDF whose text names a patient is refused, naming the page and the text; a clean PDF is accepted', { timeout: 60_000 }, async () => {
    const pdfRules = { maxBytes: 1024 * 1024, allowed: ['pdf'] as const }
    const named = pdfWithPages([['転倒予防の取り組み', '夜間の巡視を強化した。'], ['事例：患者の山田太郎様が夜間に転倒した。']])
    const refused = await validateUpload(new File([named], '報告書.pdf', { type: 'application/pdf' }), pdfRules)
    expect(refused.ok).toBe(false)
    expect(refused.ok ? '' : refused.error).toBe(
      '「報告書.pdf」には個人や施設を特定できる情報があるため添付できません：2ページ目の「山田太郎様」（氏名）。伏せたPDFを添付してください。',
    )
    const clean = pdfWithPages([['転倒予防の取り組み', '夜間の巡視を強化した。'], ['事例：患者Aが夜間に転倒した。']])
    expect(await validateUpload(new File([clean], '手順.pdf', { type: 'application/pdf' }), pdfRules)).toMatchObject({ ok: true })
  })

  test('recognises PDF, PNG and JPEG by content', () => {
    expect(detectUploadKind(PDF)).toBe('pdf')
    expect(detectUploadKind(PNG)).toBe('png')
    expect(detectUploadKind(JPEG)).toBe('jpeg')
    expect(detectUploadKind(EXE)).toBeNull()
    expect(detectUploadKind(new Uint8Array())).toBeNull()
  })

  test('a renamed executable is refused whatever its name and declared type', async () => {
    const result = await validateUpload(new File([EXE], '報告書.pdf', { type: 'application/pdf' }), rules)
    expect(result).toEqual({ ok: false, error: '「報告書.pdf」は添付できない種類のファイルです（PDF・PNG・JPEG のみ）。' })
  })

  test('the type comes from the content, not the browser', async () => {
    const result = await validateUpload(new File([PNG], 'scan.pdf', { type: 'application/pdf' }), rules)
    expect(result.ok && result.upload.mimeType).toBe('image/png')
  })

  test('oversize and empty files are refused with the limit in the message', async () => {
    const big = new Uint8Array(2048)
    big.set(PDF)
    const oversize = await validateUpload(new File([big], 'big.pdf'), rules)
    expect(oversize).toEqual({ ok: false, error: '「big.pdf」は 2.0 KB です。1.0 KB 以下のファイルを選んでください。' })
    expect(await validateUpload(new File([], 'empty.pdf'), rules)).toMatchObject({ ok: false })
  })

  test('only the kinds a caller allows pass', async () => {
    const result = await validateUpload(new File([JPEG], 'photo.jpg'), { maxBytes: 1024, allowed: ['pdf'] })
    expect(result).toMatchObject({ ok: false })
  })

  test('file names lose paths and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
    expect(cleanFileName('C:\\Users\\a\\手順書.pdf')).toBe('手順書.pdf')
    expect(cleanFileName('a\u0000b\n"c".pdf')).toBe('abc.pdf')
    expect(cleanFileName('')).toBe('file')
  })

  // F12 of issue 13: the assessment's names, checked on what is stored and on what the download says.
  test.each([
    ['page.html', PDF, 'page.pdf'],
    ['report.pdf\u0000.html', PDF, 'report.pdf.pdf'],
    ['invoice\u202Efdp.exe', PDF, 'invoicefdp.pdf'],
    ['\u2066evil\u2069\u200E\u200F.png', PNG, 'evil.png'],
    ['photo.JPEG', JPEG, 'photo.jpeg'],
    ['no-extension', JPEG, 'no-extension.jpg'],
    ['..\\..\\x.svg', PNG, 'x.png'],
    ['.htaccess', PDF, 'htaccess.pdf'],
  ])('an upload named %j is stored under a name with its real type', async (name, bytes, expected) => {
    const check = await validateUpload(new File([bytes], name), { maxBytes: 1024, allowed: ['pdf', 'png', 'jpeg'] })
    if (!check.ok) throw new Error(check.error)
    expect(check.upload.fileName).toBe(expected)
    expect(check.upload.fileName).not.toMatch(/\.html?$/i)
  })

  test('a name stored before these rules is cleaned on download, with an ASCII fallback and an RFC 5987 filename*', async () => {
    const user = await createUser()
    const check = await validateUpload(new File([PDF], 'x.pdf'), rules)
    if (!check.ok) throw new Error(check.error)
    const stored = await storeUpload({ ...check.upload, fileName: "it's (draft)\u202Efdp.html" }, user.id)
    const disposition = (await storedFileResponse(stored.id)).headers.get('Content-Disposition')
    expect(disposition).toBe(`attachment; filename="it's (draft)fdp.pdf"; filename*=UTF-8''it%27s%20%28draft%29fdp.pdf`)
  })
})

describe('storage', () => {
  test('stores, records and serves a file as a download that the browser will not sniff', async () => {
    const user = await createUser()
    const check = await validateUpload(new File([PDF], '対策 手順.pdf'), rules)
    if (!check.ok) throw new Error(check.error)
    const stored = await storeUpload(check.upload, user.id)
    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: stored.id } })
    expect(row).toMatchObject({ fileName: '対策 手順.pdf', mimeType: 'application/pdf', size: PDF.byteLength, uploadedById: user.id })
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/)

    const response = await storedFileResponse(stored.id)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="__ __.pdf"; filename*=UTF-8''${encodeURIComponent('対策 手順.pdf')}`)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
  })

  test('an unknown file id is a 404', async () => {
    const result = await storedFileResponse('missing').catch((error: unknown) => error)
    expect((result as Response).status).toBe(404)
  })

  test('keys are generated by the store and cannot point outside it', async () => {
    const storage = new LocalDiskStorage(process.env.UPLOAD_DIR!)
    const key = await storage.put(PNG)
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/)
    expect((await storage.get(key)).size).toBe(PNG.byteLength)
    await storage.delete(key)
    await expect(storage.get(key)).rejects.toThrow()
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Invalid storage key')
  })
})
