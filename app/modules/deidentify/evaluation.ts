// How well a de-identification check does on a labelled set of sentences, per category (issue 14): recall with
// any finding, recall at block, and false positives (clean sentences with a finding) at block and at any severity.
//
// When a finding counts as the expected identifier: the types are the same and the spans overlap substantially,
// that is the overlap covers at least half of the expected span AND at least half of the finding. Both halves
// matter: 「山田太郎」 for the expected 「山田太郎様」 is a hit (the honorific is harmless), 「Hoshino」 for
// 「Mr. Hoshino」 too, but a finding that swallows the whole sentence, or one that catches only 「5月」 of
// 「2024年5月3日（金）」, is not. An expected identifier is matched at most once.

export type LabelledIdentifier = { type: string; text: string; severity: 'block' | 'warn' }
export type LabelledSentence = { category: string; text: string; identifiers: LabelledIdentifier[] }
export type CheckedFinding = { type: string; start: number; end: number; severity: 'block' | 'warn' }

export type Figures = {
  category: string
  identifiers: number
  foundAny: number
  /** Identifiers that should block. */
  shouldBlock: number
  foundBlocking: number
  cleanSentences: number
  cleanWithBlock: number
  cleanWithAny: number
}

export type Miss = { category: string; text: string; expected: string; got: string[] }

export const ratio = (part: number, whole: number) => (whole === 0 ? Number.NaN : part / whole)

export function spansMatch(expected: { start: number; end: number }, found: { start: number; end: number }): boolean {
  const overlap = Math.min(expected.end, found.end) - Math.max(expected.start, found.start)
  return overlap > 0 && overlap * 2 >= expected.end - expected.start && overlap * 2 >= found.end - found.start
}

/** Per category, and a last row `全体` over everything. */
export function evaluateSentences(
  sentences: readonly LabelledSentence[],
  findingsOf: readonly (readonly CheckedFinding[])[],
): { figures: Figures[]; misses: Miss[]; falseBlocks: Miss[] } {
  const byCategory = new Map<string, Figures>()
  const misses: Miss[] = []
  const falseBlocks: Miss[] = []
  const row = (category: string) => {
    let figures = byCategory.get(category)
    if (!figures) {
      figures = { category, identifiers: 0, foundAny: 0, shouldBlock: 0, foundBlocking: 0, cleanSentences: 0, cleanWithBlock: 0, cleanWithAny: 0 }
      byCategory.set(category, figures)
    }
    return figures
  }
  sentences.forEach((sentence, index) => {
    const findings = findingsOf[index] ?? []
    const figures = row(sentence.category)
    const describe = (list: readonly CheckedFinding[]) => list.map((f) => `${f.type}:${f.severity}:${sentence.text.slice(f.start, f.end)}`)
    if (!sentence.identifiers.length) {
      figures.cleanSentences++
      if (findings.length) figures.cleanWithAny++
      if (findings.some((f) => f.severity === 'block')) {
        figures.cleanWithBlock++
        falseBlocks.push({ category: sentence.category, text: sentence.text, expected: '(none)', got: describe(findings) })
      }
      return
    }
    const unused = [...findings]
    let searchFrom = 0
    for (const expected of sentence.identifiers) {
      const at = sentence.text.indexOf(expected.text, searchFrom)
      const start = at === -1 ? sentence.text.indexOf(expected.text) : at
      searchFrom = start + expected.text.length
      const span = { start, end: start + expected.text.length }
      figures.identifiers++
      if (expected.severity === 'block') figures.shouldBlock++
      const index = unused.findIndex((f) => f.type === expected.type && spansMatch(span, f))
      const found = unused[index]
      if (!found) {
        misses.push({ category: sentence.category, text: sentence.text, expected: `${expected.type}:${expected.severity}:${expected.text}`, got: describe(findings) })
        continue
      }
      unused.splice(index, 1)
      figures.foundAny++
      if (expected.severity === 'block' && found.severity === 'block') figures.foundBlocking++
      else if (expected.severity === 'block') {
        misses.push({ category: sentence.category, text: sentence.text, expected: `${expected.type}:block:${expected.text}`, got: describe(findings) })
      }
    }
  })
  const figures = [...byCategory.values()]
  const total: Figures = { category: '全体', identifiers: 0, foundAny: 0, shouldBlock: 0, foundBlocking: 0, cleanSentences: 0, cleanWithBlock: 0, cleanWithAny: 0 }
  for (const item of figures) {
    for (const key of ['identifiers', 'foundAny', 'shouldBlock', 'foundBlocking', 'cleanSentences', 'cleanWithBlock', 'cleanWithAny'] as const) total[key] += item[key]
  }
  return { figures: [...figures, total], misses, falseBlocks }
}

const percent = (value: number) => (Number.isNaN(value) ? '     -' : `${(value * 100).toFixed(1).padStart(5)}%`)

/** A fixed-width table for the test output and the decision record. */
export function formatFigures(title: string, figures: readonly Figures[]): string {
  const lines = [
    title,
    `${'category'.padEnd(26)} ${'n'.padStart(4)} ${'recall'.padStart(7)} ${'@block'.padStart(7)} ${'clean'.padStart(5)} ${'FP@blk'.padStart(7)} ${'FP@any'.padStart(7)}`,
  ]
  for (const item of figures) {
    lines.push(
      `${item.category.padEnd(26)} ${String(item.identifiers || item.cleanSentences).padStart(4)} ` +
        `${percent(ratio(item.foundAny, item.identifiers)).padStart(7)} ${percent(ratio(item.foundBlocking, item.shouldBlock)).padStart(7)} ` +
        `${String(item.cleanSentences).padStart(5)} ${percent(ratio(item.cleanWithBlock, item.cleanSentences)).padStart(7)} ${percent(ratio(item.cleanWithAny, item.cleanSentences)).padStart(7)}`,
    )
  }
  return lines.join('\n')
}
