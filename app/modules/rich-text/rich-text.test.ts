import { describe, expect, test } from 'vitest'
import {
  isRichTextEmpty,
  parseRichText,
  plainRangeToDocRanges,
  replaceTextRange,
  replaceTextRanges,
  richTextFromPlainText,
  richTextLength,
  richTextPlainTextMap,
  richTextToPlainText,
  safeHref,
  type RichTextDoc,
  type RichTextNode,
} from './rich-text.ts'
import { richTextField } from './schema.ts'

const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })
const link = (href: unknown) => doc(p(t('ここ', [{ type: 'link', attrs: { href } }])))

function expectOk(input: unknown, profile: 'full' | 'light' = 'full') {
  const result = parseRichText(input, profile)
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`)
  return result.doc
}
function expectError(input: unknown, profile: 'full' | 'light' = 'full') {
  const result = parseRichText(input, profile)
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.doc)}`)
  return result.error
}

describe('parseRichText: what the editor produces', () => {
  const editorOutput = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2, textAlign: null }, content: [{ type: 'text', text: '経過' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '投与量を', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          {
            type: 'text',
            text: '手順書',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=1', target: '_blank', rel: 'noopener', class: null } }],
          },
        ],
      },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [p(t('確認'))] }] },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t('時刻'))] },
              { type: 'tableCell', attrs: { colspan: 2, rowspan: 1, colwidth: [120, 80] }, content: [p()] },
            ],
          },
        ],
      },
      { type: 'blockquote', content: [p(t('引用', [{ type: 'italic' }, { type: 'strike' }, { type: 'code' }]))] },
      { type: 'horizontalRule' },
    ],
  }

  test('is accepted and normalised: unknown attributes are dropped, known ones kept', () => {
    const parsed = expectOk(editorOutput)
    expect(parsed.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '経過' }] })
    const linkMark = parsed.content?.[1]?.content?.[2]?.marks?.[0]
    expect(linkMark).toEqual({ type: 'link', attrs: { href: 'https://example.org/a?b=1' } })
    expect(parsed.content?.[2]?.attrs).toEqual({ start: 3 })
    expect(parsed.content?.[3]?.content?.[0]?.content?.[1]?.attrs).toEqual({ colspan: 2, rowspan: 1, colwidth: [120, 80] })
  })

  test('accepts the JSON string a form posts', () => {
    expect(expectOk(JSON.stringify(editorOutput))).toEqual(expectOk(editorOutput))
  })

  test('empty input is an empty document', () => {
    for (const input of [undefined, null, '', { type: 'doc' }]) {
      const parsed = expectOk(input)
      expect(parsed).toEqual({ type: 'doc', content: [] })
      expect(isRichTextEmpty(parsed)).toBe(true)
    }
  })

  test('unknown keys on nodes (html, dangerouslySetInnerHTML, on*) are not passed through', () => {
    const parsed = expectOk({
      type: 'doc',
      html: '<img src=x onerror=alert(1)>',
      content: [{ type: 'paragraph', onclick: 'alert(1)', dangerouslySetInnerHTML: { __html: '<b>' }, content: [t('a')] }],
    })
    expect(parsed).toEqual(doc(p(t('a'))))
  })

  test('marks lose any attribute but a link href', () => {
    const parsed = expectOk(doc(p(t('a', [{ type: 'bold', attrs: { style: 'color:red', class: 'x', onclick: 'alert(1)' } }]))))
    expect(parsed.content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'bold' }])
  })
})

describe('parseRichText: rejections', () => {
  test.each([
    ['not JSON', '{nope'],
    ['not a doc', { type: 'paragraph' }],
    ['array', []],
    ['content not an array', { type: 'doc', content: 'x' }],
    ['text without text', doc({ type: 'paragraph', content: [{ type: 'text' }] })],
    ['node without type', doc({ content: [] } as unknown as RichTextNode)],
  ])('malformed: %s', (_name, input) => {
    expect(expectError(input)).toMatch(/形式/)
  })

  test.each(['image', 'codeBlock', 'iframe', 'script', 'mention', 'doc'])('unknown or misplaced node %s', (type) => {
    expect(expectError(doc({ type, attrs: { src: 'javascript:alert(1)' } }))).toBeTruthy()
  })

  test.each(['underline', 'textStyle', 'highlight', 'script'])('unknown mark %s', (type) => {
    expect(expectError(doc(p(t('a', [{ type }]))))).toMatch(/書式|使え/)
  })

  test('prototype keys are neither types nor attributes', () => {
    expect(expectError(doc({ type: 'constructor' }))).toBe('本文に使えない要素（constructor）が含まれています。')
    expect(expectError(doc({ type: '__proto__' }))).toMatch(/使えない要素/)
    expect(expectError(doc(p(t('x', [{ type: 'toString' }]))))).toBe('本文に使えない書式（toString）が含まれています。')
    expect(expectError('{"type":"doc","content":[{"type":"heading","attrs":{"__proto__":{"level":2}},"content":[{"type":"text","text":"x"}]}]}')).toMatch(/見出し/)
    const parsed = expectOk('{"type":"doc","__proto__":{"polluted":true},"content":[{"type":"paragraph","__proto__":{"x":1},"content":[]}]}')
    expect(parsed).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  test('heading levels other than 2–4', () => {
    for (const level of [1, 5, 6, '2', 2.5, null]) {
      expect(expectError(doc({ type: 'heading', attrs: { level }, content: [t('x')] }))).toMatch(/見出し/)
    }
    for (const level of [2, 3, 4]) expectOk(doc({ type: 'heading', attrs: { level }, content: [t('x')] }))
  })

  test('table spans outside 1–20 and bad column widths', () => {
    const cell = (attrs: Record<string, unknown>) =>
      doc({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs, content: [p(t('x'))] }] }] })
    expect(expectError(cell({ colspan: 21 }))).toMatch(/表/)
    expect(expectError(cell({ rowspan: 0 }))).toMatch(/表/)
    expect(expectError(cell({ colspan: '2' }))).toMatch(/表/)
    expect(expectError(cell({ colwidth: ['100px'] }))).toMatch(/表/)
    expect(expectError(cell({ colwidth: 'x' }))).toMatch(/表/)
  })

  test('structure: text directly in doc, list items outside lists, cells outside rows', () => {
    expectError(doc(t('bare')))
    expectError(doc({ type: 'listItem', content: [p(t('x'))] }))
    expectError(doc(p({ type: 'paragraph' })))
    expectError(doc({ type: 'table', content: [{ type: 'tableCell', content: [p(t('x'))] }] }))
    expectError(doc(p(t('x'), { type: 'horizontalRule' })))
    // A table inside a cell is what Tiptap's schema allows (e.g. pasted from Word), so it is accepted.
    const nested = { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('x'))] }] }] }
    expectOk(doc({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [nested] }] }] }))
  })

  test('depth and size limits', () => {
    let deep: RichTextNode = p(t('x'))
    for (let i = 0; i < 25; i++) deep = { type: 'blockquote', content: [deep] }
    expect(expectError(doc(deep))).toMatch(/深すぎ/)
    const many = doc(...Array.from({ length: 60_000 }, () => ({ type: 'horizontalRule' })))
    expect(expectError(many)).toMatch(/大きすぎ/)
    expect(expectError('x'.repeat(2_000_001))).toMatch(/大きすぎ/)
  })

  test('maxLength counts as the editor does', () => {
    const d = doc(p(t('あ'.repeat(10))))
    expect(parseRichText(d, 'full', { maxLength: 10 }).ok).toBe(true)
    const result = parseRichText(d, 'full', { maxLength: 9 })
    expect(result).toEqual({ ok: false, error: '9文字以内で入力してください（現在 10文字）。' })
  })

  test('light profile refuses what only full allows', () => {
    expectError(doc({ type: 'heading', attrs: { level: 2 }, content: [t('x')] }), 'light')
    expectError(doc({ type: 'blockquote', content: [p(t('x'))] }), 'light')
    expectError(doc({ type: 'horizontalRule' }), 'light')
    expectError(doc({ type: 'table', content: [] }), 'light')
    expectError(doc(p(t('x', [{ type: 'strike' }]))), 'light')
    expectError(doc(p(t('x', [{ type: 'code' }]))), 'light')
    expectOk(
      doc(
        p(t('x', [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: 'mailto:a@example.org' } }]), { type: 'hardBreak' }),
        { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('y'))] }] },
      ),
      'light',
    )
  })
})

describe('links: only http, https and mailto', () => {
  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    'javascript%3Aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '\\\\evil.example\\x',
    '/\\evil.example',
    'https:evil.example',
    'http:/evil.example',
    'https://',
    'mailto:',
    'ftp://example.org',
    'file:///etc/passwd',
    'relative/path',
    '#anchor',
    'https://exa mple.org',
    'https://example.org/\u202Eevil',
    '',
    42,
    null,
    { href: 'https://example.org' },
  ])('rejects %j', (href) => {
    expect(safeHref(href)).toBeNull()
    expect(expectError(link(href))).toMatch(/リンク/)
  })

  test.each([
    ['https://example.org', 'https://example.org'],
    ['  HTTPS://Example.org/path?q=ア#x  ', 'HTTPS://Example.org/path?q=ア#x'],
    ['http://localhost:3000/cases/1', 'http://localhost:3000/cases/1'],
    ['mailto:qso@example.org', 'mailto:qso@example.org'],
    ['MailTo:qso@example.org?subject=件名', 'MailTo:qso@example.org?subject=件名'],
  ])('accepts %j', (href, stored) => {
    expect(safeHref(href)).toBe(stored)
    expect(expectOk(link(href)).content?.[0]?.content?.[0]?.marks).toEqual([{ type: 'link', attrs: { href: stored } }])
  })
})

describe('text', () => {
  test('markup in text stays text', () => {
    const parsed = expectOk(doc(p(t('<img src=x onerror=alert(1)><script>alert(1)</script>'))))
    expect(richTextToPlainText(parsed)).toBe('<img src=x onerror=alert(1)><script>alert(1)</script>')
  })

  test('NUL and lone surrogates (which jsonb refuses) are cleaned; empty text nodes dropped', () => {
    const parsed = expectOk(doc(p(t('a\u0000b\uD800c'), t('\u0000'))))
    expect(parsed).toEqual(doc(p(t('ab\uFFFDc'))))
  })

  test('empty containers are repaired the way ProseMirror would accept', () => {
    expect(expectOk(doc({ type: 'bulletList', content: [] }, { type: 'blockquote' }))).toEqual(doc({ type: 'blockquote', content: [{ type: 'paragraph' }] }))
  })
})

describe('plain text', () => {
  test('from plain text: blank lines split paragraphs, single newlines become hardBreaks', () => {
    expect(richTextFromPlainText('一行目\r\n二行目\n\n\n  \n次の段落\n')).toEqual(
      doc(p(t('一行目'), { type: 'hardBreak' }, t('二行目')), p(t('次の段落'))),
    )
    expect(richTextFromPlainText('  \n\n')).toEqual(doc())
  })

  test('round trip through plain text', () => {
    const text = '経過\n10時に投与\n\n要因'
    expect(richTextToPlainText(richTextFromPlainText(text))).toBe('経過\n10時に投与\n要因')
  })

  test('blocks separated by newlines, lists and tables included', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('見出し')] },
      p(t('A'), t('B', [{ type: 'bold' }]), { type: 'hardBreak' }, t('C')),
      p(),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('項目1'))] }, { type: 'listItem', content: [p(t('項目2'))] }] },
      { type: 'horizontalRule' },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('セル1'))] }, { type: 'tableCell', content: [p(t('セル2'))] }] }] },
    )
    expect(richTextToPlainText(d)).toBe('見出し\nAB\nC\n\n項目1\n項目2\nセル1\nセル2')
    expect(isRichTextEmpty(d)).toBe(false)
    expect(isRichTextEmpty(doc(p(), p(t('  \u3000')), { type: 'horizontalRule' }, p({ type: 'hardBreak' })))).toBe(true)
  })

  test('length counts code points and line breaks, not block boundaries', () => {
    expect(richTextLength(doc(p(t('あい')), p(t('😀'), { type: 'hardBreak' }, t('𠮷'))))).toBe(5)
    expect(richTextLength(doc())).toBe(0)
  })
})

describe('position map and masking', () => {
  // <p>山田 <b>太郎</b>さん</p><ul><li><p>1990年</p></li></ul><p>A<br>B</p>
  const d = doc(
    p(t('山田'), t('太郎', [{ type: 'bold' }]), t('さん')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('1990年'))] }] },
    p(t('A'), { type: 'hardBreak' }, t('B')),
  )

  test('segments know their plain-text offsets and ProseMirror positions', () => {
    const map = richTextPlainTextMap(d)
    expect(map.text).toBe('山田太郎さん\n1990年\nA\nB')
    // paragraph opens at 0, text starts at 1; list(8) > item(9) > paragraph(10) > text at 11
    expect(map.segments.map(({ start, end, pos }) => [start, end, pos])).toEqual([
      [0, 2, 1],
      [2, 4, 3],
      [4, 6, 5],
      [7, 12, 11],
      [13, 14, 20],
      [15, 16, 22],
    ])
    for (const segment of map.segments) {
      let node: { content?: RichTextNode[]; text?: string } = d
      for (const index of segment.path) node = node.content![index]!
      expect(node.text).toBe(map.text.slice(segment.start, segment.end))
    }
  })

  test('plain ranges map to document ranges, split at node boundaries', () => {
    const map = richTextPlainTextMap(d)
    expect(plainRangeToDocRanges(map, 0, 4)).toEqual([
      { from: 1, to: 3 },
      { from: 3, to: 5 },
    ])
    expect(plainRangeToDocRanges(map, 7, 11)).toEqual([{ from: 11, to: 15 }])
    expect(plainRangeToDocRanges(map, 3, 3)).toEqual([])
  })

  test('replaceTextRange masks across marks, keeping structure and the first mark', () => {
    const masked = replaceTextRange(d, 0, 4, '○○')
    expect(masked.content?.[0]).toEqual(p(t('○○'), t('さん')))
    expect(richTextToPlainText(masked)).toBe('○○さん\n1990年\nA\nB')
    expect(richTextToPlainText(d)).toBe('山田太郎さん\n1990年\nA\nB') // input untouched
    const bold = replaceTextRange(d, 2, 4, '○○')
    expect(bold.content?.[0]).toEqual(p(t('山田'), t('○○', [{ type: 'bold' }]), t('さん')))
  })

  test('a range inside one node and one across blocks', () => {
    expect(richTextToPlainText(replaceTextRange(d, 7, 11, 'XXXX'))).toBe('山田太郎さん\nXXXX年\nA\nB')
    const across = replaceTextRange(d, 4, 9, '■')
    expect(richTextToPlainText(across)).toBe('山田太郎■\n90年\nA\nB')
    expect(across.content).toHaveLength(3)
  })

  test('replaceTextRanges applies all findings, skipping overlaps', () => {
    const out = replaceTextRanges(d, [
      { start: 7, end: 12, replacement: 'X年' },
      { start: 0, end: 4, replacement: '○○' },
      { start: 2, end: 6, replacement: 'overlap' },
    ])
    expect(richTextToPlainText(out)).toBe('○○さん\nX年\nA\nB')
    expect(replaceTextRanges(d, [])).toEqual(d)
  })

  test('masking from the end keeps earlier offsets valid', () => {
    const findings = [
      { start: 0, end: 4, replacement: '○○' },
      { start: 7, end: 12, replacement: 'X年' },
    ]
    let out = d
    for (const finding of [...findings].sort((a, b) => b.start - a.start)) out = replaceTextRange(out, finding.start, finding.end, finding.replacement)
    expect(richTextToPlainText(out)).toBe('○○さん\nX年\nA\nB')
    expect(parseRichText(out, 'full').ok).toBe(true)
  })
})

describe('richTextField (Conform)', () => {
  test('parses the posted string, reports errors on the field', () => {
    const field = richTextField('light', { required: true, requiredMessage: 'コメントを入力してください', maxLength: 5 })
    expect(field.safeParse(JSON.stringify(doc(p(t('ありがとう'))))).data).toEqual(doc(p(t('ありがとう'))))
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe('コメントを入力してください')
    expect(field.safeParse(JSON.stringify(doc(p())))).toMatchObject({ success: false })
    expect(field.safeParse(JSON.stringify(doc(p(t('ありがとうございます'))))).error?.issues[0]?.message).toMatch(/5文字以内/)
    expect(field.safeParse(JSON.stringify(link('javascript:alert(1)'))).error?.issues[0]?.message).toMatch(/リンク/)
    expect(richTextField('full').safeParse(undefined).data).toEqual(doc())
  })
})
