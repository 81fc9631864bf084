import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { LocalDiskStorage, S3Storage, StoredObjectMissing, type FileStorage } from '#app/modules/uploads/storage.server.ts'
import { startS3Server, type S3TestServer } from '#tests/fixtures/s3-server.ts'

// One contract, two stores: local disk and S3 (against a real S3-compatible server on loopback, not a mock).

let s3Server: S3TestServer
let s3: S3Storage
beforeAll(async () => {
  s3Server = await startS3Server()
  s3 = new S3Storage(s3Server.config)
})
afterAll(async () => {
  s3?.destroy()
  await s3Server?.stop()
})

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array))
  return Buffer.concat(chunks)
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

const stores: Array<[string, () => FileStorage]> = [
  ['local disk', () => new LocalDiskStorage(mkdtempSync(path.join(os.tmpdir(), 'qso-store-')))],
  ['S3', () => s3],
]

describe.each(stores)('FileStorage contract: %s', (_name, makeStore) => {
  let store: FileStorage
  beforeAll(() => {
    store = makeStore()
  })

  test('put returns a generated key; get streams back the same bytes and their size', async () => {
    const bytes = new Uint8Array(randomBytes(1000))
    const key = await store.put(bytes)
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/)
    const stored = await store.get(key)
    expect(stored.size).toBe(1000)
    expect(sha(await readAll(stored.stream))).toBe(sha(bytes))
  })

  test('a 5 MB spooled file is stored from a stream and read back as a stream, byte for byte', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'qso-spool-')), 'upload')
    const bytes = randomBytes(5 * 1024 * 1024 + 17)
    writeFileSync(file, bytes)
    const key = await store.put({ stream: createReadStream(file), size: bytes.byteLength })
    const stored = await store.get(key)
    expect(stored.size).toBe(bytes.byteLength)
    let chunks = 0
    const received: Buffer[] = []
    for await (const chunk of stored.stream) {
      chunks += 1
      received.push(Buffer.from(chunk as Uint8Array))
    }
    expect(chunks).toBeGreaterThan(1)
    expect(sha(Buffer.concat(received))).toBe(sha(bytes))
  })

  test('two puts of the same bytes get two keys (nothing is overwritten)', async () => {
    const bytes = new TextEncoder().encode('same')
    expect(await store.put(bytes)).not.toBe(await store.put(bytes))
  })

  test('delete removes the object; a second delete is fine; get of a missing key says so', async () => {
    const key = await store.put(new TextEncoder().encode('to delete'))
    await store.delete(key)
    await expect(store.get(key)).rejects.toBeInstanceOf(StoredObjectMissing)
    await expect(store.delete(key)).resolves.toBeUndefined()
  })

  test('list shows every stored object with its size and time, and no deleted one', async () => {
    const kept = await store.put(new TextEncoder().encode('kept'))
    const gone = await store.put(new TextEncoder().encode('gone'))
    await store.delete(gone)
    const listed = new Map<string, { size: number; lastModified: Date }>()
    for await (const item of store.list()) listed.set(item.key, item)
    expect(listed.get(kept)?.size).toBe(4)
    expect(Math.abs((listed.get(kept)?.lastModified.getTime() ?? 0) - Date.now())).toBeLessThan(60_000)
    expect(listed.has(gone)).toBe(false)
  })

  test('keys that are not the store\'s own are refused before any I/O', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow('Invalid storage key')
    await expect(store.delete('aa/../../x')).rejects.toThrow('Invalid storage key')
  })
})

test('S3: listing pages through the bucket (pages of 7 keys here, 1,000 in use)', async () => {
  const paged = new S3Storage(s3Server.config, 7)
  const keys = await Promise.all(Array.from({ length: 30 }, (_, index) => paged.put(new TextEncoder().encode(`object ${index}`))))
  const listed: string[] = []
  for await (const item of paged.list()) listed.push(item.key)
  expect(new Set(listed).size).toBe(listed.length)
  for (const key of keys) expect(listed).toContain(key)
  paged.destroy()
})

