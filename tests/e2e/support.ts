import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { AxeResults, Result } from 'axe-core'
import { chromium, type Browser, type Page, type Response } from 'playwright-core'
import { inject, onTestFinished } from 'vitest'
import { totpStep } from '#app/modules/auth/totp.ts'
import { DEMO_TOTP_ACCOUNTS, demoTotpKey } from '#prisma/seed/demo-two-factor.ts'
import { generateHOTP } from '@oslojs/otp'

/** Demo accounts seeded by `db-cli seed` (prisma/seed.ts); see shared/architecture.md "Demo data". */
export const DEMO_PASSWORD = 'qso-demo-pass'
export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@qso.example', name: '事務局 管理者' },
  { role: 'consultant', email: 'consultant@qso.example', name: '相談 太郎' },
  { role: 'member', email: 'member@qso.example', name: '安全 花子' },
  { role: 'member2', email: 'member2@qso.example', name: '薬師 次郎' },
] as const

export const SCREENSHOT_DIR = path.join(os.tmpdir(), 'qso-e2e-screenshots')

// Without the background-networking flags Chromium keeps trying to reach Google services, which on a closed
// network means a stream of refused connections.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function baseUrl(): string {
  return inject('baseUrl')
}

export function mailDir(): string {
  return inject('mailDir')
}

/** Debian's Chromium (playwright cannot download its own browsers here); CHROMIUM_PATH overrides it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/**
 * A page in a fresh context (its own cookies), with relative URLs resolved against the server under test.
 * Inside a test, the context is closed when the test ends, after a screenshot if the test failed.
 */
export async function newPage(browser: Browser, options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  try {
    onTestFinished(async ({ task }) => {
      if (task.result?.state === 'fail' && !page.isClosed()) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true })
        const slug = task.name.replace(/[^\w.-]+/g, '-').slice(0, 80)
        const file = path.join(SCREENSHOT_DIR, `${slug}-${Date.now()}.png`)
        await page.screenshot({ path: file, fullPage: true }).catch(() => {})
        console.error(`[e2e] "${task.name}" failed; page ${page.url()} — screenshot ${file}`)
      }
      await context.close().catch(() => {})
    })
  } catch {
    // Not inside a test (a beforeAll hook, say): the caller closes the context.
  }
  return page
}

/** Clicks a submit button and waits for the server's answer to the POST (a Remix .data fetch or a document). */
export async function submit(page: Page, buttonName: string, pathname: RegExp): Promise<Response> {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && pathname.test(new URL(response.url()).pathname),
  )
  await page.getByRole('button', { name: buttonName, exact: true }).click()
  return answered
}

/**
 * Signs in through the form on /login (staying on /login if the page is already there, e.g. ?redirectTo=…). The
 * demo admin and consultant then pass the second step with a real TOTP code from the seeded secret.
 */
export async function login(page: Page, email: string, password: string): Promise<void> {
  if (page.url() === 'about:blank' || new URL(page.url()).pathname !== '/login') await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await submit(page, 'ログイン', /^\/login(\.data)?$/)
  if ((DEMO_TOTP_ACCOUNTS as readonly string[]).includes(email)) await passSecondStep(page, demoTotpKey(), email)
}

// The server accepts each time step once (replay protection) and one step either side of now. Signing the same
// demo account in several times within 30 seconds therefore needs the next unused step, and sometimes a wait.
// The test files run one after another in separate processes, so the steps used are kept in a file beside the
// mail directory: a map in memory would start empty in the next file and replay steps the server has seen.
function stepsFile(): string {
  return path.join(path.dirname(mailDir()), 'totp-steps-used.json')
}

function lastStepUsed(account: string): bigint | undefined {
  try {
    const used = JSON.parse(readFileSync(stepsFile(), 'utf8')) as Record<string, string>
    return used[account] === undefined ? undefined : BigInt(used[account])
  } catch {
    return undefined
  }
}

function recordStepUsed(account: string, step: bigint): void {
  let used: Record<string, string> = {}
  try {
    used = JSON.parse(readFileSync(stepsFile(), 'utf8')) as Record<string, string>
  } catch {
    // No file yet: this is the first second step of the run.
  }
  used[account] = step.toString()
  writeFileSync(stepsFile(), JSON.stringify(used))
}

/** On /login/two-factor: types the authenticator code for `key`, trying the next unused step (and waiting if needed). */
export async function passSecondStep(page: Page, key: Uint8Array, account: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/login/two-factor')
  for (let attempt = 0; attempt < 6; attempt++) {
    const now = totpStep(new Date())
    const after = lastStepUsed(account) ?? now - 2n
    const step = after < now - 1n ? now - 1n : after + 1n
    if (step > now + 1n) {
      // Every acceptable step is used: wait for the next 30-second step to begin.
      await page.waitForTimeout(Number((step - 1n) * 30_000n) - Date.now() + 200)
      continue
    }
    // Recorded before the answer: a refused step was used already (by a flow this file did not see), so the
    // next attempt moves past it either way.
    recordStepUsed(account, step)
    await page.locator('input[name="code"]').first().fill(generateHOTP(key, step, 6))
    const answer = await submit(page, '確認する', /^\/login\/two-factor(\.data)?$/)
    if (answer.status() !== 401) {
      await page.waitForURL((url) => url.pathname !== '/login/two-factor')
      return
    }
  }
  throw new Error(`The second step for ${account} was refused six times.`)
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト', exact: true }).click()
  await page.waitForURL((url) => url.pathname === '/')
}

export function waitForPath(page: Page, pathname: string): Promise<void> {
  return page.waitForURL((url) => url.pathname === pathname)
}

export type SentMail = { from: string; to: string; subject: string; text: string; sentAt: string }

/**
 * The newest mail to `to` in the server's MAIL_DIR, polling until one arrives (the server writes it while
 * answering, but a test may look before the file is complete). `subject` and `since` narrow the choice.
 */
export async function readLatestMail(
  dir: string,
  to: string,
  options: { subject?: string | RegExp; since?: Date; timeoutMs?: number } = {},
): Promise<SentMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  const address = to.trim().toLowerCase()
  for (;;) {
    const found: SentMail[] = []
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue
      let mail: SentMail
      try {
        mail = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as SentMail
      } catch {
        continue // still being written
      }
      const recipient = String(mail.to).toLowerCase()
      if (recipient !== address && !recipient.includes(`<${address}>`)) continue
      if (options.since && new Date(mail.sentAt) < options.since) continue
      if (options.subject && !(typeof options.subject === 'string' ? mail.subject.includes(options.subject) : options.subject.test(mail.subject))) continue
      found.push(mail)
    }
    found.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt))
    if (found[0]) return found[0]
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${to}${options.subject ? ` with subject ${String(options.subject)}` : ''} arrived in ${dir}.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The first absolute link in a mail whose path starts with `pathPrefix` (e.g. "/join/"). */
export function extractLink(text: string, pathPrefix: string): string {
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'）)]+/g)) {
    if (new URL(match[0]).pathname.startsWith(pathPrefix)) return match[0]
  }
  throw new Error(`No link to ${pathPrefix}… in the mail:\n${text}`)
}

export type AccessibilityViolation = Pick<Result, 'id' | 'impact' | 'help' | 'helpUrl'> & { targets: string[] }

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Runs axe-core in the page; returns the violations of impact "serious" or "critical". */
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  await page.addScriptTag({ path: axePath })
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run())
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
}

export function formatViolations(violations: AccessibilityViolation[]): string {
  return violations.map((v) => `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n    ${v.targets.join('\n    ')}`).join('\n')
}

let emailCounter = 0
/** An address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(label: string): string {
  emailCounter += 1
  return `e2e-${label}-${Date.now().toString(36)}-${emailCounter}@test.example`
}

/** As the admin: invites `email` from /admin/invites and returns the /join/… link from the mail. */
export async function inviteByAdmin(browser: Browser, email: string, role: 'MEMBER' | 'CONSULTANT' | 'ADMIN' = 'MEMBER'): Promise<string> {
  const page = await newPage(browser)
  try {
    await login(page, 'admin@qso.example', DEMO_PASSWORD)
    await waitForPath(page, '/home')
    await sendInvite(page, email, role)
    const mail = await readLatestMail(mailDir(), email, { subject: '会員登録' })
    return extractLink(mail.text, '/join/')
  } finally {
    await page.context().close().catch(() => {})
  }
}

/** On /admin/invites (signed in as an admin): fills the form and clicks 招待を送る. */
export async function sendInvite(page: Page, email: string, role: 'MEMBER' | 'CONSULTANT' | 'ADMIN'): Promise<void> {
  await page.goto('/admin/invites')
  await page.locator('input[name="email"]').fill(email)
  const roleSelect = page.locator('select[name="role"]')
  if (await roleSelect.count()) await roleSelect.selectOption(role)
  else await page.locator(`input[name="role"][value="${role}"]`).check()
  await submit(page, '招待を送る', /^\/admin\/invites(\.data)?$/)
}

export type JoinProfile = { name: string; password: string; department?: string }

/** Fills the sign-up form behind an invitation link and submits it (登録する); it should land on /home. */
export async function joinWithInvite(page: Page, link: string, profile: JoinProfile): Promise<void> {
  await page.goto(link)
  await page.locator('input[name="name"]').fill(profile.name)
  await page.locator('select[name="profession"]').selectOption('NURSE')
  await page.locator('select[name="course"]').selectOption('EQSO')
  await page.locator('input[name="cohort"]').fill('3')
  await page.locator('input[name="department"]').fill(profile.department ?? '医療安全管理室')
  await page.locator('input[name="password"]').fill(profile.password)
  await page.locator('input[name="confirmPassword"]').fill(profile.password)
  await submit(page, '登録する', /^\/join\//)
}

export type Account = { email: string; password: string; name: string }

/** A brand-new member created the way a real one is: invited by the admin, joined through the mailed link. */
export async function createMemberThroughInvite(browser: Browser, label: string): Promise<Account> {
  const account = { email: uniqueEmail(label), password: `e2e-${label}-password-1`, name: `E2E ${label}` }
  const link = await inviteByAdmin(browser, account.email)
  const page = await newPage(browser)
  try {
    await joinWithInvite(page, link, account)
    await waitForPath(page, '/home')
  } finally {
    await page.context().close().catch(() => {})
  }
  return account
}
