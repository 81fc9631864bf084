// The server-side gate before publishing: every `block` finding in every text field, and the sentences that say
// where each one is. Pure, so routes, the bulk import and the admin re-scan all ask the same question.
import { FINDING_TYPE_LABELS, findIdentifiers, type Finding } from './detect.ts'

export type TextField = { field: string; label: string; text: string }

export type BlockingFinding = { field: string; label: string; finding: Finding }

export function blockingFindings(fields: TextField[]): BlockingFinding[] {
  return fields.flatMap(({ field, label, text }) =>
    findIdentifiers(text)
      .filter((finding) => finding.severity === 'block')
      .map((finding) => ({ field, label, finding })),
  )
}

/** Long findings (an address) are shortened so the error summary stays readable. */
const MAX_QUOTE = 30

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE).join('')}…` : chars.join('')
}

/** One Japanese sentence per finding: 「要因分析」の「山田様」（氏名）を伏せてください */
export function describeBlocking(list: BlockingFinding[]): string[] {
  return list.map(
    ({ label, finding }) => `「${label}」の「${quote(finding.text)}」（${FINDING_TYPE_LABELS[finding.type]}）を伏せてください`,
  )
}
