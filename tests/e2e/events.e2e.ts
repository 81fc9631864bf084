import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { checkAccessibility, DEMO_PASSWORD, extractLink, formatViolations, launchBrowser, login, mailDir, newPage, readLatestMail, submit, waitForPath } from './support.ts'

// Programme events in the browser, on the demo seed (prisma/seed/events.ts): sign up and cancel; a cancellation
// moving the waiting list up; case-review meetings and the cases they discussed.

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const FOLLOW_UP = '/events/demo-event-follow-up-2027-01'
const FULL_REATTENDANCE = '/events/demo-event-reattend-eqso-c5-2026'
const PAST_CASE_REVIEW = '/events/demo-event-case-review-2025-10'
const LATER_CASE_REVIEW = '/events/demo-event-case-review-2027-03'

describe('events', () => {
  test('a member signs up from the list, sees the online link and the event on /home, then cancels', async () => {
    const page = await newPage(browser)
    await login(page, 'member@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')

    await page.getByRole('navigation').getByRole('link', { name: '行事・研修', exact: true }).click()
    await waitForPath(page, '/events')
    await page.getByRole('link', { name: 'フォロー研修会（2027年1月）' }).click()
    await waitForPath(page, FOLLOW_UP)
    const main = page.locator('main')
    await main.getByText('参加が確定した方にだけ').waitFor()
    expect(await main.innerText()).not.toContain('meet.example.jp')

    await submit(page, '参加を申し込む', /^\/events\/[^/]+(\.data)?$/)
    await main.getByText('参加が確定しています。').waitFor()
    await main.getByRole('link', { name: 'https://meet.example.jp/qso-follow-up-2027-01' }).waitFor()
    expect(await main.getByRole('link', { name: 'カレンダーに追加（.ics）' }).getAttribute('href')).toBe(`${FOLLOW_UP}/calendar.ics`)
    const violations = await checkAccessibility(page)
    expect(violations, formatViolations(violations)).toEqual([])

    await page.goto('/home')
    await page.locator('section', { has: page.getByRole('heading', { name: '参加予定の行事' }) }).getByRole('link', { name: 'フォロー研修会（2027年1月）' }).waitFor()

    await page.goto(FOLLOW_UP)
    await submit(page, '参加をキャンセルする', /^\/events\/[^/]+(\.data)?$/)
    await main.getByText('参加をキャンセルしました。').waitFor()
    await page.getByRole('button', { name: '参加を申し込む', exact: true }).waitFor()
    expect(await main.innerText()).not.toContain('meet.example.jp')
  })

  test('when a participant of a full event cancels, the first on the waiting list gets the seat and a mail', async () => {
    const since = new Date()
    const leaving = await newPage(browser)
    await login(leaving, 'demo.eqso4@qso.example', DEMO_PASSWORD)
    await waitForPath(leaving, '/home')
    await leaving.goto(FULL_REATTENDANCE)
    await submit(leaving, '参加をキャンセルする', /^\/events\/[^/]+(\.data)?$/)
    await leaving.locator('main').getByText('参加をキャンセルしました。').waitFor()

    const mail = await readLatestMail(mailDir(), 'member2@qso.example', { subject: '参加が確定', since })
    const link = extractLink(mail.text, '/events/')
    expect(new URL(link).pathname).toBe(FULL_REATTENDANCE)

    const promoted = await newPage(browser)
    await login(promoted, 'member2@qso.example', DEMO_PASSWORD)
    await waitForPath(promoted, '/home')
    await promoted.goto(FULL_REATTENDANCE)
    await promoted.locator('main').getByText('参加が確定しています。').waitFor()
  })

  test('a discussed demo case links to its meeting; an admin picks a case for an upcoming meeting', async () => {
    const page = await newPage(browser)
    await login(page, 'member2@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')
    await page.goto(PAST_CASE_REVIEW)
    const main = page.locator('main')
    const discussed = main.locator('section', { has: page.getByRole('heading', { name: 'この検討会で扱った事例' }) })
    await discussed.getByRole('link', { name: /シリンジポンプの流量/ }).click()
    await page.waitForURL((url) => /^\/cases\/[^/]+$/.test(url.pathname))
    await main.getByText(/^検討会で扱った（2025.+10.+21/).waitFor()
    await main.getByRole('note', { name: 'この事例を扱った事例検討会' }).getByRole('link', { name: '事例検討会：輸液ポンプの設定誤り' }).click()
    await waitForPath(page, PAST_CASE_REVIEW)

    await page.goto('/cases?reviewed=1')
    await main.getByRole('link', { name: /シリンジポンプの流量/ }).waitFor()
    expect(await page.getByRole('checkbox', { name: '検討会で扱った事例' }).isChecked()).toBe(true)

    const admin = await newPage(browser)
    await login(admin, 'admin@qso.example', DEMO_PASSWORD)
    await waitForPath(admin, '/home')
    // A new event: once the page has hydrated, the picker opens only when the kind is 事例検討会.
    await admin.goto('/admin/events/new')
    // (`:disabled` includes the fieldset's state, which the input's own `disabled` property does not show)
    await admin.waitForFunction(() => document.querySelector('#case-picker-list input[type=checkbox]')?.matches(':disabled') === true)
    await admin.getByLabel('種別').selectOption('CASE_REVIEW')
    await admin.waitForFunction(() => document.querySelector('#case-picker-list input[type=checkbox]')?.matches(':disabled') === false)

    // Without JavaScript the kind cannot open it, so it is open from the start (the server checks the kind).
    const plain = await newPage(browser, { javaScriptEnabled: false })
    await login(plain, 'admin@qso.example', DEMO_PASSWORD)
    await plain.goto('/admin/events/new')
    expect(await plain.locator('#case-picker-list input[type=checkbox]').first().isDisabled()).toBe(false)

    await admin.goto(`/admin${LATER_CASE_REVIEW}`)
    await admin.getByLabel('題名・IDで絞り込む').fill('ガーゼ')
    await admin.getByText(/件中 1件を表示/).waitFor()
    await admin.getByRole('checkbox', { name: /ガーゼ遺残/ }).check()
    const violations = await checkAccessibility(admin)
    expect(violations, formatViolations(violations)).toEqual([])
    await submit(admin, '保存する', /^\/admin\/events\/[^/]+(\.data)?$/)
    await admin.goto(LATER_CASE_REVIEW)
    await admin.locator('main').locator('section', { has: admin.getByRole('heading', { name: 'この検討会で扱う事例' }) }).getByRole('link', { name: /ガーゼ遺残/ }).waitFor()
  })
})
