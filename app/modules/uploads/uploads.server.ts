import { createHash } from 'node:crypto'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { pdfIdentifierProblem } from '#app/modules/deidentify/pdf-text.server.ts'
import { cleanFileName, contentDisposition, kindOfMimeType, uploadFileName } from './file-names.ts'
import { detectUploadKind, formatFileSize, UPLOAD_KINDS, type UploadKind } from './file-types.ts'
import { getFileStorage } from './storage.server.ts'

export { cleanFileName } from './file-names.ts'

export type UploadRules = { maxBytes: number; allowed: readonly UploadKind[] }

export type ValidUpload = { fileName: string; kind: UploadKind; mimeType: string; bytes: Uint8Array }

export type UploadCheck = { ok: true; upload: ValidUpload } | { ok: false; error: string }

/** Checks size and type by content; the message says what is allowed, in Japanese, naming the file. */
export async function validateUpload(file: File, rules: UploadRules): Promise<UploadCheck> {
  const fileName = cleanFileName(file.name)
  const allowedLabels = rules.allowed.map((kind) => UPLOAD_KINDS[kind].label).join('・')
  if (file.size === 0) return { ok: false, error: `「${fileName}」は空のファイルです。` }
  if (file.size > rules.maxBytes) {
    return { ok: false, error: `「${fileName}」は ${formatFileSize(file.size)} です。${formatFileSize(rules.maxBytes)} 以下のファイルを選んでください。` }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const kind = detectUploadKind(bytes.subarray(0, 16))
  if (!kind || !rules.allowed.includes(kind)) {
    return { ok: false, error: `「${fileName}」は添付できない種類のファイルです（${allowedLabels} のみ）。` }
  }
  // A PDF's text passes the de-identification server check like any text members post (issue 14).
  if (kind === 'pdf') {
    const problem = await pdfIdentifierProblem(fileName, bytes)
    if (problem) return { ok: false, error: problem }
  }
  return { ok: true, upload: { fileName: uploadFileName(file.name, kind), kind, mimeType: UPLOAD_KINDS[kind].mimeType, bytes } }
}

/** Checks every file; the valid ones and one message per refused file, in the order they came. */
export async function validateUploads(files: readonly File[], rules: UploadRules): Promise<{ uploads: ValidUpload[]; errors: string[] }> {
  const uploads: ValidUpload[] = []
  const errors: string[] = []
  for (const file of files) {
    const check = await validateUpload(file, rules)
    if (check.ok) uploads.push(check.upload)
    else errors.push(check.error)
  }
  return { uploads, errors }
}

/**
 * Stores the bytes and records them. If the surrounding transaction rolls back, the bytes stay on disk as an
 * orphan; that costs disk space, never data, and keeps the database the single source of truth for access.
 */
export async function storeUpload(upload: ValidUpload, uploadedById: string | null, db: Prisma.TransactionClient | typeof prisma = prisma) {
  const storageKey = await getFileStorage().put(upload.bytes)
  return db.storedFile.create({
    data: {
      storageKey,
      fileName: upload.fileName,
      mimeType: upload.mimeType,
      size: upload.bytes.byteLength,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      uploadedById,
    },
    select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
  })
}

/**
 * A download response for a stored file. The caller must have checked access first. Content-Disposition
 * attachment plus nosniff means the browser never renders an upload as a page of ours.
 */
export async function storedFileResponse(fileId: string): Promise<Response> {
  const file = await prisma.storedFile.findUnique({ where: { id: fileId } })
  if (!file) throw new Response('Not found', { status: 404 })
  const bytes = await getFileStorage().get(file.storageKey)
  const inline = file.mimeType !== 'application/pdf' && file.mimeType.startsWith('image/')
  const kind = kindOfMimeType(file.mimeType)
  const downloadName = kind ? uploadFileName(file.fileName, kind) : cleanFileName(file.fileName)
  return new Response(bytes, {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(bytes.byteLength),
      // Cleaned again on the way out: names stored before the rules of issue 13 (F12) may hold bidi characters.
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', downloadName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}
