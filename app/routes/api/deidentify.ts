import type { ActionFunctionArgs } from '@remix-run/node'
import { getSession } from '#app/modules/auth/session.server.ts'
import { MAX_TEXT_LENGTH } from '#app/modules/deidentify/detect.ts'
import { checkText } from '#app/modules/deidentify/server-check.server.ts'

// POST /api/deidentify {"text": "..."} → {"findings": [...]}: the editor's live check while an author writes,
// answered by the server check (rule engine + analyser), the same one that gates publishing.
// A JSON API, so failures are JSON with a status (never a redirect to /login or an HTML error page), and the text
// is neither stored nor logged: it is the very content that may still hold personal information.

const HEADERS = { 'Cache-Control': 'no-store' }

/** A UTF-8 character is at most 4 bytes, and JSON may escape one as \uXXXX (6 bytes); plus room for the wrapper. */
const MAX_BODY_BYTES = MAX_TEXT_LENGTH * 6 + 1024

const fail = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { ...HEADERS, ...headers } })

const methodNotAllowed = () => fail(405, 'このURLはPOSTのみ受け付けます。', { Allow: 'POST' })

export function loader() {
  return methodNotAllowed()
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed()
  const session = await getSession(request)
  if (!session) return fail(401, 'ログインが必要です。ログインし直してから、もう一度お試しください。')

  const body = await readBody(request)
  if (body === 'too-large') return tooLarge()
  let text: unknown
  try {
    text = (JSON.parse(body) as { text?: unknown } | null)?.text
  } catch {
    return fail(400, 'リクエストの形式が正しくありません。JSON で {"text": "…"} を送ってください。')
  }
  if (typeof text !== 'string') return fail(400, '確認する文章（text）を文字列で送ってください。')
  if (text.length > MAX_TEXT_LENGTH) return tooLarge()

  return Response.json({ findings: await checkText(text) }, { headers: HEADERS })
}

const tooLarge = () => fail(413, `文章が長すぎます。${MAX_TEXT_LENGTH.toLocaleString('ja-JP')}文字以内に分けて確認してください。`)

/** The body as text, refusing early (without buffering it all) when it is larger than any acceptable request. */
async function readBody(request: Request): Promise<string | 'too-large'> {
  const declared = Number(request.headers.get('Content-Length') ?? '')
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return 'too-large'
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      return 'too-large'
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
