import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { AxeResults } from 'axe-core'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { DEMO_PASSWORD, launchBrowser, login, newPage, SCREENSHOT_DIR, waitForPath } from './support.ts'

// Issue 17: every main page at a phone width (390 px) and a desktop width (1280 px): a screenshot for people to
// look at (under the OS temp dir, never committed), no sideways scrolling, and WCAG AA contrast of what members
// type (the header search box was white on white). docs/decisions/0050.

const WIDTHS = [390, 1280] as const
const SHOTS = path.join(SCREENSHOT_DIR, 'screens')
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const MEMBER_PAGES = ['/home', '/cases', '/cases/new', '/practices', '/practices/new', '/benchmarks', '/benchmarks/import', '/consultations', '/events', '/search?q=転倒', '/members', '/notifications', '/settings/profile']
const ADMIN_PAGES = ['/admin', '/admin/members', '/admin/audit', '/admin/hospitals', '/admin/invites', '/admin/events']

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** How far the page scrolls sideways (0 when it fits), and the widest elements sticking out, for the message. */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const overflow = document.scrollingElement!.scrollWidth - window.innerWidth
    const culprits = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
    return { overflow, culprits }
  })
}

/** axe-core's color-contrast rule only (WCAG 2 AA: 4.5:1, 3:1 for large text), on the page as it is now. */
async function contrastViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } }),
  )
  return results.violations.flatMap((violation) => violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`))
}

/** WCAG 2.x contrast ratio of two CSS rgb()/rgba() colours (relative luminance, WCAG 2.2 §1.4.3 definition). */
function contrastRatio(foreground: string, background: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
      const channel = Number(part) / 255
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

async function visit(page: Page, url: string, label: string, width: number) {
  await page.goto(url)
  const file = path.join(SHOTS, `${label}-${url.replace(/[^\w]+/g, '_').replace(/^_|_$/g, '') || 'root'}-${width}.png`)
  await page.screenshot({ path: file, fullPage: true })
  const { overflow, culprits } = await sidewaysOverflow(page)
  expect(overflow, `${url} at ${width} px scrolls sideways by ${overflow} px (${culprits.join(', ')}); screenshot ${file}`).toBeLessThanOrEqual(0)
}

describe('screens at 390 and 1280 px', () => {
  test('the contrast check itself: known pairs give the published ratios', () => {
    // WebAIM's contrast checker: #000 on #fff is 21:1, #777 on #fff 4.47:1 (fails AA), #52606d on #fff 6.4:1.
    expect(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 1)
    expect(contrastRatio('rgb(119, 119, 119)', 'rgb(255, 255, 255)')).toBeCloseTo(4.48, 1)
    expect(contrastRatio('rgb(255, 255, 255)', 'rgb(255, 255, 255)')).toBe(1)
  })

  for (const width of WIDTHS) {
    test(`member pages at ${width} px: screenshots, no sideways scrolling, readable header search`, { timeout: 120_000 }, async () => {
      const page = await newPage(browser, { viewport: { width, height: 844 } })
      await visit(page, '/', 'public', width)
      await login(page, 'member@qso.example', DEMO_PASSWORD)
      await waitForPath(page, '/home')
      for (const url of MEMBER_PAGES) await visit(page, url, 'member', width)

      // The typed text in the header search box: dark on white, at least 4.5:1 (WCAG 2 AA for normal text).
      // The menu button and the 「絞り込み」 button on phones only; on a desktop everything is in view.
      await page.goto('/cases')
      await page.waitForFunction(() => document.querySelector('.site-header[data-menu]') !== null)
      expect(await page.getByRole('button', { name: 'メニュー' }).isVisible()).toBe(width === 390)
      expect(await page.getByRole('link', { name: '設定', exact: true }).isVisible()).toBe(width !== 390)
      expect(await page.getByRole('button', { name: /^絞り込み/ }).isVisible()).toBe(width === 390)
      const search = page.getByRole('combobox', { name: 'サイト内検索' })
      await search.fill('転倒')
      const colours = await search.evaluate((input) => {
        const style = getComputedStyle(input)
        return { color: style.color, background: style.backgroundColor }
      })
      expect(contrastRatio(colours.color, colours.background), `${colours.color} on ${colours.background}`).toBeGreaterThanOrEqual(4.5)
      expect(await contrastViolations(page)).toEqual([])
    })
  }

  test('at 390 px the menu opens and closes, and the 「絞り込み」 button folds the filters on /cases and /search', { timeout: 60_000 }, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } })
    await login(page, 'member2@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')
    const menu = page.getByRole('button', { name: 'メニュー' })
    await menu.click()
    await page.getByRole('navigation', { name: '会員メニュー' }).getByRole('link', { name: '事例', exact: true }).click()
    await waitForPath(page, '/cases')
    // The menu closes on the next page; the filters wait behind their button.
    // (polled: the menu closes in an effect after the new page renders)
    await expect.poll(() => page.getByRole('navigation', { name: '会員メニュー' }).isVisible()).toBe(false)
    const filterForm = page.getByRole('search', { name: '事例の絞り込み' })
    await expect.poll(() => filterForm.isVisible()).toBe(false)
    await page.getByRole('button', { name: /^絞り込み/ }).click()
    await filterForm.getByLabel('事象の分類').selectOption('MEDICATION')
    await filterForm.getByRole('button', { name: '絞り込む' }).click()
    await page.waitForURL((url) => url.searchParams.get('category') === 'MEDICATION')
    // Folded again on the filtered list, the button says a filter is on.
    await expect.poll(() => page.getByRole('button', { name: /^絞り込み/ }).innerText()).toContain('1件の条件')

    await page.goto('/search?q=転倒')
    const facets = page.getByRole('complementary', { name: '絞り込み' })
    await page.getByRole('button', { name: /^絞り込み/ }).waitFor()
    expect(await facets.isVisible()).toBe(false)
    await page.getByRole('button', { name: /^絞り込み/ }).click()
    await expect.poll(() => facets.isVisible()).toBe(true)
  })

  test('filled-in forms meet WCAG AA contrast (axe color-contrast), and the case form counts characters as they are typed', { timeout: 90_000 }, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 } })
    await login(page, 'member@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')

    await page.goto('/cases/new')
    await page.getByLabel('題名').pressSequentially('夜間の転倒')
    // Typed key by key like the title: a value filled in one go before hydration sends no input event to count.
    await page.getByLabel('概要').pressSequentially('夜間にトイレへ向かう途中で転倒した。')
    await page.getByLabel('影響度レベル').selectOption('LEVEL_1')
    await page.getByLabel('発生年月').fill('2026-05')
    await expect.poll(() => page.locator('.field__count').first().innerText()).toBe('5 / 120字')
    await expect.poll(() => page.locator('.field__count').nth(1).innerText()).toBe('18 / 600字')
    await page.screenshot({ path: path.join(SHOTS, 'form-cases-new-filled-390.png'), fullPage: true })
    expect(await contrastViolations(page)).toEqual([])

    await page.goto('/practices/new')
    await page.getByLabel('題名').fill('転倒予防バンドルの全病棟展開')
    await page.getByLabel('解決したい課題').fill('夜間の転倒が減らない。')
    expect(await contrastViolations(page)).toEqual([])

    await page.goto('/members')
    await page.getByLabel('氏名・病院・部署').fill('安全')
    expect(await contrastViolations(page)).toEqual([])
  })

  test('admin pages at 390 and 1280 px: tables as cards on a phone, no sideways scrolling; the audit log in words', { timeout: 120_000 }, async () => {
    // One sign-in (the admin's second step takes a fresh TOTP step each time), both widths.
    const page = await newPage(browser, { viewport: { width: WIDTHS[0], height: 844 } })
    await login(page, 'admin@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 844 })
      for (const url of ADMIN_PAGES) await visit(page, url, 'admin', width)
      await page.goto('/admin/audit')
      const text = await page.locator('main').innerText()
      expect(text).toContain('事務局 管理者 が ログイン')
      expect(text).not.toMatch(/\{"/)
      expect(text).not.toContain('Mozilla/5.0')
      await page.getByLabel('実行者（氏名・メールの一部）').fill('管理者')
      expect(await contrastViolations(page)).toEqual([])
    }
  })
})
