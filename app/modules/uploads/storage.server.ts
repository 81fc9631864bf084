import path from 'node:path'
import { getEnv } from '#app/lib/env.server.ts'
import type { FileStorage } from './file-storage.server.ts'
import { LocalDiskStorage } from './local-disk-storage.server.ts'
import { S3Storage, s3ConfigFromEnv } from './s3-storage.server.ts'

export { StoredObjectMissing, type FileStorage, type StoredObject } from './file-storage.server.ts'
export { LocalDiskStorage } from './local-disk-storage.server.ts'
export { S3Storage } from './s3-storage.server.ts'

let cached: { config: string; storage: FileStorage } | undefined

/**
 * The configured store: S3 when S3_BUCKET is set, else local disk under UPLOAD_DIR (default .data/uploads).
 * Read per call (not only once) so each test file can point UPLOAD_DIR or the S3 settings at its own store.
 */
export function getFileStorage(): FileStorage {
  const s3 = s3ConfigFromEnv(process.env)
  const root = process.env.UPLOAD_DIR ?? getEnv().UPLOAD_DIR ?? path.join(process.cwd(), '.data', 'uploads')
  const config = s3 ? JSON.stringify(s3) : root
  if (cached?.config !== config) cached = { config, storage: s3 ? new S3Storage(s3) : new LocalDiskStorage(root) }
  return cached.storage
}

/** For logs and /healthz: which store is in use, without credentials. */
export function describeFileStorage(): string {
  const s3 = s3ConfigFromEnv(process.env)
  return s3 ? `s3:${s3.bucket}` : 'local-disk'
}
