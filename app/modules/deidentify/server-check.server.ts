// THE de-identification gate: the rule engine (detect.ts, which also runs in the browser for instant hints) plus
// the morphological analyser (analyser.server.ts, analyser-rules.ts). Publishing cases, practices and comments,
// the JSONL case import, event summaries, consultation messages, the admin re-scan and POST /api/deidentify all
// ask this module. The work runs in a worker thread (check-pool.server.ts), so a very long text never holds up
// other requests.
import type { Analyser } from './analyser.server.ts'
import { analyserFindings, combineFindings } from './analyser-rules.ts'
import { runInPool } from './check-pool.server.ts'
import { findIdentifiers, type Finding } from './detect.ts'
import type { BlockingFinding, TextField } from './publish-guard.ts'

/**
 * The analyser works on pieces of text: sentences gathered up to about PIECE characters. kuromoji's cost grows
 * much faster than linearly with a run that has no break in it (2,000 × "a" took 2 s), so a run longer than
 * MAX_RUN characters without punctuation or space is cut too; a name is never that long.
 */
const PIECE = 2_000
const MAX_RUN = 64
const SENTENCE_END = /[。．！？!?\n]/u
const BREAK = /[。．！？!?\n、，,・\s]/u
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

function* pieces(text: string): Generator<[number, string]> {
  let start = 0
  let lastBreak = -1
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? ''
    if (BREAK.test(char)) {
      lastBreak = i
      if (SENTENCE_END.test(char) && i + 1 - start >= PIECE / 2) {
        yield [start, text.slice(start, i + 1)]
        start = i + 1
      }
    } else if (i - Math.max(lastBreak, start - 1) > MAX_RUN || i - start >= PIECE) {
      yield [start, text.slice(start, i)]
      start = i
      lastBreak = i - 1
    }
  }
  if (start < text.length) yield [start, text.slice(start)]
}

/** The check itself, on this thread with an analyser already loaded: the worker and `npm run bench` call it. */
export function checkTextWith(analyser: Analyser, text: string): Finding[] {
  if (!text) return []
  const fromAnalyser: Finding[] = []
  for (const [offset, piece] of pieces(text)) {
    // Names the analyser can find are written in Japanese script; other pieces are left to the rule engine.
    if (!JAPANESE.test(piece)) continue
    for (const finding of analyserFindings(piece, analyser.tokenize(piece))) {
      fromAnalyser.push({ ...finding, start: finding.start + offset, end: finding.end + offset })
    }
  }
  return combineFindings(text.length, findIdentifiers(text), fromAnalyser)
}

/** The findings in each text, in order. Empty texts are answered without asking a worker. */
export async function checkTexts(texts: readonly string[]): Promise<Finding[][]> {
  const asked = texts.map((text, index) => [index, text] as const).filter(([, text]) => text.trim().length > 0)
  const results: Finding[][] = texts.map(() => [])
  if (!asked.length) return results
  const answers = await runInPool(asked.map(([, text]) => text))
  asked.forEach(([index], position) => {
    results[index] = answers[position] ?? []
  })
  return results
}

export async function checkText(text: string): Promise<Finding[]> {
  return (await checkTexts([text]))[0] ?? []
}

/** Every `block` finding in every field: what keeps content from being published (see publish-guard.ts). */
export async function serverBlockingFindings(fields: readonly TextField[]): Promise<BlockingFinding[]> {
  const findings = await checkTexts(fields.map((field) => field.text))
  return fields.flatMap(({ field, label }, index) =>
    (findings[index] ?? []).filter((finding) => finding.severity === 'block').map((finding) => ({ field, label, finding })),
  )
}
