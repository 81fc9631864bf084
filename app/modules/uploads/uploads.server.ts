import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { createReadableStreamFromReadable } from '@remix-run/node'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { log } from '#app/lib/log.server.ts'
import { pdfIdentifierProblem } from '#app/modules/deidentify/pdf-text.server.ts'
import { cleanFileName, contentDisposition, kindOfMimeType, uploadFileName } from './file-names.ts'
import { detectUploadKind, formatFileSize, UPLOAD_KINDS, type UploadKind } from './file-types.ts'
import type { SpooledFile } from './multipart.server.ts'
import { bytesAccess, checkOfficeDocument, hasZipSignature, type RandomAccess } from './office-documents.server.ts'
import { getFileStorage, StoredObjectMissing } from './storage.server.ts'
import type { StoredFileChanges } from './stored-file-changes.server.ts'

export { cleanFileName } from './file-names.ts'

export type UploadRules = { maxBytes: number; allowed: readonly UploadKind[] }

/** Where a checked upload's bytes are until they are stored: a spooled temporary file, or bytes in memory. */
type UploadSource = { path: string } | { bytes: Uint8Array }

export type ValidUpload = { fileName: string; kind: UploadKind; mimeType: string; size: number; sha256: string; source: UploadSource }

export type UploadCheck = { ok: true; upload: ValidUpload } | { ok: false; error: string }

type Candidate = { name: string; size: number; sha256: string; source: UploadSource }

async function candidateOf(file: File | SpooledFile): Promise<Candidate> {
  if ('path' in file) return { name: file.name, size: file.size, sha256: file.sha256, source: { path: file.path } }
  const bytes = new Uint8Array(await file.arrayBuffer())
  return { name: file.name, size: file.size, sha256: createHash('sha256').update(bytes).digest('hex'), source: { bytes } }
}

/** Reads parts of the upload by position: Office detection needs the ZIP's end, not the whole file. */
async function withRandomAccess<T>(source: UploadSource, size: number, run: (file: RandomAccess) => Promise<T>): Promise<T> {
  if ('bytes' in source) return run(bytesAccess(source.bytes))
  const handle = await open(source.path, 'r')
  try {
    return await run({
      size,
      read: async (position, length) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)))
        const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position)
        return buffer.subarray(0, bytesRead)
      },
    })
  } finally {
    await handle.close()
  }
}

/** The kind by content: a signature for PDF/PNG/JPEG; for a ZIP, what its Office package declares (or why not). */
async function detectFileKind(file: RandomAccess): Promise<UploadKind | 'macro' | null> {
  const head = await file.read(0, 16)
  const simple = detectUploadKind(head)
  if (simple) return simple
  if (!hasZipSignature(head)) return null
  const office = await checkOfficeDocument(file)
  if ('kind' in office) return office.kind
  return office.refused === 'macro' ? 'macro' : null
}

/**
 * Checks size and type by content; the message says what is allowed, in Japanese, naming the file. Takes a file
 * spooled by readUploadForm (read by position, never whole, except a PDF whose text is checked) or a File.
 */
export async function validateUpload(file: File | SpooledFile, rules: UploadRules): Promise<UploadCheck> {
  const candidate = await candidateOf(file)
  const fileName = cleanFileName(candidate.name)
  const allowedLabels = rules.allowed.map((kind) => UPLOAD_KINDS[kind].label).join('・')
  if (candidate.size === 0) return { ok: false, error: `「${fileName}」は空のファイルです。` }
  if (candidate.size > rules.maxBytes) {
    return { ok: false, error: `「${fileName}」は ${formatFileSize(candidate.size)} です。${formatFileSize(rules.maxBytes)} 以下のファイルを選んでください。` }
  }
  const kind = await withRandomAccess(candidate.source, candidate.size, detectFileKind)
  if (kind === 'macro') {
    return { ok: false, error: `「${fileName}」はマクロを含むOffice文書のため添付できません。マクロを含まない形式（docx・xlsx・pptx）で保存し直してください。` }
  }
  if (!kind || !rules.allowed.includes(kind)) {
    return { ok: false, error: `「${fileName}」は添付できない種類のファイルです（${allowedLabels} のみ）。` }
  }
  // A PDF's text passes the de-identification server check like any text members post (issue 14). pdf.js needs
  // the whole document; it is at most the field's cap (10 MB).
  if (kind === 'pdf') {
    const bytes = 'bytes' in candidate.source ? candidate.source.bytes : new Uint8Array(await readFile(candidate.source.path))
    const problem = await pdfIdentifierProblem(fileName, bytes)
    if (problem) return { ok: false, error: problem }
  }
  return {
    ok: true,
    upload: { fileName: uploadFileName(candidate.name, kind), kind, mimeType: UPLOAD_KINDS[kind].mimeType, size: candidate.size, sha256: candidate.sha256, source: candidate.source },
  }
}

/** Checks every file; the valid ones and one message per refused file, in the order they came. */
export async function validateUploads(files: ReadonlyArray<File | SpooledFile>, rules: UploadRules): Promise<{ uploads: ValidUpload[]; errors: string[] }> {
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
 * Copies the bytes to the file storage (streamed from the temporary file) and records them. Pass the
 * transaction's `changes`: if the transaction rolls back, the stored object is removed again (and if even that
 * fails, the orphan sweep removes it later); nothing is ever lost, since no committed row points at it.
 */
export async function storeUpload(
  upload: ValidUpload,
  uploadedById: string | null,
  db: Prisma.TransactionClient | typeof prisma = prisma,
  changes?: StoredFileChanges,
) {
  const source = 'bytes' in upload.source ? upload.source.bytes : { stream: createReadStream(upload.source.path), size: upload.size }
  const storageKey = await getFileStorage().put(source)
  changes?.stored(storageKey)
  return db.storedFile.create({
    data: { storageKey, fileName: upload.fileName, mimeType: upload.mimeType, size: upload.size, sha256: upload.sha256, uploadedById },
    select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true },
  })
}

/**
 * A download response for a stored file, streamed from the storage (never read whole). The caller must have
 * checked access first. Content-Disposition attachment (images inline) plus nosniff and a sandbox CSP mean the
 * browser never renders an upload as a page of ours.
 */
export async function storedFileResponse(fileId: string): Promise<Response> {
  const file = await prisma.storedFile.findUnique({ where: { id: fileId } })
  if (!file) throw new Response('ファイルが見つかりません。', { status: 404 })
  const stored = await getFileStorage()
    .get(file.storageKey)
    .catch((error: unknown) => {
      if (!(error instanceof StoredObjectMissing)) throw error
      // A row without its bytes: someone removed them outside the app, or a restore left the files out.
      log.error({ component: 'uploads', event: 'object-missing', fileId }, 'stored file has no object in the file storage')
      throw new Response('ファイルが見つかりません。管理者にお問い合わせください。', { status: 404 })
    })
  const inline = file.mimeType.startsWith('image/')
  const kind = kindOfMimeType(file.mimeType)
  const downloadName = kind ? uploadFileName(file.fileName, kind) : cleanFileName(file.fileName)
  return new Response(createReadableStreamFromReadable(stored.stream), {
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(stored.size),
      // Cleaned again on the way out: names stored before the rules of issue 13 (F12) may hold bidi characters.
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', downloadName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}
