import { describe, expect, test } from 'vitest'
import { toCsv } from './csv.ts'

describe('toCsv', () => {
  test('starts with a UTF-8 BOM, quotes what needs quoting, CRLF rows, defuses formulas', () => {
    const csv = toCsv(['氏名', 'メモ'], [['安全 花子', 'a,"b"\nc'], ['=HYPERLINK("x")', null]])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(csv.slice(1)).toBe('氏名,メモ\r\n安全 花子,"a,""b""\nc"\r\n"\'=HYPERLINK(""x"")",\r\n')
  })
})
