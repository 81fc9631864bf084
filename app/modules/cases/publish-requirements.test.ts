import { describe, expect, test } from 'vitest'
import { richTextFromPlainText } from '#app/modules/rich-text/rich-text.ts'
import { missingForPublishing } from './publish-requirements.ts'

const text = (value: string) => richTextFromPlainText(value)
const factor = { factor: 'SHELL:L', description: '多忙で照合を省略した' }
const measure = { text: 'バーコード認証', strength: 'STRONG' as const, responsibleRole: '看護部', effectMeasure: '実施率' }
const complete = {
  chronology: text('18時頃に配薬した。'),
  analysis: text(''),
  countermeasuresText: text(''),
  lessons: text('二つの識別子で確認する。'),
  factors: [factor],
  countermeasures: [measure],
}

describe('what a published case must contain (drafts are never checked)', () => {
  test.each([
    ['a complete case (factors and countermeasures as rows)', {}, []],
    ['factors and countermeasures written as text instead of rows', { factors: [], countermeasures: [], analysis: text('照合の省略'), countermeasuresText: text('認証の必須化') }, []],
    ['no chronology', { chronology: text('') }, ['chronology']],
    ['no factor row and no 要因分析 text', { factors: [] }, ['analysis']],
    ['no countermeasure row and no 対策 text', { countermeasures: [] }, ['countermeasuresText']],
    ['lessons of blank lines only', { lessons: text(' \n \n') }, ['lessons']],
    ['nothing to learn from at all', { factors: [], countermeasures: [], lessons: text('') }, ['analysis', 'countermeasuresText', 'lessons']],
  ])('%s', (_name, overrides, fields) => {
    expect(Object.keys(missingForPublishing({ ...complete, ...overrides })).sort()).toEqual([...fields].sort())
  })

  test('each message says what to enter, in Japanese', () => {
    expect(missingForPublishing({ ...complete, lessons: text('') })).toEqual({ lessons: '公開するには教訓を入力してください' })
  })
})
