import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { COUNT_FIELDS, CSV_COLUMNS } from '#app/modules/benchmarks/fields.ts'
import { addMonths, formatPeriod, previousPeriod } from '#app/modules/benchmarks/period.ts'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, newPage, submit, waitForPath } from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

// A month of さくら台総合病院 (186 beds) with numbers no seeded month has: 377 reports.
const values: Record<string, number> = {
  beds: 186,
  patient_days: 4900,
  reports_total: 377,
  level_0: 60,
  level_1: 200,
  level_2: 70,
  level_3a: 35,
  level_3b: 8,
  level_4a: 1,
  level_4b: 0,
  level_5: 0,
  level_other: 3,
  by_physician: 30,
  by_nurse: 290,
  by_pharmacist: 40,
  by_ce: 5,
  by_radiology: 4,
  by_lab: 4,
  by_other: 4,
  cat_medication: 120,
  cat_transfusion: 2,
  cat_treatment: 40,
  cat_device: 20,
  cat_drain_tube: 60,
  cat_test: 30,
  cat_care: 90,
  cat_other: 15,
  falls: 14,
  falls_injury: 1,
}
const row = (period: string) => [period, ...COUNT_FIELDS.map((field) => values[field.column])].join(',')

describe('benchmarks: import a CSV, see the dashboard, export', () => {
  test('a member imports two months (one replaced, one new), sees the anonymous dashboard and exports the data', async () => {
    const page = await newPage(browser)
    await login(page, 'member2@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')

    const last = previousPeriod()
    const older = addMonths(last, -30) // before the seeded 24 months
    await page.goto('/benchmarks/import')
    await page.locator('input[type=file]').setInputFiles({
      name: 'excel.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV_COLUMNS.join(',')}\r\n${row(last)}\r\n${row(older)}\r\n`, 'utf8'),
    })
    await submit(page, '確認する', /^\/benchmarks\/import(\.data)?$/)
    await page.getByText('2行すべて取り込めます').waitFor()
    const preview = await page.locator('table', { hasText: '状態' }).innerText()
    expect(preview).toContain('置き換え')
    expect(preview).toContain('新規')
    await submit(page, '取り込む', /^\/benchmarks\/import(\.data)?$/)
    await page.getByText('2か月分を取り込みました（新規 1、置き換え 1、変更なし 0）').waitFor()

    await page.getByRole('link', { name: 'ダッシュボードを見る' }).click()
    await waitForPath(page, '/benchmarks')
    await page.getByRole('heading', { name: '指標の一覧' }).waitFor()
    const main = await page.locator('main').innerText()
    expect(main).toContain('さくら台総合病院')
    expect(main).toContain('200床未満')
    // The charts draw after hydration; each has its table alternative.
    await page.locator('.recharts-surface').first().waitFor()
    expect(await page.getByText('表で見る').count()).toBeGreaterThanOrEqual(6)
    // Peers are anonymous: no other demo hospital's name anywhere in the page or its data.
    const html = await page.content()
    for (const other of ['みなと中央病院', '東海みらい大学病院', 'しおかぜ記念病院', 'あおば北総合医療センター']) expect(html).not.toContain(other)
    const violations = await checkAccessibility(page)
    expect(violations, formatViolations(violations)).toEqual([])
    // Peer figures come from the monthly close; each card carries the Making Data Count icons with their text.
    expect(main).toContain('締め済みの月')
    expect(await page.locator('.benchmark-card .spc-icon__text', { hasText: '変動:' }).count()).toBe(6)

    // A phone (390 px): nothing wider than the screen except inside the scrollable table wrappers.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.getByRole('heading', { name: '指標の一覧' }).waitFor()
    await page.locator('.recharts-surface').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })

    // The replaced month shows its new figures in the trend's table.
    await page.getByRole('link', { name: '報告件数/床・年' }).click()
    await page.locator('summary', { hasText: '表で見る' }).first().click()
    expect(await page.locator('table', { hasText: '上方管理限界' }).innerText()).toContain(`${formatPeriod(last)}\t`)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'CSVを書き出す' }).click()
    const file = await (await download).path()
    const text = await readFile(file, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain(`${row(last)},`)
    expect(text).toContain(`${row(older)},`)
    expect(text.split('\r\n')[0]).toContain('reports_per_bed_year')
  })
})
