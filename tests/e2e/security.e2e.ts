import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { baseUrl, createMemberThroughInvite, DEMO_PASSWORD, launchBrowser, login, newPage, submit, waitForPath } from './support.ts'

// Issue 13 in Chromium against the production build: the phishing redirect from the assessment (F2), the CSP
// nonce letting Remix's own scripts run and nothing else (F10), and the profile change request (F1).

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('F2: the open redirect after sign-in', () => {
  test.each(['/%09/evil.example/phish', '/%E3%80%80/evil.example/phish', '/%5C/evil.example/phish'])(
    'signing in from /login?redirectTo=%s lands on /home, not on another site',
    async (redirectTo) => {
      const page = await newPage(browser)
      const visited: string[] = []
      page.on('request', (request) => visited.push(new URL(request.url()).host))
      await page.goto(`/login?redirectTo=${redirectTo}`)
      await login(page, 'member@qso.example', DEMO_PASSWORD)
      await waitForPath(page, '/home')
      expect(new URL(page.url()).host).toBe(new URL(baseUrl()).host)
      expect(visited).not.toContain('evil.example')
    },
  )
})

describe('F10: the CSP nonce', () => {
  test('pages hydrate under the CSP (client-side navigation works) and no CSP violation is reported', async () => {
    const page = await newPage(browser)
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text())
    })
    const response = await page.goto('/login')
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/)
    await login(page, 'member@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')
    // A client-side navigation only happens once React has hydrated, i.e. the nonce'd scripts ran.
    const documents: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents.push(request.url())
    })
    await page.getByRole('link', { name: '会員', exact: true }).first().click()
    await waitForPath(page, '/members')
    expect(documents).toEqual([])
    // Injected markup with an inline event handler (the classic XSS shape) does not run: no nonce, no 'unsafe-inline'.
    const ran = await page.evaluate(async () => {
      document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.__injected = true">')
      await new Promise((resolve) => setTimeout(resolve, 500))
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(ran).toBe(false)
    // The only violation is the injected handler's.
    expect(violations.filter((text) => !/inline event handler|script-src-attr/i.test(text))).toEqual([])
  })
})

describe('F1: hospital, course and cohort through a change request', () => {
  test('a member asks, nothing changes, the admin approves, the member sees the new values', async () => {
    const member = await createMemberThroughInvite(browser, 'membership')
    const page = await newPage(browser)
    await login(page, member.email, member.password)
    await waitForPath(page, '/home')
    await page.goto('/settings/profile')
    // The profile form itself has no hospital, course or cohort fields any more.
    expect(await page.locator('#profile select[name="hospitalId"], #profile select[name="course"]').count()).toBe(0)
    await page.getByText('変更を依頼する', { exact: true }).first().click()
    const hospitalSelect = page.locator('#membership-change select[name="hospitalId"]')
    const options = await hospitalSelect.locator('option').evaluateAll((nodes) => nodes.map((node) => ({ value: (node as HTMLOptionElement).value, label: node.textContent ?? '' })))
    const wanted = options.find((option) => option.value)!.label
    await hospitalSelect.selectOption({ label: wanted })
    await page.locator('#membership-change select[name="course"]').selectOption('CQSO')
    await page.locator('#membership-change textarea[name="reason"]').fill('4月に異動しました')
    await submit(page, '変更を依頼する', /^\/settings\/profile/)
    await page.getByText('変更を依頼しました').waitFor()
    const hospitalName = wanted.replace(/（.*$/, '')
    const current = page.locator('dl.definition-list')
    expect(await current.innerText()).not.toContain(hospitalName)

    const admin = await newPage(browser)
    await login(admin, 'admin@qso.example', DEMO_PASSWORD)
    await waitForPath(admin, '/home')
    await admin.goto('/admin/membership-requests')
    await admin.getByRole('link', { name: member.name }).first().click()
    await admin.getByText('4月に異動しました').waitFor()
    await submit(admin, '承認して反映する', /^\/admin\/membership-requests\//)
    await admin.getByText('処理しました').waitFor()

    await page.goto('/settings/profile')
    const after = await page.locator('dl.definition-list').innerText()
    expect(after).toContain(hospitalName)
    expect(after).toContain('CQSO')
    await page.goto('/notifications')
    await page.getByText('所属・修了コースの変更が承認されました').first().waitFor()
  })
})
