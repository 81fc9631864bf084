import { getSchema } from '@tiptap/core'
import { Node } from '@tiptap/pm/model'
import { describe, expect, test } from 'vitest'
import {
  allowedMarkTypes,
  allowedNodeTypes,
  parseRichText,
  plainRangeToDocRanges,
  richTextFromPlainText,
  richTextPlainTextMap,
  type RichTextDoc,
  type RichTextNode,
} from '#app/modules/rich-text/rich-text.ts'
import { editorExtensions } from './extensions.ts'

const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })

const sample: RichTextDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('経過')] },
    p(t('山田'), t('太郎', [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'bold' }]), { type: 'hardBreak' }, t('さん')),
    { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [p(t('1990年5月3日'))] }] },
    { type: 'blockquote', content: [p(t('引用'))] },
    { type: 'horizontalRule' },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t('時刻'))] }, { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(t('10:00 投与'))] }] },
      ],
    },
    p(),
  ],
}

describe.each(['full', 'light'] as const)('editor schema (%s) = allow-list', (profile) => {
  const schema = getSchema(editorExtensions(profile))

  test('same node and mark types', () => {
    expect(new Set(Object.keys(schema.nodes))).toEqual(new Set(allowedNodeTypes(profile)))
    expect(new Set(Object.keys(schema.marks))).toEqual(new Set(allowedMarkTypes(profile)))
  })

  test('what the editor holds, parseRichText accepts', () => {
    const docs = profile === 'full' ? [sample, richTextFromPlainText('a\nb\n\nc')] : [richTextFromPlainText('a\nb\n\nc')]
    for (const doc of docs) {
      const parsed = parseRichText(doc, profile)
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) continue
      const node = Node.fromJSON(schema, parsed.doc)
      node.check()
      // The editor's own JSON (with its default attributes) goes through validation unchanged in meaning.
      const again = parseRichText(node.toJSON(), profile)
      expect(again).toEqual({ ok: true, doc: parsed.doc })
    }
  })
})

test('plain-text positions are ProseMirror positions', () => {
  const schema = getSchema(editorExtensions('full'))
  const node = Node.fromJSON(schema, sample)
  const map = richTextPlainTextMap(sample)
  expect(map.text).toBe(node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '')))
  for (const segment of map.segments) {
    expect(node.textBetween(segment.pos, segment.pos + segment.end - segment.start)).toBe(map.text.slice(segment.start, segment.end))
  }
  const start = map.text.indexOf('1990年5月3日')
  const [range] = plainRangeToDocRanges(map, start, start + '1990年5月3日'.length)
  expect(node.textBetween(range!.from, range!.to)).toBe('1990年5月3日')
})
