import { describe, expect, test } from 'vitest'
import { blockingFindings, describeBlocking } from './publish-guard.ts'

describe('blockingFindings', () => {
  test('lists only block findings, with the field they are in', () => {
    const list = blockingFindings([
      { field: 'summary', label: '概要', text: '転倒事例。影響度3b。' },
      { field: 'analysis', label: '要因分析', text: '山田様は2024年5月3日に名古屋第一病院から転院した。' },
    ])
    expect(list.map(({ field, finding }) => [field, finding.type, finding.text])).toEqual([
      ['analysis', 'person-name', '山田様'],
      ['analysis', 'date', '2024年5月3日'],
      ['analysis', 'facility-name', '名古屋第一病院'],
    ])
  })

  test('no fields, empty text or clean text block nothing', () => {
    expect(blockingFindings([])).toEqual([])
    expect(blockingFindings([{ field: 'body', label: '経過', text: '' }])).toEqual([])
    expect(blockingFindings([{ field: 'body', label: '経過', text: '入院3日目の14:30、○○様が転倒した。' }])).toEqual([])
  })
})

describe('describeBlocking', () => {
  test('one Japanese sentence per finding saying where it is and what it is', () => {
    const messages = describeBlocking(
      blockingFindings([
        { field: 'analysis', label: '要因分析', text: '山田様の転倒。' },
        { field: 'timeline', label: '経過', text: '連絡先 052-744-2000' },
      ]),
    )
    expect(messages).toEqual(['「要因分析」の「山田様」（氏名）を伏せてください', '「経過」の「052-744-2000」（電話番号）を伏せてください'])
  })

  test('long findings are shortened', () => {
    const [message] = describeBlocking(
      blockingFindings([{ field: 'body', label: '経過', text: '住所：愛知県名古屋市昭和区鶴舞町六十五番地の一みなと荘という名前のアパートの二階の奥の部屋' }]),
    )
    expect(message).toBe('「経過」の「愛知県名古屋市昭和区鶴舞町六十五番地の一みなと荘という名前の…」（住所）を伏せてください')
  })
})
