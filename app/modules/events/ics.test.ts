import { describe, expect, test } from 'vitest'
import { buildIcs, escapeText, foldLine, formatTokyoLocal, formatUtc } from './ics.ts'

/** A small RFC 5545 reader for the tests: unfolds lines, splits name;params:value and unescapes TEXT. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  // Every line break is CRLF: no bare LF or CR anywhere.
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  const logical = text.slice(0, -2).replace(/\r\n /g, '').split('\r\n')
  return logical.map((line) => {
    const colon = line.indexOf(':')
    const [name, ...params] = line.slice(0, colon).split(';')
    const raw = line.slice(colon + 1)
    const value = raw.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char))
    return { name: name!, params, raw, value }
  })
}

const event = {
  uid: 'evt123@qso-hub',
  stamp: new Date('2026-11-24T19:15:00Z'),
  startsAt: new Date('2026-12-05T04:00:00Z'), // 13:00 in Tokyo
  endsAt: new Date('2026-12-05T08:30:00Z'),
  summary: 'フォロー研修会（第3回）: 転倒・転落, 薬剤; RCA',
  description: '1行目\n2行目 \\ バックスラッシュ, カンマ; セミコロン。'.repeat(4),
  location: '名古屋大学医学部附属病院 中央診療棟, 3階 講堂',
}

describe('buildIcs', () => {
  test('parses back to the same event, with Tokyo times and a VTIMEZONE', () => {
    const props = parseIcs(buildIcs(event))
    const get = (name: string) => props.filter((prop) => prop.name === name)
    expect(props[0]).toMatchObject({ name: 'BEGIN', value: 'VCALENDAR' })
    expect(props.at(-1)).toMatchObject({ name: 'END', value: 'VCALENDAR' })
    expect(get('VERSION')[0]?.value).toBe('2.0')
    expect(get('PRODID')).toHaveLength(1)
    expect(get('BEGIN').map((prop) => prop.value)).toEqual(['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'VEVENT'])
    expect(get('TZID')[0]?.value).toBe('Asia/Tokyo')
    expect(get('UID')[0]?.value).toBe('evt123@qso-hub')
    expect(get('DTSTAMP')[0]?.value).toBe('20261124T191500Z')
    expect(get('DTSTART').at(-1)).toMatchObject({ params: ['TZID=Asia/Tokyo'], value: '20261205T130000' })
    expect(get('DTEND')[0]).toMatchObject({ params: ['TZID=Asia/Tokyo'], value: '20261205T173000' })
    expect(get('SUMMARY')[0]?.value).toBe(event.summary)
    expect(get('DESCRIPTION')[0]?.value).toBe(event.description)
    expect(get('LOCATION')[0]?.value).toBe(event.location)
    expect(get('URL')).toHaveLength(0)
  })

  test('leaves out what is not given', () => {
    const props = parseIcs(buildIcs({ ...event, description: undefined, location: undefined }))
    expect(props.map((prop) => prop.name)).not.toContain('DESCRIPTION')
    expect(props.map((prop) => prop.name)).not.toContain('LOCATION')
  })
})

describe('escapeText', () => {
  test.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['日本語', '日本語'],
  ])('%j → %j', (input, expected) => expect(escapeText(input)).toBe(expected))
})

describe('foldLine', () => {
  test('short lines stay as they are', () => expect(foldLine('SUMMARY:abc')).toBe('SUMMARY:abc'))

  test('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'患者安全'.repeat(30)}`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75)
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  test('never splits an escape sequence', () => {
    for (let pad = 60; pad < 80; pad += 1) {
      const folded = foldLine(`DESCRIPTION:${'x'.repeat(pad)}\\n\\,\\;\\\\${'y'.repeat(10)}`)
      for (const part of folded.split('\r\n')) expect(part.replace(/\\\\/g, '')).not.toMatch(/\\$/)
    }
  })

  test('an ASCII line of exactly 75 octets is not folded, 76 is', () => {
    expect(foldLine('x'.repeat(75))).not.toContain('\r\n')
    expect(foldLine('x'.repeat(76)).split('\r\n')).toEqual(['x'.repeat(75), ' x'])
  })
})

test('time formats', () => {
  expect(formatTokyoLocal(new Date('2026-12-31T15:30:00Z'))).toBe('20270101T003000')
  expect(formatUtc(new Date('2026-01-02T03:04:05Z'))).toBe('20260102T030405Z')
})
