import { describe, expect, test } from 'vitest'
import { parseCaseRefs, requestedCaseIds } from './schemas.ts'

describe('the case picker text box', () => {
  test('reads bare ids and /cases/ links separated by spaces, commas, 、 and lines', () => {
    expect(parseCaseRefs('cabc123, https://hub.example.jp/cases/cdef456?x=1\n/cases/cghi789/edit、cjkl000')).toEqual({
      ids: ['cabc123', 'cdef456', 'cghi789', 'cjkl000'],
      unreadable: [],
    })
  })

  test('empty is nothing; markup and odd characters are unreadable, never ids', () => {
    expect(parseCaseRefs(undefined)).toEqual({ ids: [], unreadable: [] })
    expect(parseCaseRefs('   ')).toEqual({ ids: [], unreadable: [] })
    expect(parseCaseRefs('<script> 事例1 ok-id')).toEqual({ ids: ['ok-id'], unreadable: ['<script>', '事例1'] })
  })

  test('ticked boxes first, then typed ids, without repeats', () => {
    expect(requestedCaseIds({ caseIds: ['b', 'a'], caseRefs: 'a c /cases/b' })).toEqual(['b', 'a', 'c'])
  })
})
