import { expect, test } from 'vitest'
import { accidentInvestigationDuties, suggestsAccidentInvestigation } from './duties.ts'

test.each([
  [{ outcome: 'DEATH', unanticipated: 'YES' }, true],
  [{ outcome: 'STILLBIRTH', unanticipated: 'UNSURE' }, true],
  [{ outcome: 'DEATH', unanticipated: 'NO' }, false],
  [{ outcome: 'DEATH', unanticipated: null }, false],
  [{ outcome: 'ALIVE', unanticipated: 'YES' }, false],
  [{}, false],
])('%o suggests the 医療事故調査制度: %s', (answers, expected) => {
  expect(suggestsAccidentInvestigation(answers)).toBe(expected)
  expect(accidentInvestigationDuties(answers).length > 0).toBe(expected)
})

test('the checklist names the duties and deadlines, and ticks what the answers say is done', () => {
  const duties = accidentInvestigationDuties({ outcome: 'DEATH', unanticipated: 'YES', centreReport: 'DONE', policeReport: 'CONSIDERING', familyInformed: 'YES' })
  const byId = Object.fromEntries(duties.map((duty) => [duty.id, duty]))
  expect(byId['centre-report']).toMatchObject({ deadline: '遅滞なく', done: true })
  expect(byId['police']).toMatchObject({ deadline: expect.stringContaining('24時間以内'), basis: '医師法21条', done: false })
  expect(byId['family-before-report']?.done).toBe(true)
  expect(byId['jq']?.deadline).toContain('2週間以内')
  expect(byId['investigation']?.done).toBe(false)
  expect(byId['staff']?.done).toBe(false)
})
