import { describe, expect, test } from 'vitest'
import { CONTRACT_DOCUMENTS, engineContract } from './engine.contract.ts'
import { EmbeddedEngine } from './embedded.server.ts'

describe('embedded engine: contract', () => {
  engineContract(async () => new EmbeddedEngine())
})

describe('embedded engine: Japanese extras', () => {
  test('typo tolerance for longer words (インシュリン with a slip: インスロン)', async () => {
    const engine = new EmbeddedEngine()
    await engine.upsert(CONTRACT_DOCUMENTS)
    expect((await engine.search({ q: 'インスロン' })).hits.map((hit) => hit.document.key)).toContain('case:c2')
  })

  test('short words get no typo tolerance (転落 does not match 転倒 by spelling, only by synonym)', async () => {
    const engine = new EmbeddedEngine()
    await engine.upsert(CONTRACT_DOCUMENTS)
    expect((await engine.search({ q: '採点' })).total).toBe(0)
  })
})
