// The evaluation issue 14 asks for: the server check (the publishing gate) on the regression table and on the
// held-out set, separately and per category. The held-out set (heldout.cases.ts) was written apart from the
// rules and is never tuned against; a miss seen there becomes a new row of the regression table instead. Its
// misses are deliberately not printed. The rule engine alone (what the browser runs for instant hints) is printed
// beside it for comparison.
import { afterAll, describe, expect, test } from 'vitest'
import { stopCheckPool } from './check-pool.server.ts'
import { EVALUATION_CASES } from './detect.cases.ts'
import { findIdentifiers } from './detect.ts'
import { evaluateSentences, formatFigures, ratio, type LabelledSentence } from './evaluation.ts'
import { HELD_OUT } from './heldout.cases.ts'
import { checkTexts } from './server-check.server.ts'

/** Issue 14: the held-out figures the gate must reach. Not reached yet (issue 14 stays open): printed as the target. */
const TARGET = { recallAny: 0.95, recallBlock: 0.9, falseBlocks: 0.02 }
/**
 * What the gate measured on the held-out set (2026-12-02 at merge: 87.7 % / 88.0 % / 0.5 %; after the address,
 * birth-date and care-home rules: 90.2 % / 90.6 % / 0.5 %; after the ward-abbreviation rules: 90.7 % / 91.1 % /
 * 0.5 %; after the katakana and hiragana full-name rules: 91.7 % / 92.2 % / 0.5 %; after more room forms: 92.6 % /
 * 92.2 % / 0.5 %; after longer staff titles: 93.1 % / 92.7 % / 0.5 %; after more birth-date, address, facility
 * and staff-abbreviation forms: 94.1 % / 93.8 % / 0.5 %), less about half a percentage
 * point: a ratchet, so a rule change that loses ground on text nobody tuned for fails here. Raise it as the rules
 * improve; replace it with TARGET once the target is met.
 */
const FLOOR = { recallAny: 0.936, recallBlock: 0.933, falseBlocks: 0.02 }

const regression: LabelledSentence[] = EVALUATION_CASES.map((row) => ({
  category: row.expected[0]?.type ?? 'clean',
  text: row.text,
  // A row without a severity accepts either, so it counts for recall but not for recall at block.
  identifiers: row.expected.map((expected) => ({ type: expected.type, text: expected.text, severity: expected.severity ?? 'warn' })),
}))
const heldOut: LabelledSentence[] = HELD_OUT.map((row) => ({ category: row.category, text: row.text, identifiers: row.identifier ? [row.identifier] : [] }))

afterAll(() => stopCheckPool())

describe('de-identification evaluation (server check)', () => {
  test('figures on the regression table and on the held-out set, per category', { timeout: 300_000 }, async () => {
    const [regressionFindings, heldOutFindings] = await Promise.all([checkTexts(regression.map((row) => row.text)), checkTexts(heldOut.map((row) => row.text))])
    const onTable = evaluateSentences(regression, regressionFindings)
    const onHeldOut = evaluateSentences(heldOut, heldOutFindings)
    const rulesOnHeldOut = evaluateSentences(heldOut, heldOut.map((row) => findIdentifiers(row.text)))
    console.log(formatFigures(`\nRegression table (detect.cases.ts, ${regression.length} sentences), server check`, onTable.figures))
    console.log(`regression misses:\n${onTable.misses.map((miss) => `  ${miss.expected} in ${miss.text} → ${miss.got.join(', ')}`).join('\n')}`)
    console.log(`regression false blocks:\n${onTable.falseBlocks.map((miss) => `  ${miss.text} → ${miss.got.join(', ')}`).join('\n')}`)
    console.log(formatFigures(`\nHeld-out set (heldout.cases.ts, ${heldOut.length} sentences), server check`, onHeldOut.figures))
    console.log(formatFigures(`\nHeld-out set, rule engine alone (the browser's instant hints)`, rulesOnHeldOut.figures))

    const total = onHeldOut.figures.at(-1)
    if (!total) throw new Error('no figures')
    const measured = {
      recallAny: ratio(total.foundAny, total.identifiers),
      recallBlock: ratio(total.foundBlocking, total.shouldBlock),
      falseBlocks: ratio(total.cleanWithBlock, total.cleanSentences),
    }
    const percent = (value: number) => `${(value * 100).toFixed(1)} %`
    console.log(
      `\nHeld-out against issue 14's target: recall ${percent(measured.recallAny)} (target ${percent(TARGET.recallAny)}), ` +
        `recall at block ${percent(measured.recallBlock)} (target ${percent(TARGET.recallBlock)}), ` +
        `false blocks ${percent(measured.falseBlocks)} (at most ${percent(TARGET.falseBlocks)})` +
        (measured.recallAny >= TARGET.recallAny && measured.recallBlock >= TARGET.recallBlock && measured.falseBlocks <= TARGET.falseBlocks ? ' — met' : ' — NOT MET YET'),
    )
    expect({
      recallAny: measured.recallAny >= FLOOR.recallAny,
      recallBlock: measured.recallBlock >= FLOOR.recallBlock,
      falseBlocks: measured.falseBlocks <= FLOOR.falseBlocks,
    }).toEqual({ recallAny: true, recallBlock: true, falseBlocks: true })
  })
})
