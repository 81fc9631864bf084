import { createHash, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import { cleanFileName } from './file-names.ts'
import { formatFileSize } from './file-types.ts'
import type { UploadRules } from './uploads.server.ts'

/** A file part, written to a temporary file while it arrived; never held in memory whole. */
export type SpooledFile = { field: string; name: string; path: string; size: number; sha256: string }

export type FileFieldRules = UploadRules & { maxFiles: number }

export type UploadForm = {
  /** The text fields, as request.formData() would give them (file fields left out). */
  formData: FormData
  files: SpooledFile[]
  /** Files refused while reading (over the size cap, one too many), one Japanese message each, by field. */
  refused: Record<string, string[]>
  /** Whether a refusal was for size: the answer is then 413 (with the form and its other fields back). */
  tooLarge: boolean
}

/** Where files wait between the request and storage; the orphan sweep removes what a crashed process left. */
export const SPOOL_ROOT = path.join(os.tmpdir(), 'qso-upload-spool')

/** The longest text field accepted: the body cap of ordinary forms (a 20,000-character section as editor JSON fits). */
const MAX_FIELD_BYTES = 4 * 1024 * 1024

export class UploadBodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Upload body exceeds ${limit} bytes`)
  }
}

/**
 * Reads a form post as a stream (busboy), the way request.formData() would but without buffering: each file goes
 * to a temporary file as it arrives, and stops being written at its field's cap (the rest of that file is read and
 * dropped, so the other fields after it still come back and the member loses nothing typed). Files beyond a
 * field's count and files for fields not named in `files` are dropped the same way. More than `maxBytes` of body
 * in all stops the reading with UploadBodyTooLarge; the HTTP server (server/body-limits.ts) has already cut such a
 * request off at the same cap, this is the same rule for callers outside it.
 *
 * The caller must call `cleanup` (withUploadForm does) once the files are stored or refused.
 */
export async function readUploadForm(
  request: Request,
  options: { files: Record<string, FileFieldRules>; maxBytes: number },
): Promise<UploadForm & { cleanup: () => Promise<void> }> {
  const spool = path.join(SPOOL_ROOT, randomUUID())
  const cleanup = () => rm(spool, { recursive: true, force: true })
  const form: UploadForm = { formData: new FormData(), files: [], refused: {}, tooLarge: false }
  const refuse = (field: string, message: string) => (form.refused[field] = [...(form.refused[field] ?? []), message])
  const counts = new Map<string, number>()
  const writes: Promise<void>[] = []
  const arrived: Array<{ order: number; file: SpooledFile }> = []

  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      // Names are UTF-8 in every browser we serve; busboy's default (latin1) would garble Japanese file names.
      defParamCharset: 'utf8',
      // fileSize: one byte past the largest cap of any file field (busboy marks a file that reaches its limit as
      // truncated, so a file of exactly the cap must not reach it); each file is then checked against its own field's cap.
      limits: { fieldSize: MAX_FIELD_BYTES, fields: 2000, parts: 2100, fieldNameSize: 200, fileSize: Math.max(0, ...Object.values(options.files).map((rules) => rules.maxBytes)) + 1 },
    })
  } catch (error) {
    // No or an unknown Content-Type: unreadable input, answered 400 by the HTTP server (bad-input.server.ts).
    throw new TypeError(`Could not read the form: ${(error as Error).message} (multipart)`)
  }
  await mkdir(spool, { recursive: true, mode: 0o700 })

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) parser.emit('error', new TypeError(`Form field ${name} exceeds ${MAX_FIELD_BYTES} bytes (multipart)`))
    else form.formData.append(name, value)
  })

  parser.on('file', (field, stream, info) => {
    // When the body breaks off (cut at the cap, client gone), busboy errors every open file stream; the failure is
    // handled once, through the parser, so a dropped file's stream must not crash the process with it.
    stream.on('error', () => {})
    const rules = options.files[field]
    // An <input type=file> with nothing chosen still sends an empty part without a name: not a file.
    if (!rules || !info.filename) {
      stream.resume()
      return
    }
    const count = (counts.get(field) ?? 0) + 1
    counts.set(field, count)
    const rawName = info.filename
    const name = cleanFileName(rawName)
    if (count > rules.maxFiles) {
      if (count === rules.maxFiles + 1) refuse(field, `添付ファイルは${rules.maxFiles}個までです。`)
      stream.resume()
      return
    }
    const order = writes.length
    writes.push(spoolFile(stream, path.join(spool, String(order)), rules.maxBytes).then((spooled) => {
      if (spooled === 'too-large') {
        form.tooLarge = true
        refuse(field, `「${name}」は ${formatFileSize(rules.maxBytes)} を超えています。${formatFileSize(rules.maxBytes)} 以下のファイルを選んでください。`)
      } else arrived.push({ order, file: { field, name: rawName, ...spooled } })
    }))
  })

  try {
    const finished = new Promise<void>((resolve, reject) => {
      parser.once('close', resolve)
      parser.once('error', reject)
    })
    // Unhandled until awaited below: a parse error while still writing must not crash the process.
    finished.catch(() => {})
    let received = 0
    if (request.body) {
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
        received += chunk.byteLength
        if (received > options.maxBytes) throw new UploadBodyTooLarge(options.maxBytes)
        if (!parser.write(chunk)) await Promise.race([once(parser, 'drain'), finished])
      }
    }
    parser.end()
    await finished
    await Promise.all(writes)
    form.files = arrived.sort((a, b) => a.order - b.order).map((item) => item.file)
    return { ...form, cleanup }
  } catch (error) {
    parser.destroy()
    await Promise.allSettled(writes)
    await cleanup()
    if (error instanceof UploadBodyTooLarge || (error instanceof Error && error.name === 'BodyTooLargeError')) throw error
    throw error instanceof TypeError ? error : new TypeError(`Could not read the form: ${(error as Error).message} (multipart)`)
  }
}

/** Writes one file part to `target` with its SHA-256, or says it passed `maxBytes` (and leaves no file). */
async function spoolFile(stream: Readable, target: string, maxBytes: number): Promise<{ path: string; size: number; sha256: string } | 'too-large'> {
  const hash = createHash('sha256')
  let size = 0
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength
      hash.update(chunk)
      done(null, chunk)
    },
  })
  // busboy stops passing bytes at its fileSize limit and reads (and drops) the rest of the part itself.
  await pipeline(stream, measure, createWriteStream(target, { flags: 'wx', mode: 0o600 }))
  if (size > maxBytes) {
    await rm(target, { force: true })
    return 'too-large'
  }
  return { path: target, size, sha256: hash.digest('hex') }
}

/**
 * Reads the upload form, runs `work` with it, and always removes the temporary files afterwards (also when `work`
 * throws a redirect or an error). Files `work` stored have been copied to the file storage by then.
 */
export async function withUploadForm<T>(request: Request, options: { files: Record<string, FileFieldRules>; maxBytes: number }, work: (form: UploadForm) => Promise<T>): Promise<T> {
  const { cleanup, ...form } = await readUploadForm(request, options)
  try {
    return await work(form)
  } finally {
    await cleanup()
  }
}
