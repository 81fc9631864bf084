import { chromium } from 'playwright-core'
const base = 'http://localhost:3101'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()) })
page.on('pageerror', (e) => console.log('page error:', e.message))
await page.goto(base + '/login')
await page.fill('input[name=email]', process.argv[2] ?? 'member2@qso.example')
await page.fill('input[name=password]', 'qso-demo-pass')
await page.click('button[type=submit]')
await page.waitForURL('**/home')
for (const path of (process.argv[3] ?? '/home,/cases').split(',')) {
  const response = await page.goto(base + path)
  await page.waitForTimeout(1500)
  const name = path.replace(/[^\w]+/g, '_')
  await page.screenshot({ path: `/tmp/cases-shot${name}.png`, fullPage: true })
  console.log(path, response?.status(), `/tmp/cases-shot${name}.png`)
}
await browser.close()
