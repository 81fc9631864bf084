import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'

/** What a store holds under one key, as listed for the orphan sweep. */
export type StoredObject = { key: string; size: number; lastModified: Date }

/** Bytes to store: a stream (a spooled upload, read from its temporary file) with its exact length, or bytes. */
export type StorageSource = { stream: Readable; size: number } | Uint8Array

/**
 * Where uploaded bytes live: local disk (UPLOAD_DIR) or an S3-compatible object store (S3_BUCKET), chosen by the
 * environment; the areas never notice which. Keys are generated here, never taken from user input, so they cannot
 * escape the store. Both implementations pass the same contract tests (tests/integration/file-storage.test.ts).
 */
export interface FileStorage {
  /** Stores the bytes under a new key and returns it. Nothing is overwritten. */
  put(source: StorageSource): Promise<string>
  /** The stored bytes as a stream (never read whole into memory), or StoredObjectMissing. */
  get(key: string): Promise<{ stream: Readable; size: number }>
  /** Removes the object; removing a missing one is not an error (a retried delete must succeed). */
  delete(key: string): Promise<void>
  /** Every object in the store, in no particular order. */
  list(): AsyncIterable<StoredObject>
}

export class StoredObjectMissing extends Error {
  constructor(key: string) {
    super(`Stored object not found: ${key}`)
  }
}

/** Two hex characters of fan-out, then 32: 128 random bits, so two uploads never meet. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/

export function newStorageKey(): string {
  const name = randomBytes(16).toString('hex')
  return `${name.slice(0, 2)}/${name}`
}

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${key}`)
}

export function sourceStream(source: StorageSource): { stream: Readable; size: number } {
  return source instanceof Uint8Array ? { stream: Readable.from([source]), size: source.byteLength } : source
}

