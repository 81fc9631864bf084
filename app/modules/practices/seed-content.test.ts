import { describe, expect, test } from 'vitest'
import { DEMO_PRACTICES } from '#prisma/seed/practices.ts'
import { blockingFindings } from '#app/modules/deidentify/publish-guard.ts'
import { PracticeSchema } from './schemas.ts'
import { practiceTextFields } from './practices.server.ts'

// The demo practices are published content: they must pass the same checks a member's practice passes.
describe('demo practices', () => {
  test('about fifteen, each with a unique key', () => {
    expect(DEMO_PRACTICES.length).toBeGreaterThanOrEqual(14)
    expect(new Set(DEMO_PRACTICES.map((item) => item.key)).size).toBe(DEMO_PRACTICES.length)
  })

  test.each(DEMO_PRACTICES.map((item) => [item.key, item] as const))('%s validates and has nothing to mask', (_key, item) => {
    const parsed = PracticeSchema.safeParse({
      intent: 'publish',
      title: item.title,
      problem: item.problem,
      whatWasDone: item.whatWasDone,
      steps: item.steps,
      resources: item.resources,
      pitfalls: item.pitfalls,
      theme: item.theme,
      tags: item.tags.join(', '),
      results: item.results,
    })
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
    if (!parsed.success) return
    const texts = [...practiceTextFields(parsed.data), ...item.adoptions.map((row, index) => ({ field: `adoption${index}`, label: '導入', text: [row.before, row.after, row.note].join(' ') }))]
    expect(blockingFindings(texts).map((found) => `${found.label}: ${found.finding.text} (${found.finding.type})`)).toEqual([])
  })
})
