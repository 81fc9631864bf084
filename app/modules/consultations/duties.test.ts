import { describe, expect, test } from 'vitest'
import { dutiesFor, JQ_DEADLINE, type JqObligation } from './duties.ts'

const LEVELS = ['0', '1', '2', '3a', '3b', '4a', '4b', '5', 'other'] as const
const OUTCOMES = ['ALIVE', 'DEATH', 'STILLBIRTH'] as const
const ANTICIPATION = ['YES', 'UNSURE', 'NO', null] as const // 予期しなかったか: YES = unanticipated
const OBLIGATION: readonly JqObligation[] = [true, false, null]

const ACCIDENT_STEPS = ['director-judgement', 'family-before-report', 'centre-report', 'autopsy', 'investigation', 'results-to-family', 'results-to-centre']

// The expectation, written out from ../shared/domain.md independently of the module's own helpers.
function expectedIds(level: string, outcome: string, unanticipated: string | null, obliged: JqObligation): string[] {
  const death = outcome === 'DEATH' || outcome === 'STILLBIRTH'
  const serious = death || ['3b', '4a', '4b', '5'].includes(level)
  const ids: string[] = []
  if (death && (unanticipated === 'YES' || unanticipated === 'UNSURE')) ids.push(...ACCIDENT_STEPS)
  if (death) ids.push('police')
  if (serious && obliged !== false) ids.push('jq')
  if (serious) ids.push('evidence', 'staff')
  return ids
}

const table = LEVELS.flatMap((level) =>
  OUTCOMES.flatMap((outcome) => ANTICIPATION.flatMap((unanticipated) => OBLIGATION.map((obliged) => ({ level, outcome, unanticipated, obliged })))),
)

describe('duties for every outcome × anticipation × obligation', () => {
  test('the table covers all 324 combinations', () => {
    expect(table).toHaveLength(LEVELS.length * OUTCOMES.length * ANTICIPATION.length * OBLIGATION.length)
  })

  test.each(table)('impact $level, $outcome, unanticipated=$unanticipated, obliged=$obliged', ({ level, outcome, unanticipated, obliged }) => {
    const duties = dutiesFor({ impactLevel: level, outcome, unanticipated }, obliged)
    expect(duties.map((duty) => duty.id)).toEqual(expectedIds(level, outcome, unanticipated, obliged))
    for (const duty of duties) {
      expect(duty.deadline, duty.id).not.toBe('')
      expect(duty.basis, duty.id).not.toBe('')
    }
    const jq = duties.find((duty) => duty.id === 'jq')
    if (jq) expect(jq.condition).toBe(obliged === null ? '報告義務対象医療機関の場合' : undefined)
  })
})

test.each([
  ['a fall with fracture (3b) at an obliged hospital', { impactLevel: '3b', outcome: 'ALIVE' }, true, ['jq', 'evidence', 'staff']],
  ['a 4b survivor at a hospital that is not obliged', { impactLevel: '4b', outcome: 'ALIVE' }, false, ['evidence', 'staff']],
  ['an anticipated death', { impactLevel: '5', outcome: 'DEATH', unanticipated: 'NO' }, true, ['police', 'jq', 'evidence', 'staff']],
  ['a 3a harm', { impactLevel: '3a', outcome: 'ALIVE' }, true, []],
] as const)('%s', (_name, answers, obliged, ids) => {
  expect(dutiesFor(answers, obliged).map((duty) => duty.id)).toEqual(ids)
})

describe('the 医療事故調査制度 in the statute’s order', () => {
  const steps = dutiesFor({ outcome: 'DEATH', impactLevel: '5', unanticipated: 'YES' }, true).filter((duty) => duty.group === 'accident-investigation')

  test('the family is told before the first report to the centre (6条の10第2項)', () => {
    const ids = steps.map((duty) => duty.id)
    expect(ids.indexOf('family-before-report')).toBeLessThan(ids.indexOf('centre-report'))
  })

  test('the final steps: results explained to the family beforehand, then reported to the centre (6条の11第5項)', () => {
    expect(steps.slice(-2).map((duty) => [duty.id, duty.basis])).toEqual([
      ['results-to-family', '医療法6条の11第5項'],
      ['results-to-centre', '医療法6条の11第4項'],
    ])
    expect(steps.at(-2)?.title).toContain('遺族へあらかじめ説明')
    expect(steps.at(-2)?.deadline).toBe('センターへの結果報告の前に')
    // The old single step (report, then explain) is gone.
    expect(steps.some((duty) => duty.title.includes('センターへ報告し、遺族へ説明'))).toBe(false)
  })
})

test('each duty names its basis and deadline, and ticks what the answers say is done', () => {
  const duties = dutiesFor(
    { outcome: 'DEATH', impactLevel: '5', unanticipated: 'YES', centreReport: 'DONE', policeReport: 'CONSIDERING', familyInformed: 'YES', jqReport: 'NOT_REQUIRED', staffSupport: '面談を設定' },
    true,
  )
  const byId = Object.fromEntries(duties.map((duty) => [duty.id, duty]))
  expect(byId['centre-report']).toMatchObject({ deadline: '遅滞なく', basis: '医療法6条の10第1項', done: true })
  expect(byId['police']).toMatchObject({ deadline: '異状を認めてから24時間以内', basis: '医師法21条', done: false })
  expect(byId['family-before-report']?.done).toBe(true)
  expect(byId['jq']).toMatchObject({ deadline: JQ_DEADLINE, done: true })
  expect(JQ_DEADLINE).toContain('原則として二週間以内')
  expect(byId['investigation']?.done).toBe(false)
  expect(byId['staff']?.done).toBe(true)
  expect(byId['evidence']?.done).toBe(false)
})
