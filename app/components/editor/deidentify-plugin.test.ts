import { getSchema } from '@tiptap/core'
import { Node } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, test } from 'vitest'
import { parseRichText, richTextToPlainText, type RichTextDoc, type RichTextNode } from '#app/modules/rich-text/rich-text.ts'
import { deidentifyKey, deidentifyPlugin, maskTransaction, placeFindings, plainTextOf, type DeidFinding } from './deidentify-plugin.ts'
import { editorExtensions } from './extensions.ts'

const schema = getSchema(editorExtensions('full'))
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => (marks ? { type: 'text', text, marks } : { type: 'text', text })

const doc: RichTextDoc = {
  type: 'doc',
  content: [
    p(t('患者 '), t('山田', [{ type: 'bold' }]), t('太郎様は')),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('2024年5月3日に転倒'))] }] },
    p(t('連絡先 052-000-0000')),
  ],
}

function stateOf(json: RichTextDoc) {
  return EditorState.create({ doc: Node.fromJSON(schema, json), plugins: [deidentifyPlugin()] })
}

function find(text: string, needle: string, rest: Omit<DeidFinding, 'start' | 'end' | 'text'>): DeidFinding {
  const start = text.indexOf(needle)
  return { start, end: start + needle.length, text: needle, ...rest }
}

describe('live findings in the editor', () => {
  const text = richTextToPlainText(doc)
  const findings = [
    find(text, '山田太郎様', { type: 'person-name', severity: 'block', replacement: '○○様' }),
    find(text, '2024年5月3日', { type: 'date', severity: 'block', replacement: 'X日目' }),
    find(text, '052-000-0000', { type: 'phone', severity: 'warn', replacement: '○○' }),
  ]

  test('plain text in the editor is the server plain text', () => {
    expect(plainTextOf(stateOf(doc).doc)).toBe(text)
  })

  test('findings become decorations on exactly their text', () => {
    const state = stateOf(doc)
    const placedResult = placeFindings(state, text, findings)!
    const next = state.apply(placedResult.tr)
    const decorations = deidentifyKey.getState(next)!.find()
    const shown = decorations.map((d) => [next.doc.textBetween(d.from, d.to), (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class])
    expect(shown).toEqual([
      ['山田', 'deid-block'],
      ['太郎様', 'deid-block'],
      ['2024年5月3日', 'deid-block'],
      ['052-000-0000', 'deid-warn'],
    ])
    expect(placedResult.placed.map((f) => f.id)).toEqual([0, 1, 2])
  })

  test('stale answers (text changed meanwhile) are ignored, mismatching findings skipped', () => {
    const state = stateOf(doc)
    expect(placeFindings(state, text + 'x', findings)).toBeNull()
    const wrong = { ...findings[0]!, text: '別人' }
    expect(placeFindings(state, text, [wrong])!.placed).toEqual([])
  })

  test('masking one finding, then all, keeps structure and marks and yields a valid document', () => {
    let state = stateOf(doc)
    const { tr, placed } = placeFindings(state, text, findings)!
    state = state.apply(tr)
    state = state.apply(maskTransaction(state, [placed[1]!])!)
    expect(plainTextOf(state.doc)).toBe('患者 山田太郎様は\nX日目に転倒\n連絡先 052-000-0000')
    // The other decorations followed the edit.
    state = state.apply(maskTransaction(state, placed)!)
    expect(plainTextOf(state.doc)).toBe('患者 ○○様は\nX日目に転倒\n連絡先 ○○')
    const json = state.doc.toJSON() as RichTextDoc
    expect(json.content?.[0]).toEqual(p(t('患者 '), t('○○様', [{ type: 'bold' }]), t('は')))
    expect(parseRichText(json, 'full').ok).toBe(true)
    expect(maskTransaction(state, placed)).toBeNull()
  })

  test('an edit inside a highlighted name moves the highlight along', () => {
    let state = stateOf(doc)
    const { tr, placed } = placeFindings(state, text, findings)!
    state = state.apply(tr)
    state = state.apply(state.tr.insertText('【', 1))
    state = state.apply(maskTransaction(state, [placed[0]!])!)
    expect(plainTextOf(state.doc).split('\n')[0]).toBe('【患者 ○○様は')
  })
})
