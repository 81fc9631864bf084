import { utimesSync } from 'node:fs'
import path from 'node:path'
import { parseWithZod } from '@conform-to/zod/v4'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { runDueJobs } from '#app/modules/jobs/runner.server.ts'
import { enqueueJob } from '#app/modules/jobs/queue.server.ts'
import { deletePracticeDraft, savePractice } from '#app/modules/practices/practices.server.ts'
import { PracticeSchema, type PracticeInput } from '#app/modules/practices/schemas.ts'
import { sweepOrphanFiles } from '#app/modules/uploads/orphan-sweep.server.ts'
import { getFileStorage, S3Storage, StoredObjectMissing } from '#app/modules/uploads/storage.server.ts'
import { transactionWithFiles } from '#app/modules/uploads/stored-file-changes.server.ts'
import { storeUpload, validateUpload, type ValidUpload } from '#app/modules/uploads/uploads.server.ts'
import { createUser } from '#tests/fixtures/auth.ts'
import { sessionUser } from '#tests/fixtures/cases.ts'
import { startS3Server, type S3TestServer } from '#tests/fixtures/s3-server.ts'

// Issue 18: stored bytes follow their rows only once a transaction's outcome is known, and a sweep removes what
// no row references. Local disk (this file's UPLOAD_DIR) for the practice flows; the sweep on S3 as well.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

function practiceInput(fields: Record<string, string | string[]> = {}): PracticeInput {
  const form = new FormData()
  const values: Record<string, string | string[]> = { title: '点滴ルートの整理', problem: 'ルートの取り違え', whatWasDone: 'ラベルの色分けを導入した。', steps: '1. 試行', theme: 'CARE', intent: 'draft', ...fields }
  for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) form.append(name, item)
  const submission = parseWithZod(form, { schema: PracticeSchema })
  if (submission.status !== 'success') throw new Error(JSON.stringify(submission.error))
  return submission.value
}

async function upload(name = 'a.png'): Promise<ValidUpload> {
  const check = await validateUpload(new File([PNG], name), { maxBytes: 1024, allowed: ['png'] })
  if (!check.ok) throw new Error(check.error)
  return check.upload
}

async function objectExists(key: string): Promise<boolean> {
  return getFileStorage()
    .get(key)
    .then(({ stream }) => (stream.destroy(), true))
    .catch((error: unknown) => {
      if (error instanceof StoredObjectMissing) return false
      throw error
    })
}

async function practiceWithAttachment() {
  const author = await sessionUser((await createUser()).id)
  const saved = await savePractice(practiceInput(), author, { uploads: [await upload()] })
  if (!saved.ok) throw new Error('save failed')
  const attachment = await prisma.practiceAttachment.findFirstOrThrow({ where: { practiceId: saved.id }, include: { file: true } })
  return { author, id: saved.id, attachment }
}

describe('removed attachments leave the storage after the commit, never before', () => {
  test('editing a practice to remove an attachment deletes its row and then its object', async () => {
    const { author, id, attachment } = await practiceWithAttachment()
    expect(await objectExists(attachment.file.storageKey)).toBe(true)
    const saved = await savePractice(practiceInput({ removeAttachment: attachment.id }), author, { id })
    expect(saved.ok).toBe(true)
    expect(await prisma.storedFile.count({ where: { id: attachment.fileId } })).toBe(0)
    expect(await objectExists(attachment.file.storageKey)).toBe(false)
  })

  test('deleting a draft deletes its attachments\' objects', async () => {
    const { author, id, attachment } = await practiceWithAttachment()
    expect(await deletePracticeDraft(id, author)).toBe(true)
    expect(await objectExists(attachment.file.storageKey)).toBe(false)
  })

  test('while the transaction runs the object is still there; when it rolls back, row and object both stay', async () => {
    const { attachment } = await practiceWithAttachment()
    const seenInside: boolean[] = []
    await expect(
      transactionWithFiles(prisma, async (tx, files) => {
        await files.removeFiles(tx, [attachment.fileId])
        seenInside.push(await objectExists(attachment.file.storageKey))
        throw new Error('something later in the save failed')
      }),
    ).rejects.toThrow('something later')
    expect(seenInside).toEqual([true])
    expect(await prisma.storedFile.count({ where: { id: attachment.fileId } })).toBe(1)
    expect(await objectExists(attachment.file.storageKey)).toBe(true)
  })

  test('a practice save that rolls back inside an outer transaction keeps the removed file, and drops the one it added', async () => {
    const { author, id, attachment } = await practiceWithAttachment()
    const before = new Set((await prisma.storedFile.findMany({ select: { storageKey: true } })).map((row) => row.storageKey))
    await expect(
      prisma.$transaction(async (tx) => {
        await savePractice(practiceInput({ removeAttachment: attachment.id }), author, { id, uploads: [await upload('b.png')], db: tx })
        throw new Error('the outer work failed')
      }),
    ).rejects.toThrow('the outer work failed')
    expect(await prisma.storedFile.count({ where: { id: attachment.fileId } })).toBe(1)
    expect(await objectExists(attachment.file.storageKey)).toBe(true)
    // The object put for b.png has no row now: an orphan, which the sweep removes once it is old enough.
    const swept = await sweepOrphanFiles({ now: new Date(Date.now() + 2 * 24 * 3600 * 1000) })
    expect(swept.orphansDeleted).toBeGreaterThanOrEqual(1)
    for (const key of before) expect(await objectExists(key)).toBe(true)
  })

  test('a save whose own transaction fails removes the object it had already stored', async () => {
    const author = await sessionUser((await createUser()).id)
    const stored: string[] = []
    await expect(
      transactionWithFiles(prisma, async (tx, files) => {
        const file = await storeUpload(await upload(), author.id, tx, files)
        stored.push((await tx.storedFile.findUniqueOrThrow({ where: { id: file.id } })).storageKey)
        throw new Error('constraint violated')
      }),
    ).rejects.toThrow('constraint violated')
    expect(stored).toHaveLength(1)
    expect(await objectExists(stored[0]!)).toBe(false)
  })
})

describe('orphan sweep', () => {
  test('deletes unreferenced objects older than the grace period only; the job runs it', async () => {
    const { attachment } = await practiceWithAttachment()
    const storage = getFileStorage()
    const oldOrphan = await storage.put(new TextEncoder().encode('old orphan'))
    const newOrphan = await storage.put(new TextEncoder().encode('new orphan'))
    // Age the referenced object and one orphan by two days (local disk: the file's time is what list() reports).
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000)
    for (const key of [oldOrphan, attachment.file.storageKey]) utimesSync(path.join(process.env.UPLOAD_DIR!, key), twoDaysAgo, twoDaysAgo)

    await enqueueJob('uploads.sweep-orphans', {})
    await runDueJobs()
    expect(await objectExists(oldOrphan)).toBe(false)
    expect(await objectExists(newOrphan)).toBe(true)
    expect(await objectExists(attachment.file.storageKey)).toBe(true)
  })
})

describe('orphan sweep on S3', () => {
  let server: S3TestServer
  let s3: S3Storage
  beforeAll(async () => {
    server = await startS3Server()
    s3 = new S3Storage(server.config)
  })
  afterAll(async () => {
    s3?.destroy()
    await server?.stop()
  })

  test('keeps objects a row references and recent ones; deletes the old unreferenced ones', async () => {
    const user = await createUser()
    const referenced = await s3.put(PNG)
    await prisma.storedFile.create({ data: { storageKey: referenced, fileName: 'a.png', mimeType: 'image/png', size: PNG.byteLength, sha256: 'x', uploadedById: user.id } })
    const orphan = await s3.put(PNG)
    // S3 sets LastModified itself, so time moves instead: a sweep "now" keeps both, one two days on deletes the orphan.
    expect((await sweepOrphanFiles({ storage: s3 })).orphansDeleted).toBe(0)
    const later = await sweepOrphanFiles({ storage: s3, now: new Date(Date.now() + 2 * 24 * 3600 * 1000) })
    expect(later.orphansDeleted).toBe(1)
    await expect(s3.get(orphan)).rejects.toBeInstanceOf(StoredObjectMissing)
    expect((await s3.get(referenced)).size).toBe(PNG.byteLength)
  })
})
