import { expect, test } from 'vitest'
import { hasFilters, parseSearchParams, toSearchQuery } from './query.ts'

test('defaults and tolerated garbage', () => {
  expect(parseSearchParams(new URLSearchParams('q=%20転倒%20&type=bogus&year=abc&page=-3&sort=x'))).toEqual({ q: '転倒', sort: 'relevance', page: 1 })
})

test('filters map to the engine query', () => {
  const params = parseSearchParams(new URLSearchParams('q=転倒&type=case&jq=薬剤&impact=レベル3a&year=2024&tag=夜間&sort=newest&page=2'))
  expect(toSearchQuery(params, 10)).toEqual({
    q: '転倒',
    filters: { type: 'case', jqCategory: '薬剤', impactLevel: 'レベル3a', year: 2024, tag: '夜間', profession: undefined, experience: undefined, factor: undefined, strength: undefined, occurredFrom: undefined, occurredTo: undefined },
    sort: 'newest',
    page: 2,
    pageSize: 10,
  })
})

test('case retrieval filters (issue 17): the same parameters as /cases, months as YYYYMM bounds', () => {
  const params = parseSearchParams(new URLSearchParams('profession=NURSE&experience=UNDER_1&factor=P_MSHELL:P&strength=STRONG&from=2024-04&to=2025年3月'))
  expect(toSearchQuery(params).filters).toMatchObject({ profession: 'NURSE', experience: 'UNDER_1', factor: 'P_MSHELL:P', strength: 'STRONG', occurredFrom: 202404, occurredTo: 202503 })
  expect(hasFilters(params)).toBe(true)
})

test('unknown choices are dropped; an unreadable month is kept as typed but not applied', () => {
  const params = parseSearchParams(new URLSearchParams('profession=WIZARD&factor=SHELL:P&strength=&from=来年'))
  expect(params).toMatchObject({ profession: undefined, factor: undefined, strength: undefined, from: '来年' })
  expect(toSearchQuery(params).filters?.occurredFrom).toBeUndefined()
})
