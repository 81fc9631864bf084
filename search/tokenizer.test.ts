import { describe, expect, test } from 'vitest'
import { fold, parseQuery, synonymMap, tokenize, typoBudget } from './tokenizer.ts'

describe('fold', () => {
  test.each([
    ['ｲﾝｽﾘﾝ', 'いんすりん'],
    ['インスリン', 'いんすりん'],
    ['いんすりん', 'いんすりん'],
    ['ＲＲＳ　１２３', 'rrs 123'],
    ['ヴ', 'ゔ'],
    ['センサー', 'せんさー'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected))
})

describe('tokenize', () => {
  test.each([
    ['インスリンの過量投与により低血糖', ['いんすりん', '過量', '投与', '低血糖']],
    ['ｲﾝｽﾘﾝ単位誤り', ['いんすりん', '単位', '誤り']],
    ['夜間せん妄患者のベッドからの転落', ['夜間', 'せん妄', '患者', 'べっど', '転落']],
    ['  ', []],
  ])('%s', (input, expected) => expect(tokenize(input)).toEqual(expected))
})

describe('parseQuery', () => {
  test('plain words become one clause each', () => {
    expect(parseQuery('夜間 せん妄').clauses.length).toBe(2)
  })
  test('a synonym expression becomes one clause with every member of its group', () => {
    const { clauses, terms } = parseQuery('転倒 夜間')
    expect(clauses[0]?.alternatives).toContainEqual(['転落'])
    expect(clauses[0]?.synonym).toBe(true)
    expect(clauses[1]?.alternatives).toEqual([['夜間']])
    expect(terms).toContain('転落')
  })
  test('multi-token synonyms (与薬エラー = 誤薬) are matched as sequences, katakana folded', () => {
    const { clauses } = parseQuery('与薬エラー')
    expect(clauses).toHaveLength(1)
    expect(clauses[0]?.alternatives.map((a) => a.join(''))).toContain('誤薬')
  })
  test('half-width and hiragana spellings reach the same group', () => {
    expect(parseQuery('ｲﾝｼｭﾘﾝ').clauses[0]?.alternatives).toContainEqual(['いんすりん'])
  })
})

test('synonymMap maps every expression to the others of its group', () => {
  const map = synonymMap()
  expect(map['転倒']).toContain('転落')
  expect(map['転倒']).not.toContain('転倒')
})

test.each([
  ['薬', 0],
  ['いんすりん', 1],
  ['あなふぃらきしー', 2],
])('typo budget of %s is %i', (token, budget) => expect(typoBudget(token)).toBe(budget))

test('a katakana word ICU cuts into pieces is indexed whole as well', () => {
  expect(tokenize('ノルアドレナリン')).toEqual(expect.arrayContaining(['あどれなりん', 'のるあどれなりん']))
})

test('a kana word typed as a query stays whole, with ICU pieces as an alternative', () => {
  const { clauses } = parseQuery('ノルアドレナリソ')
  expect(clauses[0]?.alternatives[0]).toEqual(['のるあどれなりそ'])
})
