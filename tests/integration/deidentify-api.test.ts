import { describe, expect, test } from 'vitest'
import { createUser, makeRequest, sessionCookieFor } from '#tests/fixtures/auth.ts'
import { expectResponse, routeArgs } from '#tests/fixtures/routes.ts'
import { MAX_TEXT_LENGTH } from '#app/modules/deidentify/detect.ts'
import * as api from '#app/routes/api/deidentify.ts'

const PATH = '/api/deidentify'

function post(body: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  const request = makeRequest(PATH, { cookie: options.cookie })
  const headers = new Headers(request.headers)
  headers.set('Content-Type', 'application/json')
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value)
  return new Request(request.url, { method: 'POST', headers, body })
}

async function memberCookie() {
  return sessionCookieFor((await createUser()).id)
}

async function errorOf(response: Response) {
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/)
  const body = (await response.json()) as { error: string }
  expect(body.error).toMatch(/[ぁ-んァ-ン一-龯]/u)
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|Error:|stack/i)
  return body.error
}

describe('POST /api/deidentify', () => {
  test('a member gets the findings with type, offsets, text, severity and replacement', async () => {
    const text = '患者の山田太郎様は2024年5月3日に転倒し、田中看護師が発見した。'
    const response = expectResponse(await api.action(routeArgs(post(JSON.stringify({ text }), { cookie: await memberCookie() }))), 200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const { findings } = (await response.json()) as { findings: Array<{ type: string; start: number; end: number; text: string; severity: string; replacement: string }> }
    expect(findings.map((f) => [f.type, f.text, f.severity])).toEqual([
      ['person-name', '山田太郎様', 'block'],
      ['date', '2024年5月3日', 'block'],
      ['person-name', '田中看護師', 'block'],
    ])
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text)
    expect(findings[0]?.replacement).toBe('○○様')
  })

  test('clean text gives an empty list', async () => {
    const response = expectResponse(
      await api.action(routeArgs(post(JSON.stringify({ text: '術後2日目、14:30に5mgを投与。影響度3b。' }), { cookie: await memberCookie() }))),
      200,
    )
    expect(await response.json()).toEqual({ findings: [] })
  })

  test('anonymous callers get 401 JSON, not a redirect, and nothing is analysed', async () => {
    const response = expectResponse(await api.action(routeArgs(post(JSON.stringify({ text: '山田太郎様' })))), 401)
    expect(response.headers.get('Location')).toBeNull()
    const error = await errorOf(response)
    expect(error).toContain('ログイン')
    expect(error).not.toContain('山田')
  })

  test('a deactivated member is treated as signed out', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const { prisma } = await import('#app/lib/db.server.ts')
    await prisma.user.update({ where: { id: user.id }, data: { status: 'DEACTIVATED' } })
    expectResponse(await api.action(routeArgs(post(JSON.stringify({ text: 'x' }), { cookie }))), 401)
  })

  test('GET is 405 with Allow: POST', async () => {
    const response = expectResponse(api.loader(), 405)
    expect(response.headers.get('Allow')).toBe('POST')
    await errorOf(response)
  })

  test('other methods are 405', async () => {
    const request = new Request(`http://localhost:3000${PATH}`, { method: 'PUT', body: '{"text":"x"}' })
    expectResponse(await api.action(routeArgs(request)), 405)
  })

  test.each([
    ['not JSON', 'text=山田様'],
    ['truncated JSON', '{"text": "山田'],
    ['no text', '{}'],
    ['text not a string', '{"text": 12}'],
    ['null', 'null'],
    ['empty body', ''],
  ])('%s is 400 with a Japanese message', async (_name, body) => {
    const response = expectResponse(await api.action(routeArgs(post(body, { cookie: await memberCookie() }))), 400)
    await errorOf(response)
  })

  test('text over 100,000 characters is 413; exactly 100,000 is fine', async () => {
    const cookie = await memberCookie()
    const tooLong = expectResponse(await api.action(routeArgs(post(JSON.stringify({ text: 'あ'.repeat(MAX_TEXT_LENGTH + 1) }), { cookie }))), 413)
    await errorOf(tooLong)
    expectResponse(await api.action(routeArgs(post(JSON.stringify({ text: 'あ'.repeat(MAX_TEXT_LENGTH) }), { cookie }))), 200)
  })

  test('a body larger than any acceptable request is refused from its Content-Length', async () => {
    const response = expectResponse(
      await api.action(routeArgs(post('{"text":"x"}', { cookie: await memberCookie(), headers: { 'Content-Length': String(10_000_000) } }))),
      413,
    )
    await errorOf(response)
  })
})
