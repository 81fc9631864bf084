import { describe, expect, test } from 'vitest'
import type { ConsultationStatusCode } from './labels.ts'
import { availableTransitions, checkTransition, type Transition } from './workflow.ts'

const requester = { isRequester: true, isDesk: false }
const desk = { isRequester: false, isDesk: true }
const stranger = { isRequester: false, isDesk: false }

describe('checkTransition', () => {
  test.each<[ConsultationStatusCode, Transition, typeof desk, number, ConsultationStatusCode | string]>([
    // the happy path
    ['DRAFT', 'submit', requester, 0, 'SUBMITTED'],
    ['SUBMITTED', 'accept', desk, 1, 'IN_PROGRESS'],
    ['IN_PROGRESS', 'answer', desk, 1, 'ANSWERED'],
    ['ANSWERED', 'close', requester, 1, 'CLOSED'],
    ['ANSWERED', 'close', desk, 1, 'CLOSED'],
    ['CLOSED', 'reopen', requester, 1, 'IN_PROGRESS'],
    ['ANSWERED', 'reopen', desk, 2, 'IN_PROGRESS'],
    ['CLOSED', 'reopen', desk, 0, 'SUBMITTED'],
    ['SUBMITTED', 'close', requester, 0, 'CLOSED'],
    ['IN_PROGRESS', 'close', desk, 1, 'CLOSED'],
    // out of order
    ['SUBMITTED', 'answer', desk, 1, 'invalid-state'],
    ['DRAFT', 'accept', desk, 1, 'invalid-state'],
    ['CLOSED', 'answer', desk, 1, 'invalid-state'],
    ['CLOSED', 'close', desk, 1, 'invalid-state'],
    ['IN_PROGRESS', 'reopen', requester, 1, 'invalid-state'],
    ['SUBMITTED', 'submit', requester, 0, 'invalid-state'],
    ['DRAFT', 'close', requester, 0, 'invalid-state'],
    // wrong person
    ['SUBMITTED', 'accept', requester, 1, 'not-allowed'],
    ['IN_PROGRESS', 'answer', requester, 1, 'not-allowed'],
    ['DRAFT', 'submit', desk, 0, 'not-allowed'],
    ['ANSWERED', 'close', stranger, 1, 'not-allowed'],
    ['CLOSED', 'reopen', stranger, 1, 'not-allowed'],
    // 対応中 needs someone assigned
    ['SUBMITTED', 'accept', desk, 0, 'needs-assignee'],
  ])('%s --%s--> (%o, %i assigned) = %s', (from, transition, actor, assignees, expected) => {
    const result = checkTransition(from, transition, actor, assignees)
    if (result.ok) expect(result.to).toBe(expected)
    else {
      expect(result.reason).toBe(expected)
      expect(result.message).toMatch(/[ぁ-んァ-ン]/)
    }
  })

  test('a refused step says what state the request is in', () => {
    const result = checkTransition('CLOSED', 'answer', desk, 1)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('「完了」')
  })
})

test('availableTransitions offers only what the actor may do now', () => {
  expect(availableTransitions('SUBMITTED', desk, 0)).toEqual(['accept', 'close'])
  expect(availableTransitions('IN_PROGRESS', desk, 1)).toEqual(['answer', 'close'])
  expect(availableTransitions('ANSWERED', requester, 1)).toEqual(['close', 'reopen'])
  expect(availableTransitions('CLOSED', requester, 1)).toEqual(['reopen'])
  expect(availableTransitions('IN_PROGRESS', stranger, 1)).toEqual([])
  expect(availableTransitions('DRAFT', requester, 0)).toEqual([])
})
