/**
 * Snippets with highlight ranges, computed from the original text and the folded terms that matched. The UI
 * renders ranges as <mark> elements; no engine-produced markup is ever rendered.
 */
import { fold, segment } from './tokenizer.ts'

export type Highlighted = { text: string; highlights: [number, number][] }

function matches(word: string, terms: string[]): boolean {
  const folded = fold(word)
  // Prefix: the document word starts with a query term (typing), or is a term's expansion.
  return terms.some((term) => term.length > 0 && (folded === term || folded.startsWith(term)))
}

const KATAKANA = /^[\u30a1-\u30fa\u30fc\uff66-\uff9f]+$/

/** Every matching word of the whole text (titles); a katakana run cut by ICU is tried whole first. */
export function highlightAll(text: string, terms: string[]): Highlighted {
  const highlights: [number, number][] = []
  const parts = segment(text)
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!part?.wordLike) continue
    if (KATAKANA.test(part.text)) {
      let j = i
      while (parts[j + 1]?.wordLike && KATAKANA.test(parts[j + 1]?.text ?? '')) j++
      const last = parts[j]
      if (j > i && last && matches(text.slice(part.start, last.end), terms)) {
        highlights.push([part.start, last.end])
        i = j
        continue
      }
    }
    if (matches(part.text, terms)) highlights.push([part.start, part.end])
  }
  return { text, highlights: merge(highlights) }
}

/** A window of about `length` characters around the first match (or the start), with its highlights. */
export function snippet(text: string, terms: string[], length = 120): Highlighted {
  const flat = text.replace(/\s+/g, ' ').trim()
  const all = highlightAll(flat, terms).highlights
  const first = all[0]
  let start = first ? Math.max(0, first[0] - Math.floor(length / 4)) : 0
  let end = Math.min(flat.length, start + length)
  start = Math.max(0, Math.min(start, end - length))
  // Do not cut a highlighted word in half at the edges.
  for (const [s, e] of all) {
    if (s < start && e > start) start = s
    if (s < end && e > end) end = e
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < flat.length ? '…' : ''
  const shift = prefix.length - start
  const highlights = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s + shift, e + shift])
  return { text: prefix + flat.slice(start, end) + suffix, highlights }
}

function merge(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** Split into plain and highlighted parts (what the React component maps to text and <mark>). */
export function highlightParts({ text, highlights }: Highlighted): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = []
  let at = 0
  for (const [s, e] of highlights) {
    if (s > at) parts.push({ text: text.slice(at, s), mark: false })
    parts.push({ text: text.slice(s, e), mark: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false })
  return parts
}
