/**
 * Japanese-aware text processing shared by both engines, the highlighter and the tests.
 * - `fold`: NFKC (ｲﾝｽﾘﾝ → インスリン, full-width digits/letters → ASCII), lower case, katakana → hiragana.
 * - `segment`: Intl.Segmenter word segmentation (ICU dictionary) over the original text, with positions.
 * - `tokenize`: the folded word-like tokens used for indexing, without lone particles.
 * - `parseQuery`: a query as clauses (AND) of alternatives (OR) of token sequences (AND), with synonyms expanded.
 */
import { SYNONYM_GROUPS } from './synonyms.ts'

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' })

/** Katakana (ァ..ヶ) to hiragana; the prolonged sound mark ー is kept (it is shared by both scripts). */
function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))
}

export function fold(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC').toLowerCase())
}

export type Segment = { text: string; start: number; end: number; wordLike: boolean }

/** Words of the original text with their positions (for highlighting); never changes the text. */
export function segment(text: string): Segment[] {
  const segments: Segment[] = []
  for (const part of segmenter.segment(text)) {
    segments.push({ text: part.segment, start: part.index, end: part.index + part.segment.length, wordLike: part.isWordLike ?? false })
  }
  return segments
}

// Function words that carry no meaning on their own; single hiragana characters are dropped as well.
const STOP_WORDS = new Set(['の', 'を', 'に', 'が', 'は', 'で', 'と', 'も', 'へ', 'や', 'から', 'まで', 'より', 'により', 'による', 'ため', 'こと', 'もの', 'など', 'して', 'した', 'する', 'され', 'された', 'ない', 'あり', 'ある', 'いる', 'れる', 'られ', 'った', 'です', 'ます'])

function isMeaningful(token: string): boolean {
  if (STOP_WORDS.has(token)) return false
  if (token.length === 1 && /[\u3041-\u309f]/.test(token)) return false
  return true
}

const KATAKANA_RUN = /^[\u30a1-\u30fa\u30fc]+$/

/**
 * Index tokens: folded, segmented, function words removed. Segments the NFKC form so half-width kana split right.
 * ICU sometimes cuts a katakana word into pieces (ノ|ル|アドレナリン); a run of katakana pieces is indexed whole
 * as well, so the whole word (and a typo in it) matches.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  let run: string[] = []
  const flushRun = () => {
    if (run.length > 1) tokens.push(fold(run.join('')))
    run = []
  }
  for (const part of segmenter.segment(text.normalize('NFKC'))) {
    if (part.isWordLike && KATAKANA_RUN.test(part.segment)) run.push(part.segment)
    else flushRun()
    if (!part.isWordLike) continue
    const token = fold(part.segment)
    if (isMeaningful(token)) tokens.push(token)
  }
  flushRun()
  return tokens
}

/** One way of expressing a query part: all its tokens must match. */
export type Alternative = string[]
/** A query part: any of its alternatives may match (synonyms). */
export type Clause = { alternatives: Alternative[]; synonym: boolean; /** index of what the member typed among the alternatives */ original: number }
export type ParsedQuery = { clauses: Clause[]; /** every token of every alternative, for highlighting */ terms: string[] }

type SynonymEntry = { tokens: string[]; group: Alternative[] }
let synonymIndex: SynonymEntry[] | undefined

function synonymEntries(): SynonymEntry[] {
  if (synonymIndex) return synonymIndex
  const entries: SynonymEntry[] = []
  for (const group of SYNONYM_GROUPS) {
    const alternatives = uniqueAlternatives(group.map((expression) => queryTokens(expression).map((token) => token.token)).filter((tokens) => tokens.length > 0))
    for (const tokens of alternatives) entries.push({ tokens, group: alternatives })
  }
  // Longest expressions first, so 転倒転落 wins over 転倒.
  synonymIndex = entries.sort((a, b) => b.tokens.length - a.tokens.length)
  return synonymIndex
}

function uniqueAlternatives(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>()
  return alternatives.filter((tokens) => {
    const key = tokens.join(' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Synonym groups as folded, space-separated expressions (Meilisearch's `synonyms` setting). */
export function synonymMap(): Record<string, string[]> {
  const map: Record<string, string[]> = {}
  for (const entry of synonymEntries()) {
    const key = entry.tokens.join(' ')
    map[key] = entry.group.map((tokens) => tokens.join(' ')).filter((expression) => expression !== key)
  }
  return map
}

type QueryToken = { token: string; /** ICU's split of an all-hiragana word, tried as well */ split?: string[] }

const KANA_WORD = /^[\u3041-\u3096\u30a1-\u30fa\u30fc]{2,}$/

/**
 * Query words. A word typed entirely in kana is kept whole (with ICU's split as an alternative): ICU has no
 * dictionary entry for a loan word typed in hiragana (いんすりん) or mistyped (ノルアドレナリソ) and would cut it
 * into syllables, while the index holds katakana runs whole. Everything else is segmented like indexed text.
 */
export function queryTokens(query: string): QueryToken[] {
  const tokens: QueryToken[] = []
  for (const chunk of query.normalize('NFKC').split(/\s+/)) {
    if (!chunk) continue
    if (KANA_WORD.test(chunk)) {
      const token = fold(chunk)
      if (!isMeaningful(token)) continue
      const split = tokenize(chunk).filter((piece) => piece !== token)
      tokens.push(split.length > 1 || split[0] !== token ? { token, split } : { token })
    } else {
      for (const token of tokenize(chunk)) tokens.push({ token })
    }
  }
  return tokens
}

export function parseQuery(query: string): ParsedQuery {
  const tokens = queryTokens(query)
  const clauses: Clause[] = []
  let i = 0
  outer: while (i < tokens.length) {
    for (const entry of synonymEntries()) {
      const length = entry.tokens.length
      if (entry.tokens.every((token, k) => tokens[i + k]?.token === token)) {
        const original = entry.group.findIndex((alternative) => alternative.join(' ') === entry.tokens.join(' '))
        clauses.push({ alternatives: entry.group, synonym: true, original })
        i += length
        continue outer
      }
    }
    const token = tokens[i] as QueryToken
    clauses.push({ alternatives: token.split?.length ? [[token.token], token.split] : [[token.token]], synonym: false, original: 0 })
    i += 1
  }
  const terms = [...new Set(clauses.flatMap((clause) => clause.alternatives.flat()))]
  return { clauses, terms }
}

/** Allowed typos by token length: none for short words (kanji compounds are 2–3 characters), more for longer ones. */
export function typoBudget(token: string): number {
  if (token.length >= 8) return 2
  if (token.length >= 4) return 1
  return 0
}
