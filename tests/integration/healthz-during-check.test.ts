import { afterAll, beforeAll, expect, test } from 'vitest'
import { type RawReply, sendRaw } from '#tests/fixtures/raw-http.ts'
import { type AppProcess, startApp } from '#tests/fixtures/app-process.ts'

// Issue 14: the de-identification check runs in worker threads, so a long check never holds up other requests.
// Shown by order, not by time: against the real server in a child process, a /healthz request sent while a
// 20,000-character check is being worked on (the server itself reports the check in flight) is answered before
// that check's answer arrives. If the check ran on the request's thread, /healthz could not be answered until the
// check had finished, and no /healthz reply could ever report it in flight.

let app: AppProcess

beforeAll(async () => {
  app = await startApp()
}, 180_000)

afterAll(async () => {
  await app?.stop()
})

type Reply = RawReply

function send(method: string, target: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return sendRaw(app.port, method, target, options)
}

/** A case section of 20,000 characters (the editor's limit) in the style of a report, with names and dates in it. */
function longSection(): string {
  const sentences = [
    '夜勤帯に山田太郎様がトイレ歩行中に転倒し、佐藤看護師が発見した。',
    '主治医の鈴木先生に報告し、頭部CTを撮影したが出血は認めなかった。',
    '3月14日の朝、離床センサーの電源が切れていたことが分かった。',
    '転倒リスク評価は入院時に実施していたが、再評価は行われていなかった。',
  ]
  let text = ''
  for (let i = 0; text.length < 20_000; i++) text += sentences[i % sentences.length]
  return text.slice(0, 20_000)
}

type Health = { status: string; deidentify: { workers: number; inFlight: number } }

test('/healthz answers while a 20,000-character de-identification check is still in flight', { timeout: 180_000 }, async () => {
  const signIn = await send('POST', '/login', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'member@qso.example', password: 'qso-demo-pass', redirectTo: '/home' }).toString(),
  })
  expect(signIn.status).toBe(302)
  const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''

  const before = JSON.parse((await send('GET', '/healthz')).body) as Health
  expect(before.deidentify.inFlight).toBe(0)

  let checkAnswered = false
  const check = send('POST', '/api/deidentify', {
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ text: longSection() }),
  }).then((reply) => {
    checkAnswered = true
    return reply
  })

  // Ask /healthz, one request after another, until the server reports the check in flight or the check is
  // answered. The first worker also loads the analyser, so the check is in flight for a long while.
  let answeredDuringCheck: Health | undefined
  while (!checkAnswered && !answeredDuringCheck) {
    const reply = await send('GET', '/healthz')
    expect(reply.status).toBe(200)
    const health = JSON.parse(reply.body) as Health
    if (health.deidentify.inFlight > 0 && !checkAnswered) answeredDuringCheck = health
  }
  expect(answeredDuringCheck).toMatchObject({ status: 'ok', deidentify: { inFlight: 1 } })
  expect(checkAnswered).toBe(false)

  const checked = await check
  expect(checked.status).toBe(200)
  const { findings } = JSON.parse(checked.body) as { findings: Array<{ type: string; severity: string }> }
  // The whole section was checked: every repetition of the name is among the findings.
  expect(findings.filter((finding) => finding.type === 'person-name').length).toBeGreaterThan(300)
  expect((JSON.parse((await send('GET', '/healthz')).body) as Health).deidentify.inFlight).toBe(0)
})
