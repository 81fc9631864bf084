import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { plainRangeToDocRanges, richTextPlainTextMap, type RichTextDoc } from '#app/modules/rich-text/rich-text.ts'

/** One finding of POST /api/deidentify (offsets into the plain text that was sent). */
export type DeidFinding = {
  type: string
  start: number
  end: number
  text: string
  severity: 'block' | 'warn'
  replacement: string
}

/** A finding placed in the document: its decorations carry `id`, so masking follows the text as it moves. */
export type PlacedFinding = DeidFinding & { id: number }

type DecorationSpec = { deidId: number; first: boolean }

export const deidentifyKey = new PluginKey<DecorationSet>('deidentify')

/**
 * Highlights findings with inline decorations (class deid-block / deid-warn). They are mapped through every
 * edit, so they stay on their text until the next check replaces them.
 */
export function deidentifyPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: deidentifyKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const next = tr.getMeta(deidentifyKey) as DecorationSet | undefined
        return next ?? set.map(tr.mapping, tr.doc)
      },
    },
    props: {
      decorations: (state) => deidentifyKey.getState(state),
    },
  })
}

/**
 * Highlights findings with inline decorations (class deid-block / deid-warn). They are mapped through every
 * edit, so they stay on their text until the next check replaces them.
 */
export const DeidentifyHighlight = Extension.create({
  name: 'deidentifyHighlight',
  addProseMirrorPlugins: () => [deidentifyPlugin()],
})

/**
 * Places findings made on `plainText` in the document `doc`. Findings whose text no longer matches (the document
 * changed since) are left out. Returns the transaction that shows them (not added to undo history).
 */
export function placeFindings(state: EditorState, plainTextSent: string, findings: DeidFinding[]): { tr: Transaction; placed: PlacedFinding[] } | null {
  const map = richTextPlainTextMap(state.doc.toJSON() as RichTextDoc)
  if (map.text !== plainTextSent) return null
  const decorations: Decoration[] = []
  const placed: PlacedFinding[] = []
  findings.forEach((finding, id) => {
    if (map.text.slice(finding.start, finding.end) !== finding.text) return
    const ranges = plainRangeToDocRanges(map, finding.start, finding.end)
    if (!ranges.length) return
    ranges.forEach((range, index) => {
      const spec: DecorationSpec = { deidId: id, first: index === 0 }
      decorations.push(Decoration.inline(range.from, range.to, { class: `deid-${finding.severity === 'block' ? 'block' : 'warn'}` }, spec))
    })
    placed.push({ ...finding, id })
  })
  const tr = state.tr.setMeta(deidentifyKey, DecorationSet.create(state.doc, decorations)).setMeta('addToHistory', false)
  return { tr, placed }
}

export function clearFindings(state: EditorState): Transaction {
  return state.tr.setMeta(deidentifyKey, DecorationSet.empty).setMeta('addToHistory', false)
}

/**
 * The transaction that replaces the given findings' text with their replacements, wherever that text is now.
 * Pieces are applied from the end of the document backwards, so earlier positions stay valid; a finding split
 * over several text nodes gets its replacement in the first piece and loses the rest.
 */
export function maskTransaction(state: EditorState, findings: PlacedFinding[]): Transaction | null {
  const set = deidentifyKey.getState(state)
  if (!set) return null
  const replacements = new Map(findings.map((finding) => [finding.id, finding.replacement]))
  const masked = set.find(undefined, undefined, (spec: DecorationSpec) => replacements.has(spec.deidId))
  const pieces = masked
    .map((decoration) => ({ from: decoration.from, to: decoration.to, spec: decoration.spec as DecorationSpec }))
    .sort((a, b) => b.from - a.from)
  if (!pieces.length) return null
  const tr = state.tr
  let limit = Infinity
  for (const piece of pieces) {
    if (piece.to > limit || piece.to <= piece.from) continue // overlapping leftovers: skip
    if (piece.spec.first) tr.insertText(replacements.get(piece.spec.deidId) ?? '', piece.from, piece.to)
    else tr.delete(piece.from, piece.to)
    limit = piece.from
  }
  if (!tr.docChanged) return null
  // The masked findings' highlights go; the others follow the edit.
  return tr.setMeta(deidentifyKey, set.remove(masked).map(tr.mapping, tr.doc))
}

/** The document's plain text as sent for checking (same traversal as the server's richTextToPlainText). */
export function plainTextOf(doc: ProseMirrorNode): string {
  return richTextPlainTextMap(doc.toJSON() as RichTextDoc).text
}
