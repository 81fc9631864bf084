import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { stopCheckPool } from './check-pool.server.ts'
import { EVALUATION_CASES, NEGATIVE_CASES, POSITIVE_CASES, type EvaluationCase, type ExpectedFinding } from './detect.cases.ts'
import { FINDING_TYPE_LABELS, findIdentifiers, type Finding } from './detect.ts'
import { checkTexts } from './server-check.server.ts'

// The regression table is asserted against the server check (rule engine + analyser): the gate for publishing.
// The unit tests further down pin the rule engine alone, which the browser runs for instant hints.
const serverFindings = new Map<string, Finding[]>()
beforeAll(async () => {
  const texts = EVALUATION_CASES.map((row) => row.text)
  const findings = await checkTexts(texts)
  texts.forEach((text, index) => serverFindings.set(text, findings[index] ?? []))
}, 300_000)
afterAll(() => stopCheckPool())
const checked = (text: string) => {
  const findings = serverFindings.get(text)
  if (!findings) throw new Error(`not checked: ${text}`)
  return findings
}

const RECALL_FLOOR = 0.95
const FALSE_POSITIVE_CEILING = 0.05

const describeFinding = (f: Pick<Finding, 'type' | 'text' | 'severity'>) => `${f.type}:${f.severity}:${f.text}`

/** Which expected identifiers were found (same type, same text; severity too when the row gives one). */
function evaluate(row: EvaluationCase) {
  const findings = checked(row.text)
  const unused = [...findings]
  const missed: ExpectedFinding[] = []
  for (const expected of row.expected) {
    const index = unused.findIndex(
      (f) => f.type === expected.type && f.text === expected.text && (!expected.severity || f.severity === expected.severity),
    )
    if (index === -1) missed.push(expected)
    else unused.splice(index, 1)
  }
  const unexpectedBlocks = unused.filter((f) => f.severity === 'block')
  return { findings, missed, unexpectedBlocks }
}

const asserted = (rows: EvaluationCase[]) => rows.filter((row) => !row.limitation)

describe('evaluation table', () => {
  test('has at least 150 sentences, positives and negatives, Japanese and English', () => {
    expect(EVALUATION_CASES.length).toBeGreaterThanOrEqual(150)
    expect(POSITIVE_CASES.length).toBeGreaterThanOrEqual(75)
    expect(NEGATIVE_CASES.length).toBeGreaterThanOrEqual(75)
    expect(EVALUATION_CASES.filter((row) => /[ぁ-んァ-ン一-龯]/u.test(row.text)).length).toBeGreaterThanOrEqual(100)
    expect(EVALUATION_CASES.filter((row) => !/[ぁ-んァ-ン一-龯]/u.test(row.text)).length).toBeGreaterThanOrEqual(40)
    // Every expected text really is in its sentence and every type is labelled.
    for (const row of POSITIVE_CASES) {
      for (const expected of row.expected) {
        expect(row.text).toContain(expected.text)
        expect(FINDING_TYPE_LABELS[expected.type]).toBeTruthy()
      }
    }
  })

  test.each(asserted(POSITIVE_CASES).map((row) => [row.text, row] as const))('finds the identifiers in %s', (_text, row) => {
    const { findings, missed, unexpectedBlocks } = evaluate(row)
    expect({ missed, unexpectedBlocks: unexpectedBlocks.map(describeFinding), all: findings.map(describeFinding) }).toEqual({
      missed: [],
      unexpectedBlocks: [],
      all: findings.map(describeFinding),
    })
  })

  test.each(asserted(NEGATIVE_CASES).map((row) => [row.text] as const))('blocks nothing in %s', (text) => {
    expect(checked(text).filter((f) => f.severity === 'block').map(describeFinding)).toEqual([])
  })

  test('recall and false-positive rate over the whole table (known limitations included)', () => {
    let expectedCount = 0
    let foundCount = 0
    for (const row of POSITIVE_CASES) {
      const { missed } = evaluate(row)
      expectedCount += row.expected.length
      foundCount += row.expected.length - missed.length
    }
    const flaggedNegatives = NEGATIVE_CASES.filter((row) => checked(row.text).some((f) => f.severity === 'block')).length
    const recall = foundCount / expectedCount
    const falsePositiveRate = flaggedNegatives / NEGATIVE_CASES.length
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`
    console.log(
      `deidentify: recall ${percent(recall)} (${foundCount}/${expectedCount}), ` +
        `false-positive rate ${percent(falsePositiveRate)} (${flaggedNegatives}/${NEGATIVE_CASES.length}), ` +
        `${EVALUATION_CASES.length} sentences, ${POSITIVE_CASES.filter((row) => row.limitation).length} known limitations`,
    )
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR)
    expect(falsePositiveRate).toBeLessThanOrEqual(FALSE_POSITIVE_CEILING)
  })

  test('rows marked as limitations are still missed (remove the mark when the detector learns them)', () => {
    for (const row of POSITIVE_CASES.filter((r) => r.limitation)) {
      expect(evaluate(row).missed.length, row.text).toBeGreaterThan(0)
    }
  })
})

describe('findIdentifiers', () => {
  test('empty text has no findings', () => {
    expect(findIdentifiers('')).toEqual([])
  })

  test('findings are sorted, do not overlap, and their offsets slice the original text', () => {
    for (const row of EVALUATION_CASES) {
      const findings = findIdentifiers(row.text)
      for (const [index, finding] of findings.entries()) {
        expect(row.text.slice(finding.start, finding.end)).toBe(finding.text)
        const next = findings[index + 1]
        if (next) expect(next.start).toBeGreaterThanOrEqual(finding.end)
      }
    }
  })

  test('replacements keep the honorific and use the relative-date form', () => {
    const byText = Object.fromEntries(
      findIdentifiers('山田様と佐藤先生は2024年5月3日に名古屋第一病院で98歳の患者を診た。Dr. Smith').map((f) => [f.text, f.replacement]),
    )
    expect(byText).toEqual({
      山田様: '○○様',
      佐藤先生: '○○先生',
      '2024年5月3日': 'X日目',
      名古屋第一病院: '○○病院',
      '98歳': '90歳以上',
      'Dr. Smith': 'Dr. ○○',
    })
  })

  test('the severity follows the confidence: names, IDs, exact days and named hospitals block; room numbers warn', () => {
    const severities = Object.fromEntries(
      findIdentifiers('山田様、ID 1234567、2024/5/3、5月3日、名古屋第一病院、502号室、使用期限2025年3月1日').map((f) => [f.type + ':' + f.text, f.severity]),
    )
    expect(severities).toEqual({
      'person-name:山田様': 'block',
      'patient-id:1234567': 'block',
      'date:2024/5/3': 'block',
      'date:5月3日': 'block',
      'facility-name:名古屋第一病院': 'block',
      'room-number:502号室': 'warn',
      'date:2025年3月1日': 'warn',
    })
  })

  test('impossible dates are not dates', () => {
    expect(findIdentifiers('2024/13/45 と 2024年2月40日').filter((f) => f.type === 'date')).toEqual([])
  })

  test('handles a long text in one pass', () => {
    const text = '患者の山田太郎様は2024年5月3日に転倒した。影響度3b、5mg投与。'.repeat(2500)
    const findings = findIdentifiers(text)
    expect(findings.length).toBe(5000)
  })
})
