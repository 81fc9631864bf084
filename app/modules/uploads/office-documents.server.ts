import { inflateRawSync } from 'node:zlib'

/**
 * Office Open XML documents (docx, xlsx, pptx) recognised by their content (issue 17). They are ZIP files, so the
 * ZIP signature alone says nothing: a renamed .zip, a macro-enabled .docm/.xlsm/.pptm (which Office opens from a
 * .docx name too) and a template all start with "PK". What decides is the package's own declaration, its
 * [Content_Types].xml (ECMA-376 Part 2, Open Packaging Conventions §10.1.2): the main part's content type, and
 * that part must really be in the archive. Macros are refused outright: a vbaProject part anywhere, or a
 * macro-enabled main content type (MS-OFFMACRO2 / [MS-OI29500] "macroEnabled" types).
 *
 * Only the central directory and one small entry are read, by position, so a 10 MB file is never held whole.
 */
export type OfficeKind = 'docx' | 'xlsx' | 'pptx'

export type OfficeCheck = { kind: OfficeKind } | { refused: 'macro' | 'not-office' }

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type RandomAccess = { size: number; read(position: number, length: number): Promise<Uint8Array> }

// ECMA-376 Part 1, §11.3.10 (WordprocessingML), §12.3.23 (SpreadsheetML), §13.3.6 (PresentationML).
const MAIN_CONTENT_TYPES: Record<string, OfficeKind> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
}

const ZIP_LOCAL_HEADER = 0x04034b50
const ZIP_CENTRAL_HEADER = 0x02014b50
const ZIP_END_OF_CENTRAL_DIRECTORY = 0x06054b50
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024

export function hasZipSignature(head: Uint8Array): boolean {
  return head.length >= 4 && new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0, true) === ZIP_LOCAL_HEADER
}

type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; localHeaderOffset: number }

/** The archive's entries from its central directory, or null when it is not a plain (non-ZIP64) ZIP file. */
async function readCentralDirectory(file: RandomAccess): Promise<ZipEntry[] | null> {
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  const tailLength = Math.min(file.size, 22 + 0xffff)
  const tail = await file.read(file.size - tailLength, tailLength)
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
  let end = -1
  for (let at = tail.byteLength - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) === ZIP_END_OF_CENTRAL_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const entryCount = view.getUint16(end + 10, true)
  const directorySize = view.getUint32(end + 12, true)
  const directoryOffset = view.getUint32(end + 16, true)
  // 0xFFFFFFFF / 0xFFFF mean ZIP64, which no Office document under the upload cap needs.
  if (directoryOffset === 0xffffffff || entryCount === 0xffff || directorySize > MAX_CENTRAL_DIRECTORY_BYTES) return null
  if (directoryOffset + directorySize > file.size) return null
  const directory = await file.read(directoryOffset, directorySize)
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength)
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const entries: ZipEntry[] = []
  let at = 0
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > directory.byteLength || dir.getUint32(at, true) !== ZIP_CENTRAL_HEADER) return null
    const nameLength = dir.getUint16(at + 28, true)
    const extraLength = dir.getUint16(at + 30, true)
    const commentLength = dir.getUint16(at + 32, true)
    if (at + 46 + nameLength > directory.byteLength) return null
    entries.push({
      flags: dir.getUint16(at + 8, true),
      method: dir.getUint16(at + 10, true),
      compressedSize: dir.getUint32(at + 20, true),
      localHeaderOffset: dir.getUint32(at + 42, true),
      name: decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** One entry's bytes (stored or deflated), or null when it cannot be read safely (encrypted, too large, other method). */
async function readEntry(file: RandomAccess, entry: ZipEntry, maxBytes: number): Promise<Uint8Array | null> {
  if (entry.flags & 0x1) return null
  const header = await file.read(entry.localHeaderOffset, 30)
  if (header.byteLength < 30) return null
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength)
  if (view.getUint32(0, true) !== ZIP_LOCAL_HEADER) return null
  const dataStart = entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true)
  if (entry.compressedSize > maxBytes || dataStart + entry.compressedSize > file.size) return null
  const data = await file.read(dataStart, entry.compressedSize)
  if (entry.method === 0) return data
  if (entry.method !== 8) return null
  try {
    // maxOutputLength: a small entry that inflates to gigabytes (a ZIP bomb) fails here instead of filling memory.
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }))
  } catch {
    return null
  }
}

function attribute(element: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(element)
  return match ? (match[2] ?? match[3] ?? '') : null
}

/** A part name (/word/document.xml, percent-encoded per OPC) as the ZIP entry name it is stored under. */
function partNameToEntry(part: string): string {
  try {
    return decodeURIComponent(part.replace(/^\//, ''))
  } catch {
    return part
  }
}

/** What an Office Open XML package declares itself to be, checked against what it contains. */
export async function checkOfficeDocument(file: RandomAccess): Promise<OfficeCheck> {
  const entries = await readCentralDirectory(file)
  if (!entries) return { refused: 'not-office' }
  const names = new Set(entries.map((entry) => entry.name))
  // A VBA project anywhere makes it a macro document, whatever [Content_Types].xml claims.
  if (entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name))) return { refused: 'macro' }
  const contentTypesEntry = entries.find((entry) => entry.name === '[Content_Types].xml')
  if (!contentTypesEntry) return { refused: 'not-office' }
  const bytes = await readEntry(file, contentTypesEntry, MAX_CONTENT_TYPES_BYTES)
  if (!bytes) return { refused: 'not-office' }
  const xml = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  const declarations = [...xml.matchAll(/<(?:\w+:)?(Override|Default)\b[^>]*>/g)].map((match) => ({
    part: attribute(match[0], 'PartName'),
    contentType: (attribute(match[0], 'ContentType') ?? '').trim().toLowerCase(),
  }))
  if (declarations.some((item) => /macroenabled|vbaproject|vbadata/.test(item.contentType))) return { refused: 'macro' }
  const mains = declarations.flatMap((item) => {
    const kind = MAIN_CONTENT_TYPES[item.contentType]
    return kind && item.part ? [{ kind, part: partNameToEntry(item.part) }] : []
  })
  // Exactly one main part, and it must exist: a [Content_Types].xml copied into some other ZIP does not make a document.
  const [main] = mains
  if (mains.length !== 1 || !main || !names.has(main.part)) return { refused: 'not-office' }
  return { kind: main.kind }
}

/** Random access over bytes already in memory (a File from a test or an older caller). */
export function bytesAccess(bytes: Uint8Array): RandomAccess {
  return { size: bytes.byteLength, read: async (position, length) => bytes.subarray(Math.max(0, position), Math.max(0, position) + length) }
}
