import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { getEnv } from '#app/lib/env.server.ts'

// AES-256-GCM for secrets the server must read back (TOTP keys). Stored as iv (12 bytes) || ciphertext || tag (16).
const IV_BYTES = 12
const TAG_BYTES = 16

function key(): Buffer {
  const configured = getEnv().TWO_FACTOR_ENCRYPTION_KEY
  if (configured) return Buffer.from(configured, 'hex')
  // Development and tests only (getEnv refuses production without a key): a fixed, public key, so the seeded demo
  // secrets decrypt on every developer's machine. Nothing protected by it is secret.
  return createHash('sha256').update('qso-hub development two-factor key').digest()
}

export function sealSecret(plain: Uint8Array): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]))
}

/** Throws when the data was altered or sealed under another key. */
export function openSecret(sealed: Uint8Array): Uint8Array {
  const bytes = Buffer.from(sealed)
  const iv = bytes.subarray(0, IV_BYTES)
  const tag = bytes.subarray(bytes.length - TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key(), iv)
  decipher.setAuthTag(tag)
  return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]))
}
