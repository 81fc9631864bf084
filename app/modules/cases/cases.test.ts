import { describe, expect, test } from 'vitest'
import { canChangeComment, canEditCase, canMarkCaseReviewed, canSeeAnonymousAuthor, canViewCase, hasPermission } from '#app/modules/auth/permissions.ts'
import { parseTags, parseYearMonth, richTextFromInput } from './schemas.ts'

const member = { id: 'm1', role: 'MEMBER' as const }
const author = { id: 'a1', role: 'MEMBER' as const }
const admin = { id: 'ad', role: 'ADMIN' as const }
const consultant = { id: 'c1', role: 'CONSULTANT' as const }

describe('who sees a case', () => {
  const draft = { authorId: 'a1', status: 'DRAFT' as const, hiddenAt: null }
  const published = { authorId: 'a1', status: 'PUBLISHED' as const, hiddenAt: null }
  const hidden = { authorId: 'a1', status: 'PUBLISHED' as const, hiddenAt: new Date() }
  test.each([
    ['draft', draft, { author: true, member: false, consultant: false, admin: false }],
    ['published', published, { author: true, member: true, consultant: true, admin: true }],
    ['hidden', hidden, { author: true, member: false, consultant: false, admin: true }],
  ] as const)('%s', (_name, item, expected) => {
    expect(canViewCase(author, item)).toBe(expected.author)
    expect(canViewCase(member, item)).toBe(expected.member)
    expect(canViewCase(consultant, item)).toBe(expected.consultant)
    expect(canViewCase(admin, item)).toBe(expected.admin)
    expect(canViewCase(null, item)).toBe(false)
  })

  test('only the author edits; the author or an admin marks 「検討会で扱った」 and sees an anonymous author', () => {
    const item = { authorId: 'a1' }
    expect([author, member, admin, null].map((user) => canEditCase(user, item))).toEqual([true, false, false, false])
    expect([author, member, admin, consultant].map((user) => canMarkCaseReviewed(user, item))).toEqual([true, false, true, false])
    expect([author, member, admin, consultant].map((user) => canSeeAnonymousAuthor(user, item))).toEqual([true, false, true, false])
    expect(canChangeComment(member, { authorId: 'm1' })).toBe(true)
    expect(canChangeComment(admin, { authorId: 'm1' })).toBe(false)
    expect(hasPermission(admin, 'case:moderate')).toBe(true)
    expect(hasPermission(member, 'case:moderate')).toBe(false)
    expect(hasPermission(consultant, 'case:moderate')).toBe(false)
  })
})

describe('case fields', () => {
  test.each([
    ['2024-05', { year: 2024, month: 5 }],
    [' 2024-12 ', { year: 2024, month: 12 }],
    ['2024-13', null],
    ['2024-5', null],
    ['2024-05-03', null],
    ['1900-01', null],
    ['', null],
  ])('parseYearMonth(%j)', (input, expected) => {
    expect(parseYearMonth(input)).toEqual(expected)
  })

  test('tags split on commas, 「、」 and spaces, drop # and duplicates', () => {
    expect(parseTags('転倒, 夜間、#睡眠薬  転倒')).toEqual(['転倒', '夜間', '睡眠薬'])
    expect(parseTags(['a b', 'c'])).toEqual(['a', 'b', 'c'])
    expect(parseTags(undefined)).toEqual([])
  })

  test('rich text arrives as editor JSON or plain text; unsafe JSON is refused, markup in text stays text', () => {
    const json = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '経過' }] }] })
    expect(richTextFromInput(json, 'full')).toMatchObject({ ok: true, doc: { type: 'doc' } })
    expect(richTextFromInput('一行目\n二行目\n\n次の段落', 'full')).toMatchObject({ ok: true, doc: { content: [{ type: 'paragraph' }, { type: 'paragraph' }] } })
    expect(richTextFromInput('', 'full')).toEqual({ ok: true, doc: { type: 'doc', content: [] } })
    const script = richTextFromInput('<script>alert(1)</script>', 'light')
    expect(script.ok && JSON.stringify(script.doc)).toContain('<script>alert(1)</script>')
    const link = (href: string) =>
      JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }] })
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x']) {
      expect(richTextFromInput(link(href), 'full').ok).toBe(false)
    }
    expect(richTextFromInput(link('https://example.org/'), 'full').ok).toBe(true)
    const table = JSON.stringify({ type: 'doc', content: [{ type: 'table', content: [] }] })
    expect(richTextFromInput(table, 'light').ok).toBe(false)
  })
})
