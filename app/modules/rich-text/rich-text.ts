/**
 * Rich text as stored in QSO Hub: ProseMirror/Tiptap JSON checked against an allow-list.
 *
 * Client-safe (no I/O): the editor, the server actions, the importer and the de-identification scan all use it.
 *
 * Policy (docs/decisions/0013-rich-text.md):
 * - Unknown node or mark types are REJECTED (the whole document), never passed through or silently dropped,
 *   so that a tampered or foreign document is noticed.
 * - Unknown attributes and unknown keys on nodes and marks are DROPPED: the result is rebuilt from the
 *   allow-listed fields only. (The editor itself emits attributes we do not keep, e.g. a link's target/rel/class.)
 * - Known attributes with bad values (heading level 1, a javascript: link, colspan 99) are REJECTED.
 * - Text may contain anything; React escapes it when rendering. NUL and lone surrogates are replaced because
 *   PostgreSQL's jsonb cannot store them.
 */

export type RichTextProfile = 'full' | 'light'

export type RichTextMark = { type: string; attrs?: Record<string, unknown> }

export type RichTextNode = {
  type: string
  attrs?: Record<string, unknown>
  content?: RichTextNode[]
  marks?: RichTextMark[]
  text?: string
}

export type RichTextDoc = { type: 'doc'; content?: RichTextNode[] }

export type ParseRichTextResult = { ok: true; doc: RichTextDoc } | { ok: false; error: string }

export type ParseRichTextOptions = {
  /** Upper bound for richTextLength(doc); the field's own limit (e.g. 20,000 for a case section). */
  maxLength?: number
}

/** Deepest nesting accepted (doc = 0). A table cell holding a nested list is about 8. */
export const RICH_TEXT_MAX_DEPTH = 20
/** Hard ceilings independent of any field's maxLength, against oversized posts. */
export const RICH_TEXT_MAX_NODES = 50_000
export const RICH_TEXT_MAX_JSON_CHARS = 2_000_000
export const RICH_TEXT_MAX_TEXT_CHARS = 200_000
export const RICH_TEXT_MAX_HREF_CHARS = 2_048

export const EMPTY_RICH_TEXT: RichTextDoc = Object.freeze({ type: 'doc', content: [] }) as RichTextDoc

type NodeKind = 'block' | 'textblock' | 'inline' | 'text'

type NodeRule = {
  kind: NodeKind
  /** Allowed child types, or null for leaves. */
  children: readonly string[] | null
  /** At least one child required (ProseMirror `+`). Missing children are filled in rather than rejected. */
  nonEmpty?: boolean
}

const BLOCKS_FULL = ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote', 'horizontalRule', 'table']
const BLOCKS_LIGHT = ['paragraph', 'bulletList', 'orderedList']
const INLINE = ['text', 'hardBreak']

function profileRules(blocks: readonly string[]): Record<string, NodeRule> {
  return {
    doc: { kind: 'block', children: blocks },
    paragraph: { kind: 'textblock', children: INLINE },
    heading: { kind: 'textblock', children: INLINE },
    text: { kind: 'text', children: null },
    hardBreak: { kind: 'inline', children: null },
    bulletList: { kind: 'block', children: ['listItem'], nonEmpty: true },
    orderedList: { kind: 'block', children: ['listItem'], nonEmpty: true },
    listItem: { kind: 'block', children: blocks, nonEmpty: true },
    blockquote: { kind: 'block', children: blocks, nonEmpty: true },
    horizontalRule: { kind: 'block', children: null },
    table: { kind: 'block', children: ['tableRow'], nonEmpty: true },
    tableRow: { kind: 'block', children: ['tableCell', 'tableHeader'], nonEmpty: true },
    // Like Tiptap's cells (block+), so a table pasted inside a table is accepted; the depth limit bounds nesting.
    tableCell: { kind: 'block', children: blocks, nonEmpty: true },
    tableHeader: { kind: 'block', children: blocks, nonEmpty: true },
  }
}

const PROFILES: Record<RichTextProfile, { nodes: ReadonlySet<string>; marks: ReadonlySet<string>; rules: Record<string, NodeRule> }> = {
  full: {
    nodes: new Set([
      'doc', 'paragraph', 'text', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'hardBreak',
      'horizontalRule', 'table', 'tableRow', 'tableHeader', 'tableCell',
    ]),
    marks: new Set(['bold', 'italic', 'strike', 'code', 'link']),
    rules: profileRules(BLOCKS_FULL),
  },
  light: {
    nodes: new Set(['doc', 'paragraph', 'text', 'hardBreak', 'bulletList', 'orderedList', 'listItem']),
    marks: new Set(['bold', 'italic', 'link']),
    rules: profileRules(BLOCKS_LIGHT),
  },
}

/** Node types each profile accepts (the editor configures its extensions from this). */
export function allowedNodeTypes(profile: RichTextProfile): ReadonlySet<string> {
  return PROFILES[profile].nodes
}
export function allowedMarkTypes(profile: RichTextProfile): ReadonlySet<string> {
  return PROFILES[profile].marks
}

const NODE_LABELS: Record<string, string> = {
  heading: '見出し',
  blockquote: '引用',
  horizontalRule: '区切り線',
  table: '表',
  tableRow: '表',
  tableCell: '表',
  tableHeader: '表',
  strike: '取り消し線',
  code: 'コード',
  image: '画像',
  codeBlock: 'コードブロック',
}

const MESSAGES = {
  format: '本文の形式が正しくありません。ページを再読み込みして、もう一度入力してください。',
  tooLarge: '本文が大きすぎます。内容を分けて投稿してください。',
  tooDeep: '本文の入れ子（箇条書きや表の重なり）が深すぎます。',
  heading: '見出しは大・中・小（レベル2〜4）だけを使えます。',
  link: 'リンクには http://、https://、mailto: で始まるアドレスだけを使えます。',
  table: '表のセルの結合は1〜20の範囲にしてください。',
  listStart: '番号付きリストの開始番号が正しくありません。',
  unknownNode: (type: string) =>
    Object.hasOwn(NODE_LABELS, type) ? `ここでは「${NODE_LABELS[type]}」は使えません。` : `本文に使えない要素（${type.slice(0, 40)}）が含まれています。`,
  unknownMark: (type: string) =>
    Object.hasOwn(NODE_LABELS, type) ? `ここでは「${NODE_LABELS[type]}」は使えません。` : `本文に使えない書式（${type.slice(0, 40)}）が含まれています。`,
  misplaced: (type: string) => `本文の構造が正しくありません（${type.slice(0, 40)} の位置）。`,
  maxLength: (max: number, actual: number) =>
    `${max.toLocaleString('ja-JP')}文字以内で入力してください（現在 ${actual.toLocaleString('ja-JP')}文字）。`,
} as const

class RichTextError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what we look for
const NUL = /\u0000/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function cleanText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD')
}

// eslint-disable-next-line no-control-regex -- control characters (incl. tab/newline, which browsers strip from URLs) are refused
const URL_CONTROL_OR_SPACE = /[\u0000-\u0020\u007F-\u009F\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F\u3000\uFEFF]/
const ALLOWED_SCHEME = /^(?:https?:\/\/|mailto:)/i
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * A link target we are willing to render: http(s) with a host, or mailto. Returns the trimmed href, or null.
 * Checked on the trimmed string with a case-insensitive scheme, so " JaVaScRiPt:…", "java\tscript:…",
 * "//evil.example", "data:…" and entity-encoded tricks ("javascript&#58;…" is not a scheme) all fail.
 */
export function safeHref(input: unknown): string | null {
  if (typeof input !== 'string') return null
  const href = input.trim()
  if (!href || href.length > RICH_TEXT_MAX_HREF_CHARS) return null
  if (URL_CONTROL_OR_SPACE.test(href)) return null
  if (!ALLOWED_SCHEME.test(href)) return null
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return null
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && !url.hostname) return null
  if (url.protocol === 'mailto:' && href.length <= 'mailto:'.length) return null
  return href
}

function integerIn(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null
}

type Walk = { nodes: number; textChars: number }

function parseMarks(raw: unknown, profile: RichTextProfile): RichTextMark[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) throw new RichTextError(MESSAGES.format)
  const allowed = PROFILES[profile].marks
  const seen = new Set<string>()
  const marks: RichTextMark[] = []
  for (const item of raw) {
    if (!isRecord(item) || typeof item.type !== 'string') throw new RichTextError(MESSAGES.format)
    if (!allowed.has(item.type)) throw new RichTextError(MESSAGES.unknownMark(item.type))
    if (seen.has(item.type)) continue
    seen.add(item.type)
    if (item.type === 'link') {
      const attrs = isRecord(item.attrs) ? item.attrs : {}
      const href = safeHref(attrs.href)
      if (!href) throw new RichTextError(MESSAGES.link)
      marks.push({ type: 'link', attrs: { href } })
    } else {
      marks.push({ type: item.type })
    }
  }
  return marks.length ? marks : undefined
}

function parseAttrs(type: string, raw: unknown): Record<string, unknown> | undefined {
  const attrs = isRecord(raw) ? raw : {}
  switch (type) {
    case 'heading': {
      const level = integerIn(attrs.level, 2, 4)
      if (level === null) throw new RichTextError(MESSAGES.heading)
      return { level }
    }
    case 'orderedList': {
      if (attrs.start === undefined || attrs.start === null) return undefined
      const start = integerIn(attrs.start, 0, 1_000_000)
      if (start === null) throw new RichTextError(MESSAGES.listStart)
      return start === 1 ? undefined : { start }
    }
    case 'tableCell':
    case 'tableHeader': {
      const colspan = attrs.colspan === undefined || attrs.colspan === null ? 1 : integerIn(attrs.colspan, 1, 20)
      const rowspan = attrs.rowspan === undefined || attrs.rowspan === null ? 1 : integerIn(attrs.rowspan, 1, 20)
      if (colspan === null || rowspan === null) throw new RichTextError(MESSAGES.table)
      let colwidth: number[] | null = null
      if (Array.isArray(attrs.colwidth)) {
        if (attrs.colwidth.length > 20) throw new RichTextError(MESSAGES.table)
        const widths = attrs.colwidth.map((width) => integerIn(width, 0, 10_000))
        if (widths.some((width) => width === null)) throw new RichTextError(MESSAGES.table)
        colwidth = widths as number[]
      } else if (attrs.colwidth !== undefined && attrs.colwidth !== null) {
        throw new RichTextError(MESSAGES.table)
      }
      return { colspan, rowspan, colwidth }
    }
    default:
      return undefined
  }
}

function parseNode(raw: unknown, profile: RichTextProfile, depth: number, walk: Walk, parentType: string): RichTextNode | null {
  if (!isRecord(raw) || typeof raw.type !== 'string') throw new RichTextError(MESSAGES.format)
  if (depth > RICH_TEXT_MAX_DEPTH) throw new RichTextError(MESSAGES.tooDeep)
  if (++walk.nodes > RICH_TEXT_MAX_NODES) throw new RichTextError(MESSAGES.tooLarge)
  const { type } = raw
  const { nodes, rules } = PROFILES[profile]
  if (!nodes.has(type) || type === 'doc') throw new RichTextError(MESSAGES.unknownNode(type))
  const parentRule = rules[parentType]
  if (!parentRule?.children?.includes(type)) throw new RichTextError(MESSAGES.misplaced(type))
  const rule = rules[type]!

  if (rule.kind === 'text') {
    if (typeof raw.text !== 'string') throw new RichTextError(MESSAGES.format)
    const text = cleanText(raw.text)
    walk.textChars += text.length
    if (walk.textChars > RICH_TEXT_MAX_TEXT_CHARS) throw new RichTextError(MESSAGES.tooLarge)
    // ProseMirror refuses empty text nodes; an empty one carries nothing, so it is dropped.
    if (!text) return null
    const marks = parseMarks(raw.marks, profile)
    return marks ? { type, text, marks } : { type, text }
  }

  const node: RichTextNode = { type }
  const attrs = parseAttrs(type, raw.attrs)
  if (attrs) node.attrs = attrs
  if (rule.kind === 'inline') {
    const marks = parseMarks(raw.marks, profile)
    if (marks) node.marks = marks
  }
  if (rule.children) {
    if (raw.content !== undefined && raw.content !== null && !Array.isArray(raw.content)) {
      throw new RichTextError(MESSAGES.format)
    }
    const content: RichTextNode[] = []
    for (const child of (raw.content as unknown[] | undefined) ?? []) {
      const parsed = parseNode(child, profile, depth + 1, walk, type)
      if (parsed) content.push(parsed)
    }
    // Containers that ProseMirror requires to be non-empty get an empty paragraph rather than an error
    // (lists and tables get nothing: an empty list or table carries no content and is dropped).
    if (rule.nonEmpty && content.length === 0) {
      if (type === 'bulletList' || type === 'orderedList' || type === 'table' || type === 'tableRow') return null
      content.push({ type: 'paragraph' })
    }
    if (content.length) node.content = content
  }
  return node
}

/**
 * Validates and normalises a rich-text document. `input` is the parsed JSON or the JSON string a form posts;
 * null, undefined and '' are an empty document (the caller decides whether the field is required).
 */
export function parseRichText(input: unknown, profile: RichTextProfile, options: ParseRichTextOptions = {}): ParseRichTextResult {
  let value = input
  if (value === undefined || value === null || value === '') return { ok: true, doc: { type: 'doc', content: [] } }
  if (typeof value === 'string') {
    if (value.length > RICH_TEXT_MAX_JSON_CHARS) return { ok: false, error: MESSAGES.tooLarge }
    try {
      value = JSON.parse(value)
    } catch {
      return { ok: false, error: MESSAGES.format }
    }
  }
  if (!isRecord(value) || value.type !== 'doc') return { ok: false, error: MESSAGES.format }
  if (value.content !== undefined && value.content !== null && !Array.isArray(value.content)) {
    return { ok: false, error: MESSAGES.format }
  }
  try {
    const walk: Walk = { nodes: 0, textChars: 0 }
    const content: RichTextNode[] = []
    for (const child of (value.content as unknown[] | undefined) ?? []) {
      const parsed = parseNode(child, profile, 1, walk, 'doc')
      if (parsed) content.push(parsed)
    }
    const doc: RichTextDoc = { type: 'doc', content }
    if (options.maxLength !== undefined) {
      const length = richTextLength(doc)
      if (length > options.maxLength) return { ok: false, error: MESSAGES.maxLength(options.maxLength, length) }
    }
    return { ok: true, doc }
  } catch (error) {
    if (error instanceof RichTextError) return { ok: false, error: error.message }
    // A RangeError from a pathological input (e.g. stack exhaustion) is still just bad input.
    return { ok: false, error: MESSAGES.format }
  }
}

/** Plain text → document: paragraphs split on blank lines, single line breaks become hardBreaks. */
export function richTextFromPlainText(text: string): RichTextDoc {
  const normalised = cleanText(text.replace(/\r\n?/g, '\n'))
  const paragraphs = normalised
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
  return {
    type: 'doc',
    content: paragraphs.map((paragraph) => {
      const content: RichTextNode[] = []
      paragraph.split('\n').forEach((line, index) => {
        if (index > 0) content.push({ type: 'hardBreak' })
        if (line) content.push({ type: 'text', text: line })
      })
      return { type: 'paragraph', content }
    }),
  }
}

const TEXTBLOCKS = new Set(['paragraph', 'heading'])
const LEAVES = new Set(['text', 'hardBreak', 'horizontalRule'])

/** One text node's place in the plain text and in the document. */
export type PlainTextSegment = {
  /** Offsets into `text` (UTF-16 code units, like String.prototype.slice). */
  start: number
  end: number
  /** ProseMirror position of the text node's first character. */
  pos: number
  /** Indices from doc.content down to the text node. */
  path: number[]
}

export type PlainTextMap = { text: string; segments: PlainTextSegment[] }

/**
 * The plain text of a document (text blocks separated by "\n", hardBreak = "\n") together with where every text
 * node sits, both in that text and as a ProseMirror position. One traversal serves search, de-identification
 * offsets and masking, so the three always agree.
 */
export function richTextPlainTextMap(doc: RichTextDoc | { type: string; content?: readonly RichTextNode[] }): PlainTextMap {
  const lines: string[] = []
  const segments: PlainTextSegment[] = []
  let offset = 0 // length of lines.join('\n') so far, plus the separator owed before the next line
  let current: string | null = null

  function startLine() {
    if (lines.length > 0) offset += 1
    current = ''
  }
  function endLine() {
    if (current !== null) lines.push(current)
    current = null
  }

  // pos: position of the node's start in ProseMirror terms; returns the node's size
  function visit(node: RichTextNode, pos: number, path: number[]): number {
    if (node.type === 'text') {
      const text = node.text ?? ''
      if (current === null) startLine()
      segments.push({ start: offset, end: offset + text.length, pos, path })
      current += text
      offset += text.length
      return text.length
    }
    if (node.type === 'hardBreak') {
      if (current === null) startLine()
      current += '\n'
      offset += 1
      return 1
    }
    if (LEAVES.has(node.type)) return 1
    const textblock = TEXTBLOCKS.has(node.type)
    if (textblock) {
      endLine()
      startLine()
    }
    let size = 1
    node.content?.forEach((child, index) => {
      size += visit(child, pos + size, [...path, index])
    })
    if (textblock) endLine()
    return size + 1
  }

  let pos = 0
  doc.content?.forEach((child, index) => {
    pos += visit(child, pos, [index])
  })
  endLine()
  return { text: lines.join('\n'), segments }
}

/** Text blocks separated by "\n": what search indexes and de-identification scans. */
export function richTextToPlainText(doc: RichTextDoc): string {
  return richTextPlainTextMap(doc).text
}

export function isRichTextEmpty(doc: RichTextDoc): boolean {
  return richTextToPlainText(doc).trim() === ''
}

/**
 * Characters as the editor's counter shows them: the text of all text nodes counted in code points (an emoji
 * or a rare kanji outside the BMP is one character), each line break inside a paragraph as one. Block
 * boundaries are not counted.
 */
export function richTextLength(doc: RichTextDoc | { type: string; content?: readonly RichTextNode[] }): number {
  let count = 0
  const visit = (node: RichTextNode) => {
    if (node.type === 'text' && node.text) {
      for (const _ of node.text) count += 1
    } else if (node.type === 'hardBreak') {
      count += 1
    }
    node.content?.forEach(visit)
  }
  doc.content?.forEach(visit)
  return count
}

/** The ProseMirror ranges [from, to) that a plain-text range [start, end) covers, in document order. */
export function plainRangeToDocRanges(map: PlainTextMap, start: number, end: number): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = []
  if (!(end > start)) return ranges
  for (const segment of map.segments) {
    const from = Math.max(start, segment.start)
    const to = Math.min(end, segment.end)
    if (to > from) ranges.push({ from: segment.pos + (from - segment.start), to: segment.pos + (to - segment.start) })
  }
  return ranges
}

/**
 * Replaces the plain-text range [start, end) (offsets into richTextToPlainText(doc)) with `replacement`,
 * keeping the block structure and the marks of the first replaced character. A range that crosses
 * paragraphs puts the replacement in the first and removes the rest of the range from the others.
 * Returns a new document; `doc` is not changed.
 */
export function replaceTextRange(doc: RichTextDoc, start: number, end: number, replacement: string): RichTextDoc {
  const copy = structuredClone(doc) as RichTextDoc
  const map = richTextPlainTextMap(copy)
  const hit = map.segments.filter((segment) => Math.min(end, segment.end) > Math.max(start, segment.start))
  if (hit.length === 0) return copy
  const first = hit[0]
  // Later segments first, so the indices in earlier paths stay valid.
  for (const segment of [...hit].reverse()) {
    const parentPath = segment.path.slice(0, -1)
    const index = segment.path[segment.path.length - 1]!
    let parent: { content?: RichTextNode[] } = copy
    for (const step of parentPath) parent = parent.content![step]!
    const node = parent.content![index]!
    const text = node.text ?? ''
    const from = Math.max(start, segment.start) - segment.start
    const to = Math.min(end, segment.end) - segment.start
    // Before, replacement and after share the node's marks, so they stay one text node; an emptied node goes.
    const next = text.slice(0, from) + (segment === first ? replacement : '') + text.slice(to)
    if (next) parent.content!.splice(index, 1, { ...node, text: next })
    else parent.content!.splice(index, 1)
  }
  return copy
}

/**
 * Applies several replacements at once (e.g. every de-identification finding), offsets into the original plain
 * text. Overlapping ranges: the one starting first wins, the others are skipped.
 */
export function replaceTextRanges(doc: RichTextDoc, ranges: readonly { start: number; end: number; replacement: string }[]): RichTextDoc {
  const ordered = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start)
  const kept: typeof ordered = []
  for (const range of ordered) {
    const previous = kept[kept.length - 1]
    if (!previous || range.start >= previous.end) kept.push(range)
  }
  let out = doc
  // From the end backwards, so the offsets of earlier ranges stay valid.
  for (const range of kept.reverse()) out = replaceTextRange(out, range.start, range.end, range.replacement)
  return out === doc ? (structuredClone(doc) as RichTextDoc) : out
}
