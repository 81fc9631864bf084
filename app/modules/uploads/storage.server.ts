import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '#app/lib/env.server.ts'

/**
 * Where uploaded bytes live. Local disk by default; an object store can implement the same three calls without
 * the areas noticing. Keys are generated here, never taken from user input, so they cannot escape the store.
 */
export interface FileStorage {
  put(bytes: Uint8Array): Promise<string>
  get(key: string): Promise<Uint8Array<ArrayBuffer>>
  delete(key: string): Promise<void>
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/

export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Uint8Array): Promise<string> {
    const name = randomBytes(16).toString('hex')
    const key = `${name.slice(0, 2)}/${name}`
    await mkdir(path.join(this.root, name.slice(0, 2)), { recursive: true })
    // wx: never overwrite, even if two uploads drew the same name.
    await writeFile(this.pathOf(key), bytes, { flag: 'wx', mode: 0o600 })
    return key
  }

  async get(key: string): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await readFile(this.pathOf(key)))
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${key}`)
    return path.join(this.root, key)
  }
}

let storage: FileStorage | undefined
let storageRoot: string | undefined

export function getFileStorage(): FileStorage {
  // Read per call (not only once) so each test file can point UPLOAD_DIR at its own folder.
  const root = process.env.UPLOAD_DIR ?? getEnv().UPLOAD_DIR ?? path.join(process.cwd(), '.data', 'uploads')
  if (!storage || storageRoot !== root) {
    storage = new LocalDiskStorage(root)
    storageRoot = root
  }
  return storage
}
