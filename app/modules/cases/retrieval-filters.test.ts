import { describe, expect, test } from 'vitest'
import { isFactorCode, occurredRange, parseMonthInput, RetrievalFiltersSchema, retrievalSearchParams } from './retrieval-filters.ts'

describe('parseMonthInput: what members type where there is no month picker', () => {
  test.each([
    ['2024-04', { year: 2024, month: 4 }],
    ['2024-4', { year: 2024, month: 4 }],
    ['2024/12', { year: 2024, month: 12 }],
    ['2024.1', { year: 2024, month: 1 }],
    ['2024年4月', { year: 2024, month: 4 }],
    ['２０２４−０４', null], // a full-width minus is not a hyphen after NFKC: refused rather than guessed
    ['２０２４年４月', { year: 2024, month: 4 }],
    [' 2024-04 ', { year: 2024, month: 4 }],
    ['2024-13', null],
    ['2024-00', null],
    ['1989-12', null],
    ['2101-01', null],
    ['2024', null],
    ['2024-04-01', null],
    ['令和6年4月', null],
    ['', null],
  ])('%s', (input, expected) => {
    expect(parseMonthInput(input)).toEqual(expected)
  })
})

describe('occurredRange', () => {
  test('both bounds, inclusive, as YYYYMM', () => {
    expect(occurredRange({ from: '2024-04', to: '2025-03' })).toEqual({ from: 202404, to: 202503, errors: {} })
  })

  test('the same month at both ends is one month', () => {
    expect(occurredRange({ from: '2024-04', to: '2024-04' })).toEqual({ from: 202404, to: 202404, errors: {} })
  })

  test('one bound only', () => {
    expect(occurredRange({ from: '2024-04' })).toEqual({ from: 202404, errors: {} })
    expect(occurredRange({ to: '2024-04' })).toEqual({ to: 202404, errors: {} })
  })

  test('an unreadable bound gets a message beside its field and is not applied; the other still is', () => {
    const range = occurredRange({ from: '4月', to: '2025-03' })
    expect(range.from).toBeUndefined()
    expect(range.to).toBe(202503)
    expect(range.errors.from).toMatch(/^開始は「2024-04」のように/)
    expect(range.errors.to).toBeUndefined()
  })

  test('an end before the start: a message on the end, nothing applied', () => {
    expect(occurredRange({ from: '2025-03', to: '2024-04' })).toEqual({ errors: { to: '終了は開始と同じ月か、それより後の月にしてください' } })
  })

  test('nothing given: nothing applied, no messages', () => {
    expect(occurredRange({})).toEqual({ errors: {} })
  })
})

describe('RetrievalFiltersSchema', () => {
  test('codes from the lists pass; anything else is dropped', () => {
    expect(RetrievalFiltersSchema.parse({ profession: 'NURSE', experience: 'Y10_PLUS', factor: 'FOUR_M:MACHINE', strength: 'MODERATE' })).toEqual({
      profession: 'NURSE',
      experience: 'Y10_PLUS',
      factor: 'FOUR_M:MACHINE',
      strength: 'MODERATE',
    })
    expect(RetrievalFiltersSchema.parse({ profession: 'nurse', experience: 'Y1_3', factor: 'SHELL:P', strength: 'VERY_STRONG', from: '  ' })).toEqual({})
  })

  test('months are kept as typed (trimmed), so the field can show them back', () => {
    expect(RetrievalFiltersSchema.parse({ from: ' 2024年4月 ', to: 'いつか' })).toEqual({ from: '2024年4月', to: 'いつか' })
  })

  test('factor codes: framework and element must belong together', () => {
    expect(isFactorCode('P_MSHELL:m')).toBe(true)
    expect(isFactorCode('SHELL:m')).toBe(false)
    expect(isFactorCode('SHELL:L-L')).toBe(true)
    expect(isFactorCode('SHELL:L:L')).toBe(false)
    expect(isFactorCode('__proto__:constructor')).toBe(false)
  })

  test('back to URL parameters, only those set', () => {
    expect(retrievalSearchParams({ profession: 'NURSE', from: '2024-04' })).toEqual([
      ['profession', 'NURSE'],
      ['from', '2024-04'],
    ])
  })
})
