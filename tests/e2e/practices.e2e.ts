import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, newPage, waitForPath } from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

describe('best practices', () => {
  test('a member publishes a practice with an attachment; another hospital records an adoption and the count changes', async () => {
    const title = `夜間せん妄スクリーニングの定着 ${Date.now()}`

    // member@ (みなと中央病院) writes and publishes, with a PDF.
    const author = await newPage(browser)
    await login(author, 'member@qso.example', DEMO_PASSWORD)
    await author.goto('/practices/new')
    await author.getByLabel('題名').fill(title)
    await author.getByLabel('解決したい課題').fill('夜間のせん妄による転倒・ルート自己抜去が多かった。')
    await author.getByLabel('テーマ').selectOption('CARE')
    await author.getByLabel('タグ').first().fill('せん妄, 夜間')
    const editor = author.getByRole('textbox', { name: '取り組みの内容' })
    await editor.click()
    await editor.pressSequentially('入院時と術後にせん妄スクリーニングを行い、陽性なら多職種でケア計画を立てた。')
    await author.getByRole('button', { name: '結果を追加' }).click()
    await author.getByLabel('指標 1').fill('せん妄関連の転倒')
    await author.getByLabel('導入前').fill('12')
    await author.getByLabel('導入後').fill('5')
    await author.getByLabel('単位').fill('件/年')
    await author.locator('input[name="attachments"]').setInputFiles({ name: 'スクリーニング手順.pdf', mimeType: 'application/pdf', buffer: PDF })
    await author.getByRole('button', { name: '公開する', exact: true }).click()
    await author.waitForURL((url) => /^\/practices\/[a-z0-9]+$/.test(url.pathname) && url.searchParams.get('saved') === 'published')
    const practicePath = new URL(author.url()).pathname
    await expect.poll(() => author.getByRole('heading', { level: 1 }).innerText()).toBe(title)
    const download = author.getByRole('link', { name: 'スクリーニング手順.pdf' })
    const href = await download.getAttribute('href')
    const file = await author.request.get(href ?? '')
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('application/pdf')
    expect(await author.getByTestId('adoption-total').innerText()).toBe('0')

    // member2@ (さくら台総合病院) records 「自院で導入」 as 試行中.
    const adopter = await newPage(browser)
    await login(adopter, 'member2@qso.example', DEMO_PASSWORD)
    await waitForPath(adopter, '/home')
    await adopter.goto(practicePath)
    expect(await adopter.getByTestId('adoption-total').innerText()).toBe('0')
    await adopter.getByLabel('状況', { exact: true }).selectOption('TRIAL')
    await adopter.getByLabel('自院の結果: 導入前').fill('14件/年')
    await adopter.getByRole('button', { name: '自院で導入を記録' }).click()
    await expect.poll(() => adopter.getByTestId('adoption-total').innerText()).toBe('1')
    await expect.poll(() => adopter.getByTestId('adoption-count-TRIAL').innerText()).toBe('1')
    expect(await adopter.locator('#adoptions').innerText()).toContain('さくら台総合病院')

    const violations = await checkAccessibility(adopter)
    expect(violations, formatViolations(violations)).toEqual([])

    // The author sees the new count, and the adopter's /home lists the practice.
    await author.reload()
    expect(await author.getByTestId('adoption-total').innerText()).toBe('1')
    await adopter.goto('/home')
    expect(await adopter.getByRole('region', { name: '自院で導入したプラクティス' }).innerText()).toContain(title)
  })
})
