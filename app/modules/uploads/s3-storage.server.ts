import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { assertStorageKey, newStorageKey, sourceStream, STORAGE_KEY_PATTERN, StoredObjectMissing, type FileStorage, type StorageSource, type StoredObject } from './file-storage.server.ts'

export type S3Config = {
  bucket: string
  region: string
  /** Unset: AWS's own endpoint for the region. Set for MinIO, Ceph, Wasabi, Sakura, … (https://host:port). */
  endpoint?: string
  forcePathStyle: boolean
  /** Unset: the SDK's default chain (instance role, AWS_* variables, ~/.aws). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** The S3 settings from the environment, or null when S3_BUCKET is unset (files then go to local disk). */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim()
  return {
    bucket,
    region: env.S3_REGION?.trim() || 'us-east-1',
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: /^(1|true|yes)$/i.test(env.S3_FORCE_PATH_STYLE?.trim() ?? ''),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  }
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  return name === 'NoSuchKey' || name === 'NotFound' || status === 404
}

/** Objects in one bucket of an S3-compatible store, under the same keys as on disk. */
export class S3Storage implements FileStorage {
  private readonly client: S3Client

  constructor(
    private readonly config: S3Config,
    /** Keys per list request (S3's maximum is 1,000; tests use fewer to page through a small bucket). */
    private readonly pageSize = 1000,
  ) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // Since 2025 the SDK adds CRC checksums (and aws-chunked bodies) to every upload; many S3-compatible servers
      // (older MinIO, Ceph, the test server) store those chunk frames as content. Checksums only where S3 requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  async put(source: StorageSource): Promise<string> {
    const key = newStorageKey()
    const { stream, size } = sourceStream(source)
    // The length is known (the upload was spooled to a file first), so one PutObject streams it without buffering.
    await this.client.send(new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: stream, ContentLength: size }))
    return key
  }

  async get(key: string): Promise<{ stream: Readable; size: number }> {
    assertStorageKey(key)
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }))
      if (!(object.Body instanceof Readable)) throw new Error('S3 GetObject returned no Node stream')
      return { stream: object.Body, size: object.ContentLength ?? 0 }
    } catch (error) {
      if (isMissing(error)) throw new StoredObjectMissing(key)
      throw error
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key)
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }))
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, ContinuationToken: token, MaxKeys: this.pageSize }))
      for (const item of page.Contents ?? []) {
        // Only our keys: a bucket shared with other objects never has those swept.
        if (item.Key && STORAGE_KEY_PATTERN.test(item.Key)) yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
  }

  /** Closes the client's sockets (tests, shutdown). */
  destroy(): void {
    this.client.destroy()
  }
}
