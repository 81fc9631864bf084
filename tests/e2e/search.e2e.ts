import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, newPage, waitForPath } from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const INSULIN_CASE = '手書き指示の「4U」を「40単位」と読み誤ったインスリン過量投与'

test('a seeded demo case is found from the header combobox and on /search (axe passes)', async () => {
  const page = await newPage(browser)
  await login(page, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(page, '/home')

  const box = page.getByRole('combobox', { name: 'サイト内検索' })
  expect(await box.getAttribute('aria-expanded')).toBe('false')
  expect(await box.getAttribute('aria-controls')).toBeTruthy()
  // The pointer rests where the suggestions will open: a list appearing under it must not pick an option,
  // or Enter would open that option instead of the results page.
  const area = await box.boundingBox()
  if (area) await page.mouse.move(area.x + area.width / 2, area.y + area.height + 30)
  // Half-width katakana, as typed on some hospital terminals.
  await box.fill('ｲﾝｽﾘﾝ')
  await page.getByRole('status').filter({ hasText: /候補/ }).waitFor()
  // The case itself (its comments, titled 「…」へのコメント, may follow it).
  await page.getByRole('option', { name: new RegExp(`^事例 ${INSULIN_CASE}`) }).waitFor()
  await box.press('Enter')
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'ｲﾝｽﾘﾝ')
  await page.getByRole('heading', { level: 1, name: '検索', exact: true }).waitFor()
  const result = page.getByRole('link', { name: INSULIN_CASE, exact: true })
  await result.waitFor()
  const violations = await checkAccessibility(page)
  expect(violations, formatViolations(violations)).toEqual([])

  // The type-ahead option opens the case itself with the keyboard.
  await box.fill('いんすりん 過量')
  await page.getByRole('option', { name: new RegExp(`^事例 ${INSULIN_CASE}`) }).waitFor()
  const options = await page.getByRole('option').allInnerTexts()
  const index = options.findIndex((text) => text.replace(/\s+/g, ' ').startsWith(`事例 ${INSULIN_CASE}`))
  expect(index).toBeGreaterThanOrEqual(0)
  for (let i = 0; i <= index; i++) await box.press('ArrowDown')
  await box.press('Enter')
  await page.waitForURL((url) => /^\/cases\/[a-z0-9]+$/.test(url.pathname))
  await page.getByRole('heading', { level: 1, name: INSULIN_CASE }).waitFor()

  const health = await page.request.get('/healthz')
  expect(await health.json()).toMatchObject({ search: { engine: 'embedded', state: 'ready' } })
})
