import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

/** 120 bits of randomness, URL-safe. */
export function generateRandomToken(): string {
  const bytes = new Uint8Array(15)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

export function sha256Bytes(text: string): Uint8Array {
  return sha256(new TextEncoder().encode(text))
}

/** What is stored for single-use tokens (invites, password resets): never the token itself. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256Bytes(token))
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && constantTimeEqual(a, b)
}
