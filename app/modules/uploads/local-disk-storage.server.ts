import { createWriteStream } from 'node:fs'
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertStorageKey, newStorageKey, sourceStream, STORAGE_KEY_PATTERN, StoredObjectMissing, type FileStorage, type StorageSource, type StoredObject } from './file-storage.server.ts'

/** Files under one folder (UPLOAD_DIR), in 256 sub-folders; mode 0600. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(source: StorageSource): Promise<string> {
    const key = newStorageKey()
    await mkdir(path.dirname(this.pathOf(key)), { recursive: true })
    const { stream } = sourceStream(source)
    // wx: never overwrite. A failed copy leaves no half file behind under a key a row might point at.
    try {
      await pipeline(stream, createWriteStream(this.pathOf(key), { flags: 'wx', mode: 0o600 }))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(this.pathOf(key), { force: true })
      throw error
    }
    return key
  }

  async get(key: string): Promise<{ stream: Readable; size: number }> {
    // Opened here (not lazily by the stream) so a missing file is an error of get(), before any header is sent.
    const handle = await open(this.pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StoredObjectMissing(key) : error
    })
    const { size } = await handle.stat()
    return { stream: handle.createReadStream(), size }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  async *list(): AsyncIterable<StoredObject> {
    const folders = await readdir(this.root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    })
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue
      for (const name of await readdir(path.join(this.root, folder.name))) {
        const key = `${folder.name}/${name}`
        if (!STORAGE_KEY_PATTERN.test(key)) continue
        const info = await stat(path.join(this.root, key)).catch(() => null)
        if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime }
      }
    }
  }

  private pathOf(key: string): string {
    assertStorageKey(key)
    return path.join(this.root, key)
  }
}

