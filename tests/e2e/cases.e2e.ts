import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkAccessibility, DEMO_PASSWORD, formatViolations, launchBrowser, login, mailDir, newPage, readLatestMail, waitForPath } from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('a member writes a case, masks the identifier the editor flags, publishes; another member comments and the author is notified', async () => {
  const suffix = Date.now().toString(36)
  const title = `E2E ○○看護師の配薬時の患者誤認 ${suffix}`
  const author = await newPage(browser)
  await login(author, 'member@qso.example', DEMO_PASSWORD)
  await waitForPath(author, '/home')

  await author.goto('/cases/new')
  // Issue 14: a plain field gets the same live check as the rich-text sections. A staff name typed into the title
  // is flagged beside the title and masked with one click.
  const titleField = author.getByLabel('題名')
  await titleField.fill(`E2E 佐藤看護師の配薬時の患者誤認 ${suffix}`)
  const maskTitle = author.getByRole('button', { name: '伏せる（○○看護師）' })
  await maskTitle.waitFor()
  expect(await author.getByText('「題名」に個人を特定できる可能性のある記載があります').count()).toBe(1)
  await maskTitle.click()
  await expect.poll(() => titleField.inputValue()).toBe(title)
  await author.getByLabel('概要').fill('同室の同姓患者の内服薬を配薬しかけたが、本人の指摘で未然に防いだ。')
  await author.getByLabel('影響度レベル').selectOption('LEVEL_0')
  await author.getByLabel('事象の分類（JQ）').selectOption('MEDICATION')
  await author.getByLabel('発生場所').selectOption('WARD')
  await author.getByLabel('発生年月').fill('2024-05')
  await author.getByRole('button', { name: '対策を追加' }).click()
  await author.getByLabel('対策 1').fill('配薬時にバーコードで患者を認証する')
  await author.getByLabel('強さ').selectOption('STRONG')
  await author.getByLabel('担当（職種・部署）').fill('看護部')
  await author.getByLabel('効果の測り方').fill('認証の実施率')

  const chronology = author.getByRole('textbox', { name: '経過・時系列' })
  await chronology.click()
  await chronology.pressSequentially('入院3日目 18:00 山田太郎様の薬を配ろうとした。')
  // The live check flags the name; one click masks it in the document.
  const panel = author.getByRole('region', { name: '経過・時系列の個人情報チェック' })
  const mask = panel.getByRole('button', { name: '「山田太郎様」を「○○様」に伏せる' })
  await mask.waitFor()
  expect(await panel.innerText()).toContain('要修正 1件')
  expect(await author.locator('.deid-block').count()).toBeGreaterThan(0)
  await mask.click()
  await expect.poll(() => chronology.innerText()).toContain('○○様の薬を配ろうとした')
  await expect.poll(() => panel.innerText()).toContain('見つかりませんでした')

  expect(formatViolations(await checkAccessibility(author))).toBe('')
  // Issue 17: no publishing without 要因 and 教訓 (the countermeasure row above counts as 対策). The messages stand
  // beside their fields and nothing typed is lost.
  await author.getByRole('button', { name: '公開する', exact: true }).click()
  await author.getByText('公開するには教訓を入力してください').waitFor()
  expect(await author.getByText('公開するには要因（要因分析の文章、または「要因を追加」で1件以上）を入力してください').count()).toBe(1)
  expect(await titleField.inputValue()).toBe(title)
  expect(await chronology.innerText()).toContain('○○様の薬を配ろうとした')
  for (const [name, words] of [['要因分析', '配薬前の照合を省略していた。'], ['教訓', '二つの識別子で患者を確認する。']] as const) {
    const editor = author.getByRole('textbox', { name, exact: true })
    await editor.click()
    await editor.pressSequentially(words)
  }
  await author.getByRole('button', { name: '公開する', exact: true }).click()
  await author.waitForURL((url) => /^\/cases\/[^/]+$/.test(url.pathname) && url.searchParams.get('saved') === 'published')
  const casePath = new URL(author.url()).pathname
  expect(await author.locator('main').innerText()).toContain('○○様の薬を配ろうとした')
  expect(await author.locator('main').innerText()).not.toContain('山田太郎')

  const reader = await newPage(browser)
  await login(reader, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(reader, '/home')
  await reader.goto(casePath)
  expect(await reader.getByRole('heading', { level: 1 }).innerText()).toBe(title)
  const comment = reader.getByRole('textbox', { name: 'コメント', exact: true })
  await comment.click()
  await comment.pressSequentially('当院ではバーコード認証の導入で同種の報告が減りました。')
  const since = new Date()
  await reader.getByRole('button', { name: 'コメントする', exact: true }).click()
  await expect.poll(() => reader.locator('.comment-list').innerText()).toContain('バーコード認証の導入で同種の報告が減りました')
  expect(formatViolations(await checkAccessibility(reader))).toBe('')

  // The author (auto-following their case) sees it on /home and gets a mail with a link only.
  await author.goto('/home')
  expect(await author.locator('main').innerText()).toContain('フォロー中の事例に新しいコメントがあります')
  const mail = await readLatestMail(mailDir(), 'member@qso.example', { subject: 'フォロー中の投稿に新しいコメント', since })
  expect(mail.text).toContain(casePath)
  expect(mail.text).not.toContain('バーコード認証の導入')
})
