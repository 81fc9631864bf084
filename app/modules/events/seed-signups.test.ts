import { expect, test } from 'vitest'
import { signupTime } from '#prisma/seed/events.ts'

test('demo sign-ups are dated a week before the event, never after the moment of seeding', () => {
  const now = new Date('2026-12-02T12:00:00Z')
  expect(signupTime(new Date('2025-06-14T04:00:00Z'), 0, now).toISOString()).toBe('2025-06-07T04:00:00.000Z')
  const later = [0, 1, 2].map((index) => signupTime(new Date('2027-06-13T01:00:00Z'), index, now))
  for (const at of later) expect(at.getTime()).toBeLessThan(now.getTime())
  expect(later.map((at) => at.getTime())).toEqual([...later.map((at) => at.getTime())].sort((a, b) => a - b))
})
