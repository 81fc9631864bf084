import { describe, expect, test } from 'vitest'
import {
  AQSO_TRACKS,
  COURSES,
  japaneseWeekday,
  NO_SESSION,
  RECRUITMENT,
  recruitmentState,
  SCHEDULE,
  SCHEDULE_COLUMNS,
  splitWebMarks,
  STUDENTS_BY_YEAR,
} from './programme.ts'

describe('recruitmentState (Japan time, both end days included)', () => {
  test.each([
    { now: '2026-04-30T23:59:59+09:00', expected: 'before' },
    { now: '2026-05-01T00:00:00+09:00', expected: 'open' },
    { now: '2026-04-30T15:00:00Z', expected: 'open' }, // the same instant seen from UTC
    { now: '2026-06-01T12:00:00+09:00', expected: 'open' },
    { now: '2026-06-30T23:59:00+09:00', expected: 'open' },
    { now: '2026-06-30T23:59:59.999+09:00', expected: 'open' },
    { now: '2026-07-01T00:00:00+09:00', expected: 'closed' },
    { now: '2026-06-30T15:00:00Z', expected: 'closed' },
    { now: '2027-01-01T00:00:00+09:00', expected: 'closed' },
  ])('$now → $expected', ({ now, expected }) => {
    expect(recruitmentState(new Date(now))).toBe(expected)
  })

  test('the brief’s boundaries at minute precision', () => {
    expect(recruitmentState(new Date('2026-04-30T23:59+09:00'))).toBe('before')
    expect(recruitmentState(new Date('2026-05-01T00:00+09:00'))).toBe('open')
    expect(recruitmentState(new Date('2026-06-30T23:59+09:00'))).toBe('open')
    expect(recruitmentState(new Date('2026-07-01T00:00+09:00'))).toBe('closed')
  })

  test('the period is FY2026: 2026-05-01 (Fri) to 2026-06-30 (Tue)', () => {
    expect(RECRUITMENT.opens).toBe('2026-05-01')
    expect(RECRUITMENT.closes).toBe('2026-06-30')
    expect(japaneseWeekday(RECRUITMENT.opens)).toBe('金')
    expect(japaneseWeekday(RECRUITMENT.closes)).toBe('火')
    expect(RECRUITMENT.note).toBe('日程は変更になる場合があります')
  })
})

describe('courses', () => {
  test.each([
    { code: 'CQSO', name: '最高質安全責任者', feeYen: 1_200_000, hours: 150, cohort: 8, grmTraining: true, students2024: 5 },
    { code: 'EQSO', name: 'エキスパート', feeYen: 600_000, hours: 120, cohort: 5, grmTraining: true, students2024: 3 },
    { code: 'AQSO', name: 'アドバンスト', feeYen: 250_000, hours: 50, cohort: 5, grmTraining: false, students2024: 3 },
  ] as const)('$code: fee, hours and cohort as in domain.md', ({ code, students2024, ...facts }) => {
    const course = COURSES.find((c) => c.code === code)
    expect(course).toMatchObject(facts)
    expect(STUDENTS_BY_YEAR.counts[code]).toBe(students2024)
  })

  test('AQSO has the four tracks 日々・有事・平時・問題, each described', () => {
    expect(AQSO_TRACKS.map((t) => t.name)).toEqual(['日々', '有事', '平時', '問題'])
    for (const track of AQSO_TRACKS) expect(track.description.length).toBeGreaterThan(0)
  })
})

describe('schedule', () => {
  test('six columns: CQSO, EQSO and the four AQSO tracks', () => {
    expect(SCHEDULE_COLUMNS.map((c) => c.key)).toEqual(['CQSO', 'EQSO', 'AQSO_DAILY', 'AQSO_CRISIS', 'AQSO_NORMAL', 'AQSO_PROBLEM'])
    const trackColumns = SCHEDULE_COLUMNS.filter((c) => c.course === 'AQSO').map((c) => c.label)
    expect(trackColumns).toEqual(AQSO_TRACKS.map((t) => t.name))
  })

  test('rows クール1–7 then 成果報告会', () => {
    expect(SCHEDULE.rows.map((r) => r.label)).toEqual([
      'クール1', 'クール2', 'クール3', 'クール4', 'クール5', 'クール6', 'クール7', '成果報告会',
    ])
  })

  test.each(SCHEDULE.rows.map((row) => ({ label: row.label, row })))('$label has a non-empty cell for each of the six columns', ({ row }) => {
    const keys = SCHEDULE_COLUMNS.map((c) => c.key)
    expect(Object.keys(row.cells).sort()).toEqual([...keys].sort())
    for (const key of keys) expect(row.cells[key].trim()).not.toBe('')
  })

  test('cells copied from domain.md, including none and Web sessions', () => {
    const [, , cool3, , , cool6, cool7, results] = SCHEDULE.rows
    expect(cool3?.cells.CQSO).toBe('10/20 Web; 10/27–30')
    expect(cool3?.cells.AQSO_CRISIS).toBe(NO_SESSION)
    expect(cool6?.cells.EQSO).toBe('問題解決実践: 2027/2/4, 2/19, 3/15, 4/23 (Web)')
    expect(cool6?.cells.AQSO_PROBLEM).toBe(cool6?.cells.EQSO)
    expect(cool7?.cells.CQSO).toBe('2027/3/11,12')
    expect(Object.values(results?.cells ?? {})).toEqual(Array(6).fill('2027/6/12'))
  })
})

describe('splitWebMarks', () => {
  const text = (t: string) => ({ text: t, web: false })
  const web = { text: 'Web', web: true }
  test.each([
    { cell: '2026/9/15–18', parts: [text('2026/9/15–18')] },
    { cell: '10/20 Web; 10/27–30', parts: [text('10/20'), web, text('; 10/27–30')] },
    { cell: '日々の取り組み授業: 日程未定 (Web)', parts: [text('日々の取り組み授業: 日程未定'), web] },
    { cell: '–', parts: [text('–')] },
  ])('$cell', ({ cell, parts }) => {
    expect(splitWebMarks(cell)).toEqual(parts)
  })

  test('every Web session in the schedule is found', () => {
    const webCells = SCHEDULE.rows.flatMap((row) => Object.values(row.cells)).filter((cell) => cell.includes('Web'))
    expect(webCells.length).toBeGreaterThan(0)
    for (const cell of webCells) expect(splitWebMarks(cell).some((part) => part.web)).toBe(true)
  })
})
