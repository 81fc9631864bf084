/**
 * File types members may upload, recognised by their first bytes: a browser's MIME type and the file name's
 * extension are whatever the sender says, so a renamed executable must not pass as a PDF.
 */
export type UploadKind = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx' | 'pptx'

export const UPLOAD_KINDS: Record<UploadKind, { mimeType: string; extension: string; label: string }> = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  png: { mimeType: 'image/png', extension: 'png', label: 'PNG' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  // Office Open XML (ECMA-376); recognised by their package contents, not by these first bytes (office-documents.server.ts).
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', label: 'Excel' },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', label: 'PowerPoint' },
}

/** The file picker's accept list for a set of kinds (a hint for the browser; the server checks the bytes). */
export function acceptAttribute(kinds: readonly UploadKind[]): string {
  return kinds.flatMap((kind) => [UPLOAD_KINDS[kind].mimeType, `.${UPLOAD_KINDS[kind].extension}`]).join(',')
}

const SIGNATURES: Array<{ kind: UploadKind; bytes: readonly number[] }> = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
]

/** PDF, PNG or JPEG from the first bytes; Office documents need their package read (detectFileKind). */
export function detectUploadKind(head: Uint8Array): UploadKind | null {
  for (const { kind, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte)) return kind
  }
  return null
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
