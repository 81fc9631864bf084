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

test('the header search is a combobox; Enter opens /search, which passes axe', async () => {
  const page = await newPage(browser)
  await login(page, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(page, '/home')

  const box = page.getByRole('combobox', { name: 'サイト内検索' })
  expect(await box.getAttribute('aria-expanded')).toBe('false')
  expect(await box.getAttribute('aria-controls')).toBeTruthy()
  await box.fill('ｲﾝｽﾘﾝ')
  await page.getByRole('status').filter({ hasText: /候補/ }).waitFor()
  await box.press('Enter')
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'ｲﾝｽﾘﾝ')
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('検索')
  const violations = await checkAccessibility(page)
  expect(violations, formatViolations(violations)).toEqual([])

  const health = await page.request.get('/healthz')
  expect(await health.json()).toMatchObject({ search: { engine: 'embedded', state: 'ready' } })
})
