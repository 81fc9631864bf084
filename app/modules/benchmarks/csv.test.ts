import { describe, expect, test } from 'vitest'
import { parseBenchmarkCsv, serialiseBenchmarkCsv, csvTemplate } from './csv.ts'
import { CSV_COLUMNS, emptyCounts, type Counts } from './fields.ts'
import { validateSubmission } from './validate.ts'

const now = new Date('2026-11-24T12:00:00Z')
const header = CSV_COLUMNS.join(',')
// 100 reports: levels 60/25/9/3/2/0/0/1/0, professions 8/80/6/2/1/1/2, categories 30/1/20/5/14/10/15/5
const good = (period: string) =>
  `${period},400,11000,100,60,25,9,3,2,0,0,1,0,8,80,6,2,1,1,2,30,1,20,5,14,10,15,5,12,1`

describe('parsing an import', () => {
  test('reads a good file, with or without the BOM Excel writes', () => {
    for (const prefix of ['', '\uFEFF']) {
      const result = parseBenchmarkCsv(`${prefix}${header}\r\n${good('2025-04')}\r\n${good('2025-05')}\r\n`, now)
      expect(result.fileErrors).toEqual([])
      expect(result.valid).toBe(true)
      expect(result.rows.map((row) => row.value?.period)).toEqual(['2025-04', '2025-05'])
      expect(result.rows[0]?.value?.counts).toMatchObject({ beds: 400, patientDays: 11000, reportsTotal: 100, level5: 1, falls: 12, fallsInjury: 1 })
    }
  })

  test('columns may come in another order', () => {
    const columns = [...CSV_COLUMNS].reverse()
    const values = good('2025-04').split(',').reverse()
    const result = parseBenchmarkCsv(`${columns.join(',')}\n${values.join(',')}\n`, now)
    expect(result.valid).toBe(true)
    expect(result.rows[0]?.value?.counts.beds).toBe(400)
  })

  test('wrong headers are explained: missing, unknown, duplicated, or no header at all', () => {
    const renamed = header.replace('patient_days', 'patientdays')
    const result = parseBenchmarkCsv(`${renamed}\n${good('2025-04')}\n`, now)
    expect(result.valid).toBe(false)
    expect(result.fileErrors.join('\n')).toContain('次の列がありません: patient_days')
    expect(result.fileErrors.join('\n')).toContain('使えない列があります: patientdays')

    const doubled = parseBenchmarkCsv(`${header},falls\n${good('2025-04')},1\n`, now)
    expect(doubled.fileErrors.join('\n')).toContain('同じ列が2回あります: falls')

    const noHeader = parseBenchmarkCsv(`${good('2025-04')}\n`, now)
    expect(noHeader.fileErrors[0]).toContain('見出し行になっていません')
  })

  test('every broken row gets its own messages, by line', () => {
    const rows = [
      good('2025-04'),
      good('2025-13'), // no such month
      good('2025-06').replace(',400,', ',-3,'), // negative beds
      good('2025-07').replace(',100,60,', ',101,60,'), // total 101, breakdowns add up to 100
      good('2025-08').replace(',12,1', ',1,2'), // more injurious falls than falls
      good('2025-04'), // the same month twice
      '2025-09,400,11000', // too few cells
      good('2027-01'), // in the future
    ]
    const result = parseBenchmarkCsv(`${header}\n${rows.join('\n')}\n`, now)
    expect(result.valid).toBe(false)
    const byLine = Object.fromEntries(result.rows.map((row) => [row.line, row.errors]))
    expect(byLine[2]).toEqual({})
    expect(byLine[3]?.period).toContain('YYYY-MM')
    expect(byLine[4]?.beds).toBe('稼働病床数は0以上の整数で入力してください（入力: -3）')
    expect(byLine[5]?.levels).toBe('影響度レベル別の内訳の合計（100件）が報告総数（101件）より1件少なくなっています')
    expect(byLine[5]?.professions).toContain('1件少なく')
    expect(byLine[5]?.categories).toContain('1件少なく')
    expect(byLine[6]?.falls_injury).toContain('超えています')
    expect(byLine[7]?.period).toContain('2行目にもあります')
    expect(byLine[8]?.row).toContain('列の数が見出しと違います')
    expect(byLine[9]?.period).toContain('まだ来ていません')
  })

  test('an empty file, a header without rows, and unreadable CSV', () => {
    expect(parseBenchmarkCsv('', now).fileErrors[0]).toContain('空')
    expect(parseBenchmarkCsv(`\uFEFF${header}\n`, now).fileErrors[0]).toContain('データ行がありません')
    expect(parseBenchmarkCsv(`${header}\n"2025-04,1\n`, now).fileErrors[0]).toContain('CSV として読み取れませんでした')
  })
})

describe('export', () => {
  test('the same columns plus metric columns, shares as fractions; it can be imported again', () => {
    const counts: Counts = { ...emptyCounts(), beds: 400, patientDays: 11_000, reportsTotal: 100, level0: 99, level3b: 1, byPhysician: 8, byNurse: 92, catMedication: 30, catCare: 22, catOther: 48, falls: 22, fallsInjury: 1 }
    const csv = serialiseBenchmarkCsv([{ period: '2025-04', counts }])
    const [head, row] = csv.trim().split('\r\n')
    expect(head).toBe(`${header},reports_per_bed_year,physician_share,level_3b_plus_share,falls_per_1000_pd,injurious_falls_per_1000_pd,medication_share`)
    // reports per bed-year: 100 ÷ (400 beds × 30 days ÷ 365) = 3.041667
    expect(row?.endsWith(',3.041667,0.08,0.01,2,0.090909,0.3')).toBe(true)
    const again = parseBenchmarkCsv(csv, now)
    expect(again.valid).toBe(true)
    expect(again.rows[0]?.value?.counts).toEqual(counts)
    expect(parseBenchmarkCsv(csvTemplate() + good('2025-04'), now).valid).toBe(true)
  })
})

describe('consistency between fields (form and CSV share the rules)', () => {
  // good(): levels 3b 2, 4a 0, 4b 0, 5 1 → 3 reports at 3b or above; 療養上の世話 15; falls 12, of which 3b+ 1
  test('more 3b+ falls than 3b+ reports is an error, with the numbers in Japanese beside the field', () => {
    const result = validateSubmission(rowOf(good('2025-04').replace(',12,1', ',12,4')), now)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.falls_injury).toBe('レベル3b以上の転倒・転落（4件）がレベル3b以上の報告の合計（3b・4a・4b・5: 3件）を超えています。転倒・転落も報告の一部として数えてください')
    expect(validateSubmission(rowOf(good('2025-04').replace(',12,1', ',12,3')), now).ok).toBe(true)
  })

  test('more falls than 療養上の世話 reports is a warning: refused until confirmed, then saved', () => {
    const raw = rowOf(good('2025-04').replace(',12,1', ',16,1'))
    const unconfirmed = validateSubmission(raw, now)
    expect(unconfirmed.ok).toBe(false)
    expect(unconfirmed.warnings.falls).toContain('転倒・転落（16件）が「療養上の世話」の報告（15件）より多く')
    if (!unconfirmed.ok) expect(unconfirmed.errors.falls).toBe(unconfirmed.warnings.falls)
    const confirmed = validateSubmission(raw, now, true)
    expect(confirmed).toMatchObject({ ok: true, warnings: { falls: unconfirmed.warnings.falls } })
  })

  test('CSV rows: the same error and warning, the warning cleared by confirmation', () => {
    const text = `${header}\n${good('2025-04').replace(',12,1', ',16,1')}\n`
    expect(parseBenchmarkCsv(text, now).valid).toBe(false)
    expect(parseBenchmarkCsv(text, now).rows[0]?.warnings.falls).toContain('療養上の世話')
    expect(parseBenchmarkCsv(text, now, true).valid).toBe(true)
    const broken = parseBenchmarkCsv(`${header}\n${good('2025-04').replace(',12,1', ',12,4')}\n`, now, true)
    expect(broken.valid).toBe(false)
  })
})

function rowOf(line: string): Record<string, string> {
  const cells = line.split(',')
  return Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, cells[i] ?? '']))
}
