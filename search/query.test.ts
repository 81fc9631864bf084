import { expect, test } from 'vitest'
import { parseSearchParams, toSearchQuery } from './query.ts'

test('defaults and tolerated garbage', () => {
  expect(parseSearchParams(new URLSearchParams('q=%20転倒%20&type=bogus&year=abc&page=-3&sort=x'))).toEqual({ q: '転倒', sort: 'relevance', page: 1 })
})

test('filters map to the engine query', () => {
  const params = parseSearchParams(new URLSearchParams('q=転倒&type=case&jq=薬剤&impact=レベル3a&year=2024&tag=夜間&sort=newest&page=2'))
  expect(toSearchQuery(params, 10)).toEqual({
    q: '転倒',
    filters: { type: 'case', jqCategory: '薬剤', impactLevel: 'レベル3a', year: 2024, tag: '夜間' },
    sort: 'newest',
    page: 2,
    pageSize: 10,
  })
})
