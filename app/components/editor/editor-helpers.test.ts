import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { clearEditorAutosave, draftKey, readDraft, removeDraft, writeDraft } from './autosave.ts'
import { parseDeidentifyAnswer } from '../deidentify-client.ts'
import { normaliseLinkInput } from './toolbar.tsx'

describe('link input', () => {
  test.each([
    ['example.org', 'https://example.org'],
    [' https://example.org/a b ', null],
    ['www.mhlw.go.jp/stf/', 'https://www.mhlw.go.jp/stf/'],
    ['qso@example.org', 'mailto:qso@example.org'],
    ['mailto:qso@example.org', 'mailto:qso@example.org'],
    ['HTTP://EXAMPLE.ORG', 'HTTP://EXAMPLE.ORG'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)//example.org', null],
    ['data:text/html,x', null],
    ['//evil.example', null],
    ['手順書', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLinkInput(input)).toBe(expected)
  })
})

describe('de-identification answer', () => {
  test('well-formed answers are read, severity and replacement defaulted safely', () => {
    expect(
      parseDeidentifyAnswer({ findings: [{ type: 'person-name', start: 0, end: 2, text: '山田', severity: 'warn', replacement: '○○' }, { type: 'date', start: 3, end: 5, text: 'xx' }] }),
    ).toEqual([
      { type: 'person-name', start: 0, end: 2, text: '山田', severity: 'warn', replacement: '○○' },
      { type: 'date', start: 3, end: 5, text: 'xx', severity: 'block', replacement: '○○' },
    ])
  })
  test.each([null, {}, { findings: 'x' }, { findings: [null] }, { findings: [{ type: 'x', start: '0', end: 1, text: 'a' }] }])('malformed %j → null', (body) => {
    expect(parseDeidentifyAnswer(body)).toBeNull()
  })
})

describe('autosave', () => {
  const store = new Map<string, string>()
  const localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
    key: (index: number) => [...store.keys()][index] ?? null,
    get length() {
      return store.size
    },
  }
  beforeEach(() => {
    store.clear()
    ;(globalThis as { window?: unknown }).window = { localStorage }
  })
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window
  })

  test('write, read, remove', () => {
    writeDraft('case-draft:new:analysis', { type: 'doc' }, 1_000)
    expect(readDraft('case-draft:new:analysis', 2_000)).toEqual({ savedAt: 1_000, doc: { type: 'doc' } })
    removeDraft('case-draft:new:analysis')
    expect(readDraft('case-draft:new:analysis')).toBeNull()
  })

  test('old drafts expire, garbage is ignored', () => {
    writeDraft('k', { type: 'doc' }, 0)
    expect(readDraft('k', 8 * 24 * 3600 * 1000)).toBeNull()
    expect(store.size).toBe(0)
    store.set('qso-editor:bad', '{not json')
    expect(readDraft('bad')).toBeNull()
  })

  test('drafts are per member', () => {
    writeDraft(draftKey('user-a', 'case-draft:new:analysis'), { a: 1 })
    expect(readDraft(draftKey('user-b', 'case-draft:new:analysis'))).toBeNull()
    expect(readDraft(draftKey('user-a', 'case-draft:new:analysis'))?.doc).toEqual({ a: 1 })
    expect(draftKey(null, 'x')).toBe('anon:x')
  })

  test('clearEditorAutosave removes every key with the prefix (any member) and nothing else', () => {
    writeDraft(draftKey('user-a', 'case-draft:new:analysis'), {})
    writeDraft(draftKey('user-b', 'case-draft:new:lessons'), {})
    writeDraft(draftKey('user-a', 'case-draft:12:analysis'), {})
    store.set('other-app', 'x')
    clearEditorAutosave('case-draft:new:')
    expect([...store.keys()].sort()).toEqual(['other-app', 'qso-editor:user-a:case-draft:12:analysis'])
    clearEditorAutosave('')
    expect([...store.keys()]).toEqual(['other-app'])
  })

  test('without a browser, autosave is a no-op', () => {
    delete (globalThis as { window?: unknown }).window
    writeDraft('k', {})
    expect(readDraft('k')).toBeNull()
    clearEditorAutosave('')
  })
})
