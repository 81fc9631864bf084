import { UPLOAD_KINDS, type UploadKind } from './file-types.ts'

// Characters a file name must not carry: C0/C1 controls (incl. NUL), DEL, the bidi embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069) and marks (U+200E/F, U+061C) that make "invoice\u202Efdp.exe" display as
// "invoiceexe.pdf", zero-width characters and the BOM, path separators, and the characters Windows refuses.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff/\\"<>|*?:]/g

/** The readable part of an uploaded name, for messages and as the stem of the stored name. */
export function cleanFileName(name: string): string {
  // A browser may send a full path ("C:\\Users\\a\\手順書.pdf"): keep the last segment.
  const cleaned = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(UNSAFE_NAME_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200)
  return cleaned || 'file'
}

const EXTENSIONS: Record<UploadKind, readonly string[]> = { pdf: ['pdf'], png: ['png'], jpeg: ['jpg', 'jpeg'], docx: ['docx'], xlsx: ['xlsx'], pptx: ['pptx'] }

/**
 * The name a stored file is downloaded under: the cleaned name whose extension is the one of the type detected
 * from its bytes. "page.html" holding a PDF becomes "page.pdf", so no upload is ever saved as .html.
 */
export function uploadFileName(name: string, kind: UploadKind): string {
  const cleaned = cleanFileName(name)
  const dot = cleaned.lastIndexOf('.')
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : ''
  if (EXTENSIONS[kind].includes(extension)) return `${cleaned.slice(0, dot)}.${extension}`
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/[\s.]+$/, '') || 'file'
  return `${stem.slice(0, 190)}.${UPLOAD_KINDS[kind].extension}`
}

export function kindOfMimeType(mimeType: string): UploadKind | null {
  const found = (Object.keys(UPLOAD_KINDS) as UploadKind[]).find((kind) => UPLOAD_KINDS[kind].mimeType === mimeType)
  return found ?? null
}

/**
 * A Content-Disposition value: an ASCII-only `filename` for old clients and the exact name as RFC 5987/6266
 * `filename*` (UTF-8, percent-encoded; encodeURIComponent leaves ' ( ) * ! which RFC 5987's attr-char excludes).
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
