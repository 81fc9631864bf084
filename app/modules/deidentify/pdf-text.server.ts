// PDF attachments (practices, consultations) are checked like text before they are stored: the text layer of
// every page is extracted with pdf.js (pdfjs-dist, legacy build for Node; Mozilla's maintained parser) and put
// through the server check. A PDF with a `block` finding is refused, naming the page and the text. Scanned
// pages without a text layer, like images, cannot be checked (the upload field says so).
import { createRequire } from 'node:module'
import path from 'node:path'
import { FINDING_TYPE_LABELS } from './detect.ts'
import { checkTexts } from './server-check.server.ts'

/** Pages beyond this are not read (an attachment is a poster or a protocol, not a book). */
const MAX_PAGES = 200

function assetDirectory(name: 'cmaps' | 'standard_fonts'): string {
  const require = createRequire(import.meta.url)
  return `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), name)}/`
}

/** The text of each page, in order; null when the file cannot be read as a PDF at all. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[] | null> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy so the upload's bytes stay intact.
    data: bytes.slice(),
    cMapUrl: assetDirectory('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDirectory('standard_fonts'),
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  })
  try {
    const document = await task.promise
    const pages: string[] = []
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''))
      page.cleanup()
    }
    return pages
  } catch {
    return null
  } finally {
    await task.destroy()
  }
}

const quote = (text: string) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('')
}

/**
 * Why this PDF may not be attached, in Japanese, or null when its text holds no `block` finding:
 * 「報告書.pdf」の2ページ目に「山田太郎様」（氏名）があります。…
 */
export async function pdfIdentifierProblem(fileName: string, bytes: Uint8Array): Promise<string | null> {
  const pages = await pdfPageTexts(bytes)
  // A file pdf.js cannot parse has no text it could show either (viewers use the same tolerant parser); like a
  // scanned page it is attached unchecked, and the upload field says that only the text layer is checked.
  if (!pages) return null
  const findings = await checkTexts(pages)
  const found: string[] = []
  findings.forEach((list, index) => {
    for (const finding of list) {
      if (finding.severity === 'block') found.push(`${index + 1}ページ目の「${quote(finding.text)}」（${FINDING_TYPE_LABELS[finding.type]}）`)
    }
  })
  if (!found.length) return null
  const shown = found.slice(0, 5).join('、') + (found.length > 5 ? ` ほか${found.length - 5}件` : '')
  return `「${fileName}」には個人や施設を特定できる情報があるため添付できません：${shown}。伏せたPDFを添付してください。`
}
