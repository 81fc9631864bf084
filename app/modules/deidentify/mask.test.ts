import { describe, expect, test } from 'vitest'
import { findIdentifiers, maskFindings, type Finding } from './detect.ts'

const finding = (start: number, end: number, replacement: string, text = ''): Finding => ({
  type: 'person-name',
  start,
  end,
  text,
  severity: 'block',
  replacement,
})

describe('maskFindings', () => {
  test('replaces every finding, whatever order they come in', () => {
    expect(maskFindings('山田様と佐藤さん', [finding(4, 8, '○○さん'), finding(0, 3, '○○様')])).toBe('○○様と○○さん')
  })

  test('no findings leaves the text alone', () => {
    expect(maskFindings('そのまま', [])).toBe('そのまま')
  })

  test('overlapping or out-of-range findings are skipped instead of garbling the text', () => {
    expect(maskFindings('abcdef', [finding(1, 4, 'X'), finding(2, 5, 'Y')])).toBe('abYf')
    expect(maskFindings('abc', [finding(2, 10, 'X'), finding(-1, 1, 'Y')])).toBe('abc')
  })

  test('masking what findIdentifiers found leaves nothing to find', () => {
    const text = '山田太郎様（ID: 1234567、生年月日1940年1月2日、95歳）は令和6年5月3日に〒466-8560 愛知県名古屋市昭和区鶴舞町65から搬送。連絡先 090-1234-5678、taro@example.jp'
    const masked = maskFindings(text, findIdentifiers(text))
    expect(masked).toBe('○○様（ID: ○○、生年月日○○、90歳以上）はX日目に〒○○○-○○○○ 愛知県○○から搬送。連絡先 ○○、○○')
    expect(findIdentifiers(masked).filter((f) => f.severity === 'block')).toEqual([])
  })

  test('offsets index the original text, full-width characters and surrogate pairs included', () => {
    const text = '𠮷野家で、ＴＥＬ：０５２－７４４－２０００の山田　花子さん'
    const findings = findIdentifiers(text)
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text)
    expect(findings.map((f) => f.text)).toEqual(['０５２－７４４－２０００', '山田　花子さん'])
  })

  test('characters that NFKC expands or composes map back to the whole original character', () => {
    const text = '㍻30年1月5日、ﾔﾏﾀﾞ様に配薬した。'
    const findings = findIdentifiers(text)
    expect(findings.map((f) => [f.type, f.text])).toEqual([
      ['date', '㍻30年1月5日'],
      ['person-name', 'ﾔﾏﾀﾞ様'],
    ])
    expect(maskFindings(text, findings)).toBe('X日目、○○様に配薬した。')
  })
})
