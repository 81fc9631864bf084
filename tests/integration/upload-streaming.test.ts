import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { type AppProcess, rssMb, startApp } from '#tests/fixtures/app-process.ts'
import { createUser, sessionCookieFor } from '#tests/fixtures/auth.ts'
import { xlsxFile } from '#tests/fixtures/office.ts'

// Issue 18 / issue 13: upload forms read as a stream by the real server (server/start.ts in a child process), with
// each file's cap enforced while it is read, with and without Content-Length; downloads streamed from storage.

let app: AppProcess
let cookie = ''
let authorId = ''

beforeAll(async () => {
  app = await startApp()
  const author = await createUser()
  authorId = author.id
  cookie = (await sessionCookieFor(author.id)).split(';')[0]!
}, 180_000)

afterAll(async () => {
  await app?.stop()
})

const MB = 1024 * 1024
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

type Part = { name: string; value: string } | { name: string; fileName: string; type: string; bytes: Buffer }

/** A multipart/form-data body, the parts in the order given (as a browser sends a form's fields in DOM order). */
function multipartBody(parts: Part[]): { boundary: string; body: Buffer } {
  const boundary = `----qso${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    const head =
      'value' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type}\r\n\r\n`
    chunks.push(Buffer.from(head, 'utf8'), 'value' in part ? Buffer.from(part.value, 'utf8') : part.bytes, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { boundary, body: Buffer.concat(chunks) }
}

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; sentMb: number; error?: string }

/** POSTs the body in 64 KB writes; `chunked` leaves Content-Length out (Transfer-Encoding: chunked). */
function post(target: string, body: Buffer, contentType: string, options: { chunked: boolean }): Promise<Reply> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'Content-Type': contentType, Cookie: cookie }
    if (!options.chunked) headers['Content-Length'] = String(body.byteLength)
    // agent: false, a fresh connection each time: the server closes the one it cut off.
    const request = http.request({ host: '127.0.0.1', port: app.port, method: 'POST', path: target, headers, agent: false })
    let sent = 0
    let answered: Omit<Reply, 'sentMb'> | null = null
    let error: string | undefined
    const finish = () => resolve({ status: answered?.status ?? 0, headers: answered?.headers ?? {}, body: answered?.body ?? Buffer.alloc(0), sentMb: Math.round(sent / MB), error })
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        answered = { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }
        finish()
      })
    })
    request.on('error', (problem) => {
      error = problem.message
      setTimeout(finish, 1000)
    })
    const pump = () => {
      while (!answered && sent < body.byteLength) {
        const chunk = body.subarray(sent, sent + 64 * 1024)
        sent += chunk.byteLength
        if (!request.write(chunk)) return request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    pump()
  })
}

function get(target: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: app.port, path: target, headers: { Cookie: cookie }, agent: false }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), sentMb: 0 }))
      })
      .on('error', reject)
  })
}

const TITLE = '夜間転倒を減らすための巡視表'
const practiceParts = (files: Part[]): Part[] => [
  { name: 'title', value: TITLE },
  { name: 'problem', value: '夜間の転倒が多い' },
  { name: 'whatWasDone', value: '巡視表を見直した。' },
  { name: 'steps', value: '1. 試行' },
  ...files,
  // After the files, as in the page: the fields behind an oversize file must still arrive.
  { name: 'theme', value: 'CARE' },
  { name: 'pitfalls', value: '記入漏れに注意' },
  { name: 'intent', value: 'draft' },
]

describe('per-file cap while reading', () => {
  test.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true],
  ])('an 11 MB attachment %s is refused with 413, the message beside the field and every typed field back', async (_label, chunked) => {
    const before = rssMb(app.pid)
    const big = Buffer.alloc(11 * MB, 0x41)
    big.write('%PDF-1.7\n')
    const { boundary, body } = multipartBody(practiceParts([{ name: 'attachments', fileName: '大きな資料.pdf', type: 'application/pdf', bytes: big }]))
    const reply = await post('/practices/new', body, `multipart/form-data; boundary=${boundary}`, { chunked })
    const after = rssMb(app.pid)
    console.log(`11 MB attachment (${chunked ? 'chunked' : 'Content-Length'}): ${reply.status}, server RSS ${before} → ${after} MB`)
    expect(reply.status).toBe(413)
    const html = reply.body.toString('utf8')
    expect(html).toContain('「大きな資料.pdf」は 10.0 MB を超えています。10.0 MB 以下のファイルを選んでください。')
    // The form comes back with what was typed, before and after the file.
    expect(html).toContain(`value="${TITLE}"`)
    expect(html).toContain('記入漏れに注意')
    expect(await prisma.practice.count({ where: { authorId } })).toBe(0)
    expect(await prisma.storedFile.count({ where: { uploadedById: authorId } })).toBe(0)
  }, 120_000)

  test('a chunked body over the route\'s total cap is cut off, not read to the end', async () => {
    // Twelve files of 10 MB: each under the per-file cap, together past the 110 MB the practice form may send.
    const file = Buffer.alloc(10 * MB - 1024, 0x41)
    file.write('%PDF-1.7\n')
    const files = Array.from({ length: 12 }, (_, index): Part => ({ name: 'attachments', fileName: `f${index}.pdf`, type: 'application/pdf', bytes: file }))
    const { boundary, body } = multipartBody(practiceParts(files))
    const reply = await post('/practices/new', body, `multipart/form-data; boundary=${boundary}`, { chunked: true })
    const cutOff = reply.status === 413 || (reply.status === 0 && /EPIPE|ECONNRESET/.test(reply.error ?? ''))
    expect(cutOff, JSON.stringify({ status: reply.status, error: reply.error, sentMb: reply.sentMb })).toBe(true)
    if (reply.status === 413) expect(reply.body.toString('utf8')).toContain('大きすぎます')
    expect(await prisma.storedFile.count({ where: { uploadedById: authorId } })).toBe(0)
    // And the server is still there for the next request (a broken-off upload once crashed it).
    expect((await get('/healthz')).status).toBe(200)
  }, 180_000)
})

describe('accepted uploads and streamed downloads', () => {
  test('a PNG and an Excel file sent chunked are stored; each downloads with its type, safe name and nosniff', async () => {
    const xlsx = Buffer.from(await xlsxFile())
    const { boundary, body } = multipartBody(
      practiceParts([
        { name: 'attachments', fileName: 'グラフ.png', type: 'image/png', bytes: PNG },
        { name: 'attachments', fileName: '転倒率\u202Efdp.xlsx', type: 'application/octet-stream', bytes: xlsx },
      ]),
    )
    const reply = await post('/practices/new', body, `multipart/form-data; boundary=${boundary}`, { chunked: true })
    expect(reply.status, `${reply.error ?? ''} ${reply.body.toString('utf8').slice(0, 500)}`).toBe(302)
    const practiceId = String(reply.headers.location).split('/')[2]!.split('?')[0]!
    const practice = await prisma.practice.findUniqueOrThrow({ where: { id: practiceId }, include: { attachments: { include: { file: true }, orderBy: { createdAt: 'asc' } } } })
    expect(practice.pitfalls).toBe('記入漏れに注意')
    expect(practice.attachments.map((item) => [item.file.fileName, item.file.mimeType])).toEqual([
      ['グラフ.png', 'image/png'],
      ['転倒率fdp.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ])

    const [png, sheet] = practice.attachments
    const pngReply = await get(`/practices/${practiceId}/attachments/${png!.id}`)
    expect(pngReply.status).toBe(200)
    expect(pngReply.headers['content-type']).toBe('image/png')
    expect(pngReply.headers['x-content-type-options']).toBe('nosniff')
    expect(pngReply.body.equals(PNG)).toBe(true)

    const sheetReply = await get(`/practices/${practiceId}/attachments/${sheet!.id}`)
    expect(sheetReply.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(sheetReply.headers['content-disposition']).toBe(`attachment; filename="___fdp.xlsx"; filename*=UTF-8''${encodeURIComponent('転倒率fdp.xlsx')}`)
    expect(sheetReply.headers['content-length']).toBe(String(xlsx.byteLength))
    expect(sheetReply.headers['x-content-type-options']).toBe('nosniff')
    expect(sheetReply.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
    expect(createHash('sha256').update(sheetReply.body).digest('hex')).toBe(sheet!.file.sha256)
  }, 120_000)

  test('another member cannot download a draft\'s attachment (permission checks unchanged)', async () => {
    const attachment = await prisma.practiceAttachment.findFirstOrThrow({ where: { practice: { authorId } } })
    const other = await createUser()
    const otherCookie = (await sessionCookieFor(other.id)).split(';')[0]!
    const reply = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: app.port, path: `/practices/${attachment.practiceId}/attachments/${attachment.id}`, headers: { Cookie: otherCookie } }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        })
        .on('error', reject)
    })
    expect(reply).toBe(404)
  })
})
