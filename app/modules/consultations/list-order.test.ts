import { expect, test } from 'vitest'
import { sortOwnRequests } from './list-order.ts'

const at = (day: number) => new Date(Date.UTC(2026, 10, day))

test('open requests come first by urgency then age, then drafts (newest first), then closed ones', () => {
  const rows = [
    { id: 'closed-old', status: 'CLOSED', urgency: 'EMERGENCY', submittedAt: at(1), updatedAt: at(2) },
    { id: 'routine-old', status: 'IN_PROGRESS', urgency: 'ROUTINE', submittedAt: at(3), updatedAt: at(20) },
    { id: 'draft-old', status: 'DRAFT', urgency: null, submittedAt: null, updatedAt: at(4) },
    { id: 'emergency-new', status: 'SUBMITTED', urgency: 'EMERGENCY', submittedAt: at(10), updatedAt: at(10) },
    { id: 'urgent', status: 'ANSWERED', urgency: 'URGENT', submittedAt: at(5), updatedAt: at(21) },
    { id: 'emergency-old', status: 'IN_PROGRESS', urgency: 'EMERGENCY', submittedAt: at(6), updatedAt: at(6) },
    { id: 'draft-new', status: 'DRAFT', urgency: 'EMERGENCY', submittedAt: null, updatedAt: at(9) },
  ] as const
  expect(sortOwnRequests([...rows]).map((row) => row.id)).toEqual([
    'emergency-old',
    'emergency-new',
    'urgent',
    'routine-old',
    'draft-new',
    'draft-old',
    'closed-old',
  ])
})
