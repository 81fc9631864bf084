import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, newPage, waitForPath } from './support.ts'

// Case retrieval (issue 17) in a real browser over the demo cases: a new filter on /cases, its message for a
// month that cannot be read, and the CSV of the filtered list as the browser downloads it.

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('filter /cases by the staff profession, keep it in the URL, and download that list as CSV', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } })
  await login(page, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(page, '/home')
  await page.goto('/cases')
  const filters = page.getByRole('search', { name: '事例の絞り込み' })
  await filters.getByLabel('当事者の職種').selectOption('PHARMACIST')
  await filters.getByRole('button', { name: '絞り込む' }).click()
  await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('profession') === 'PHARMACIST')
  // The URL is the state: loading it afresh (a shared link) gives the same filter.
  await page.reload()
  expect(await page.getByRole('search', { name: '事例の絞り込み' }).getByLabel('当事者の職種').inputValue()).toBe('PHARMACIST')
  const count = Number((await page.locator('p[aria-live="polite"]').filter({ hasText: /^\d+件/ }).first().innerText()).match(/^(\d+)件/)?.[1] ?? 'NaN')
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(28)
  const violations = await checkAccessibility(page)
  expect(violations, formatViolations(violations)).toEqual([])

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'CSV で出力' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/)
  const file = await download.path()
  const bytes = await readFile(file)
  // UTF-8 byte order mark, so Japanese Excel opens it as UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf8')
  expect(text.startsWith('事例URL,題名,概要,発生年月,')).toBe(true)
  // One record per listed case (the demo texts have no line breaks in the one-line cells).
  const records = text.split('\r\n').filter(Boolean)
  expect(records.length - 1).toBeGreaterThan(0)
  expect(text).toContain('薬剤師')
  expect(records.filter((line) => /^https?:\/\/[^,]+\/cases\/[a-z0-9]+,/.test(line))).toHaveLength(count)
})

test('a month that cannot be read is reported beside the field, with the typed text kept', async () => {
  const page = await newPage(browser)
  await login(page, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(page, '/home')
  await page.goto('/cases')
  const filters = page.getByRole('search', { name: '事例の絞り込み' })
  await filters.getByLabel('発生年月（から）').fill('2024年13月')
  await filters.getByRole('button', { name: '絞り込む' }).click()
  await page.waitForURL((url) => url.searchParams.get('from') === '2024年13月')
  await page.getByText('開始は「2024-04」のように年と月で入力してください（1990年〜2100年）').waitFor()
  const field = page.getByRole('search', { name: '事例の絞り込み' }).getByLabel('発生年月（から）')
  expect(await field.inputValue()).toBe('2024年13月')
  expect(await field.getAttribute('aria-invalid')).toBe('true')
  expect(await field.getAttribute('aria-describedby')).toBe('filter-from-error')
})
