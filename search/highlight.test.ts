import { expect, test } from 'vitest'
import { highlightAll, highlightParts, snippet } from './highlight.ts'

test('highlights words of the original text matched by folded terms, half-width included', () => {
  const result = highlightAll('ｲﾝｽﾘﾝの過量投与', ['いんすりん', '投与'])
  expect(highlightParts(result)).toEqual([
    { text: 'ｲﾝｽﾘﾝ', mark: true },
    { text: 'の過量', mark: false },
    { text: '投与', mark: true },
  ])
})

test('a snippet is a window around the first match, marked as cut', () => {
  const text = `${'前置き。'.repeat(60)}夜間にベッドから転落した。${'後書き。'.repeat(60)}`
  const result = snippet(text, ['転落'], 60)
  expect(result.text.startsWith('…')).toBe(true)
  expect(result.text.endsWith('…')).toBe(true)
  const marked = highlightParts(result).filter((part) => part.mark)
  expect(marked.map((part) => part.text)).toEqual(['転落'])
})

test('no match: the start of the text, nothing highlighted', () => {
  expect(snippet('短い本文', ['なし'])).toEqual({ text: '短い本文', highlights: [] })
})

test('a katakana run cut by ICU is highlighted whole', () => {
  const result = highlightAll('ノルアドレナリンを投与', ['のるあどれなりん'])
  expect(highlightParts(result).filter((part) => part.mark).map((part) => part.text)).toEqual(['ノルアドレナリン'])
})
