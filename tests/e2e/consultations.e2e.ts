import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  checkAccessibility,
  DEMO_PASSWORD,
  extractLink,
  formatViolations,
  launchBrowser,
  login,
  mailDir,
  newPage,
  readLatestMail,
  submit,
  waitForPath,
} from './support.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

test('a member files a 緊急 request, the on-call consultant answers, the member sees the answer', async () => {
  const since = new Date()
  const member = await newPage(browser)
  await login(member, 'member@qso.example', DEMO_PASSWORD)
  await waitForPath(member, '/home')
  await member.goto('/consultations/new')

  await member.locator('select[name=urgency]').selectOption('EMERGENCY')
  await member.locator('input[name=subject]').fill('術後急変で死亡、センター報告の要否')
  await member.locator('textarea[name=decisionPending]').fill('センターへ報告すべきか、本日中に判断したい。')
  await member.locator('textarea[name=summary]').fill('術後2日目の夜間に急変し、翌朝死亡した。経過は想定していなかった。')
  await member.locator('select[name=jqCategory]').selectOption('TREATMENT')
  await member.locator('select[name=impactLevel]').selectOption('5')
  // The duties checklist reacts as the answers come in.
  await member.locator('select[name=outcome]').selectOption('DEATH')
  await member.locator('select[name=unanticipated]').selectOption('YES')
  await member.getByRole('heading', { name: '医療事故調査制度（予期しなかった死亡・死産）' }).waitFor()
  expect(await member.getByText('異状を認めてから24時間以内').count()).toBe(1)
  await member.locator('select[name=centreReport]').selectOption('CONSIDERING')
  await member.locator('select[name=jqReport]').selectOption('PLANNED')
  await member.locator('select[name=policeReport]').selectOption('CONSIDERING')
  await member.locator('select[name=familyInformed]').selectOption('PARTIAL')
  await member.locator('textarea[name=expertiseWanted]').fill('制度の対象判断について助言がほしい。')
  await member.locator('input[name=contactPhone]').fill('090-0000-1234')
  const formViolations = await checkAccessibility(member)
  expect(formViolations, formatViolations(formViolations)).toEqual([])

  await submit(member, '相談を送信する', /^\/consultations\/new(\.data)?$/)
  await member.waitForURL((url) => /^\/consultations\/[^/]+$/.test(url.pathname) && url.pathname !== '/consultations/new')
  await member.getByText('相談を送信しました。').waitFor()
  const threadPath = new URL(member.url()).pathname

  // The on-call consultant (the demo consultant) gets a mail with a link only.
  const alert = await readLatestMail(mailDir(), 'consultant@qso.example', { subject: '危機管理相談が届きました（緊急）', since })
  expect(alert.text).not.toContain('術後2日目')
  const consultant = await newPage(browser)
  await consultant.goto(extractLink(alert.text, '/consultations/'))
  await login(consultant, 'consultant@qso.example', DEMO_PASSWORD)
  await waitForPath(consultant, threadPath)
  await consultant.getByText('術後2日目の夜間に急変し').waitFor()
  const threadViolations = await checkAccessibility(consultant)
  expect(threadViolations, formatViolations(threadViolations)).toEqual([])
  // A name typed into a message is flagged while typing and masked with one click (advisory: sending stays possible).
  await consultant.locator('#message-body').fill('山田太郎様のご家族への説明について。')
  await consultant.getByRole('button', { name: /伏せる/ }).first().click()
  expect(await consultant.locator('#message-body').inputValue()).not.toContain('山田太郎')
  await consultant.locator('#message-body').fill('まず病院長の判断の経過を記録してください。\nご家族への説明の場には2名以上で臨みましょう。')
  await consultant.getByLabel('この返信で「回答済」にする').check()
  await submit(consultant, '相談者へ送信する', new RegExp(`^${threadPath}(\\.data)?$`))
  await consultant.getByText('メッセージを送信しました。').waitFor()

  // The member is told by mail (link only) and reads the answer on the thread.
  const replyMail = await readLatestMail(mailDir(), 'member@qso.example', { subject: '新しいメッセージがあります', since })
  expect(replyMail.text).not.toContain('病院長の判断')
  await member.goto(extractLink(replyMail.text, '/consultations/'))
  await member.getByText('まず病院長の判断の経過を記録してください。').waitFor()
  expect(await member.locator('.page-header .badge', { hasText: '回答済' }).count()).toBe(1)
})

const PHONE = { width: 390, height: 844 }

/** How far anything scrolls sideways: the page itself, or a scrollable box in it such as a table wrapper (0 = it fits). */
const sideways = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ...[...document.querySelectorAll('main *')]
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
        .map((element) => element.scrollWidth - element.clientWidth),
    ),
  )

test('on a 390 px phone: a 緊急 request with three fields, the on-call consultant answers from the mail, the member adds the outcome and sees the duties', async () => {
  const since = new Date()
  const member = await newPage(browser, { viewport: PHONE })
  await login(member, 'member@qso.example', DEMO_PASSWORD)
  await waitForPath(member, '/home')
  await member.goto('/consultations/new')
  expect(await sideways(member)).toBe(0)
  await member.locator('select[name=urgency]').selectOption('EMERGENCY')
  await member.locator('input[name=subject]').fill('外来で造影剤のアナフィラキシー、家族対応を相談したい')
  await member.locator('input[name=contactPhone]').fill('090-0000-5678')
  await submit(member, '相談を送信する', /^\/consultations\/new(\.data)?$/)
  await member.waitForURL((url) => /^\/consultations\/[^/]+$/.test(url.pathname) && url.pathname !== '/consultations/new')
  await member.getByText('相談を送信しました。').waitFor()
  const threadPath = new URL(member.url()).pathname
  await member.getByRole('heading', { name: /まだ入力されていない項目/ }).waitFor()
  expect(await sideways(member)).toBe(0)

  // The on-call consultant, on the same kind of phone, opens the request from the mail and answers.
  const alert = await readLatestMail(mailDir(), 'consultant@qso.example', { subject: '危機管理相談が届きました（緊急）', since })
  const consultant = await newPage(browser, { viewport: PHONE })
  await consultant.goto(extractLink(alert.text, threadPath))
  await login(consultant, 'consultant@qso.example', DEMO_PASSWORD)
  await waitForPath(consultant, threadPath)
  await consultant.getByRole('heading', { name: '外来で造影剤のアナフィラキシー、家族対応を相談したい' }).waitFor()
  await consultant.getByText('090-0000-5678').waitFor()
  expect(await sideways(consultant)).toBe(0)
  // The internal note has its own composer and button; the reply goes to the requester.
  await consultant.getByRole('heading', { name: '内部メモを書く' }).waitFor()
  await consultant.locator('#message-body').fill('いまお電話します。転帰と影響度をこのページに入力してください。')
  await submit(consultant, '相談者へ送信する', new RegExp(`^${threadPath}(\\.data)?$`))
  await consultant.getByText('メッセージを送信しました。').waitFor()
  const threadViolations = await checkAccessibility(consultant)
  expect(threadViolations, formatViolations(threadViolations)).toEqual([])
  // The desk on the phone: cards, with the subject, no sideways scrolling.
  await consultant.goto('/consultations')
  await consultant.getByRole('link', { name: '外来で造影剤のアナフィラキシー、家族対応を相談したい' }).waitFor()
  expect(await sideways(consultant)).toBe(0)
  expect(await consultant.locator('.desk-table thead').evaluate((element) => element.getBoundingClientRect().height)).toBeLessThanOrEqual(1)

  // The member reads the answer and fills in the outcome in the thread; the duties for it appear.
  await member.goto(threadPath)
  await member.getByText('いまお電話します。').waitFor()
  const details = member.locator('#consultation-details')
  await details.locator('select[name=outcome]').selectOption('ALIVE')
  await details.locator('select[name=impactLevel]').selectOption('3b')
  await details.locator('select[name=hospitalJqObliged]').selectOption('YES')
  await submit(member, '追記する', new RegExp(`^${threadPath}(\\.data)?$`))
  await member.getByText('2項目を追記しました。').waitFor()
  await member.getByRole('heading', { name: 'この事象で必要になる対応' }).waitFor()
  await member.getByRole('heading', { name: '医療事故情報収集等事業への報告' }).waitFor()
  await member.getByText('事故等事案が発生した日から原則として二週間以内').waitFor()
  await member.getByText('関与した職員（セカンドビクティム）を支援する').waitFor()
  // Alive: neither the 医療事故調査制度 nor the police.
  expect(await member.getByRole('heading', { name: '医療事故調査制度（予期しなかった死亡・死産）' }).count()).toBe(0)
  expect(await member.getByText('異状を認めてから24時間以内').count()).toBe(0)
  expect(await sideways(member)).toBe(0)
  const memberViolations = await checkAccessibility(member)
  expect(memberViolations, formatViolations(memberViolations)).toEqual([])
  // The member's list puts the 緊急 requests (this one among them) before the 至急 one.
  await member.goto('/consultations')
  const rows = await member.locator('.card-table tbody tr').allInnerTexts()
  const mine = rows.findIndex((row) => row.includes('外来で造影剤のアナフィラキシー'))
  expect(mine).toBeGreaterThanOrEqual(0)
  expect(mine).toBeLessThan(rows.findIndex((row) => row.includes('転倒・骨折事例')))
  expect(rows.slice(0, mine + 1).every((row) => row.includes('緊急'))).toBe(true)
  expect(await sideways(member)).toBe(0)
})

test('another member gets 404 for the request and does not see it in their list', async () => {
  const other = await newPage(browser)
  await login(other, 'member2@qso.example', DEMO_PASSWORD)
  await waitForPath(other, '/home')
  const response = await other.goto('/consultations/demo-consultation-emergency')
  expect(response?.status()).toBe(404)
  expect(await other.locator('main').innerText()).not.toContain('急変')
  await other.goto('/consultations')
  expect(await other.locator('main').innerText()).toContain('まだ相談はありません')
})

test('the admin reads the figures (chart and tables, no case details)', async () => {
  const admin = await newPage(browser)
  await login(admin, 'admin@qso.example', DEMO_PASSWORD)
  await waitForPath(admin, '/home')
  const response = await admin.goto('/admin/consultations')
  expect(response?.status()).toBe(200)
  await admin.getByRole('heading', { name: '危機管理相談の集計' }).waitFor()
  expect(await admin.locator('.recharts-wrapper').count()).toBe(1)
  expect(await admin.locator('main').innerText()).not.toContain('急変')
  const violations = await checkAccessibility(admin)
  expect(violations, formatViolations(violations)).toEqual([])
})
