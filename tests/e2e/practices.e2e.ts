import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { pdfWithPages } from '#tests/fixtures/pdf.ts'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, newPage, waitForPath } from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
/**
 * Publishing waits for the server's de-identification check; the first check in the server's life also loads the
 * analyser in a worker (1.5 s alone, several seconds on a busy CI machine), so the wait for its answer is longer
 * than Playwright's default, and the flows get more time than the config's 60 s. Bounds on waiting, not timing
 * assertions.
 */
const CHECKED = { timeout: 60_000 }

describe('best practices', () => {
  test('a member publishes a practice with an attachment; another hospital records an adoption and the count changes', { timeout: 180_000 }, async () => {
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
    await author.waitForURL((url) => /^\/practices\/[a-z0-9]+$/.test(url.pathname) && url.searchParams.get('saved') === 'published', CHECKED)
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

  test('a PDF whose text names a patient is refused beside the attachment field, naming the page, and nothing typed is lost (issue 14)', { timeout: 180_000 }, async () => {
    // Letters in the unique part: a long number in the title would be hinted as a possible ID.
    const title = `転倒予防の巡視手順 ${Date.now().toString(36)}`
    // Real PDFs with a text layer (tests/fixtures/pdf.ts), so the server's PDF check reads them as it would a
    // member's file: the name is on page 2 only.
    const withName = pdfWithPages([['夜間巡視の手順書', '2時間ごとに訪室する。'], ['作成の経緯：山田太郎様の転倒事例を受けて見直した。']])

    const page = await newPage(browser)
    await login(page, 'member@qso.example', DEMO_PASSWORD)
    await page.goto('/practices/new')
    await page.getByLabel('題名').fill(title)
    await page.getByLabel('解決したい課題').fill('夜間の転倒が続き、巡視の手順が人によって違っていた。')
    await page.getByLabel('テーマ').selectOption('CARE')
    await page.getByLabel('タグ').first().fill('転倒, 巡視')
    const editor = page.getByRole('textbox', { name: '取り組みの内容' })
    await editor.click()
    await editor.pressSequentially('巡視の時刻と確認項目を一枚の手順書にまとめた。')
    const attachments = page.getByLabel('ファイルを添付')
    await attachments.setInputFiles({ name: '巡視手順.pdf', mimeType: 'application/pdf', buffer: Buffer.from(withName) })
    await page.getByRole('button', { name: '公開する', exact: true }).click()

    // Refused: the message sits in the attachment field, is tied to the input, and names the file, page and text.
    const error = page.locator('#practice-attachments-error')
    await expect.poll(() => error.isVisible(), CHECKED).toBe(true)
    const message = await error.innerText()
    expect(message).toContain('「巡視手順.pdf」')
    expect(message).toContain('2ページ目の「山田太郎様」（氏名）')
    expect(message).toContain('添付できません')
    expect(await page.locator('.field').filter({ has: attachments }).locator('#practice-attachments-error').count()).toBe(1)
    expect(await attachments.getAttribute('aria-describedby')).toContain('practice-attachments-error')
    expect(await attachments.getAttribute('aria-invalid')).toBe('true')
    expect(new URL(page.url()).pathname).toBe('/practices/new')
    // Nothing typed is lost.
    expect(await page.getByLabel('題名').inputValue()).toBe(title)
    expect(await page.getByLabel('解決したい課題').inputValue()).toBe('夜間の転倒が続き、巡視の手順が人によって違っていた。')
    expect(await editor.innerText()).toContain('巡視の時刻と確認項目を一枚の手順書にまとめた。')

    // The member then chooses a clean file and publishes again from the same form: it goes through.
    const clean = pdfWithPages([['夜間巡視の手順書', '2時間ごとに訪室する。']])
    await attachments.setInputFiles({ name: '巡視手順2.pdf', mimeType: 'application/pdf', buffer: Buffer.from(clean) })
    await page.getByRole('button', { name: '公開する', exact: true }).click()
    await page.waitForURL((url) => /^\/practices\/[^/]+$/.test(url.pathname) && url.searchParams.get('saved') === 'published', { timeout: 60_000 })
    await expect.poll(() => page.getByRole('link', { name: '巡視手順2.pdf' }).count(), CHECKED).toBe(1)
  })

  test('a PDF with a text layer and no identifier is accepted and published (issue 14)', { timeout: 180_000 }, async () => {
    const title = `離床センサーの点検手順 ${Date.now().toString(36)}`
    const clean = pdfWithPages([['夜間巡視の手順書', '2時間ごとに訪室し、離床センサーの電源を確かめる。'], ['点検表は病棟で保管する。']])
    const page = await newPage(browser)
    await login(page, 'member@qso.example', DEMO_PASSWORD)
    await page.goto('/practices/new')
    await page.getByLabel('題名').fill(title)
    await page.getByLabel('解決したい課題').fill('離床センサーの電源の入れ忘れが続いていた。')
    await page.getByLabel('テーマ').selectOption('CARE')
    await page.getByLabel('タグ').first().fill('転倒, 点検')
    const editor = page.getByRole('textbox', { name: '取り組みの内容' })
    await editor.click()
    await editor.pressSequentially('勤務交代時に電源と感度を確認する項目を点検表に加えた。')
    await page.getByLabel('ファイルを添付').setInputFiles({ name: '点検手順.pdf', mimeType: 'application/pdf', buffer: Buffer.from(clean) })
    await page.getByRole('button', { name: '公開する', exact: true }).click()
    await page.waitForURL((url) => /^\/practices\/[a-z0-9]+$/.test(url.pathname) && url.searchParams.get('saved') === 'published', CHECKED)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), CHECKED).toBe(title)
    const href = await page.getByRole('link', { name: '点検手順.pdf' }).getAttribute('href')
    const file = await page.request.get(href ?? '')
    expect(file.status()).toBe(200)
    expect(Buffer.from(await file.body()).equals(Buffer.from(clean))).toBe(true)
  })
})
