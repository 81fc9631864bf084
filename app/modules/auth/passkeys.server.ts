import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { prisma } from '#app/lib/db.server.ts'
import { getEnv } from '#app/lib/env.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'

// Passkeys (WebAuthn) as a second factor. The relying party is APP_ORIGIN: its host name is the RP ID, and only
// responses made for that exact origin are accepted. Challenges live in PostgreSQL, bound to a user and a purpose,
// and are deleted by the check that uses them, so each is answered once, on any app server.
const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000
export const MAX_PASSKEYS = 10

export type ChallengePurpose = 'register' | 'second-factor' | 'reauth'

function relyingParty() {
  const origin = getEnv().APP_ORIGIN
  return { origin, rpID: new URL(origin).hostname }
}

async function storeChallenge(userId: string, purpose: ChallengePurpose, challenge: string) {
  await prisma.webAuthnChallenge.deleteMany({ where: { userId, purpose } })
  await prisma.webAuthnChallenge.create({ data: { userId, purpose, challenge, expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MS) } })
}

/** For verify…Response: true once for a live challenge issued to this user for this purpose. */
function challengeChecker(userId: string, purpose: ChallengePurpose) {
  return async (challenge: string) => {
    const { count } = await prisma.webAuthnChallenge.deleteMany({ where: { challenge, userId, purpose, expiresAt: { gt: new Date() } } })
    return count === 1
  }
}

/** What the browser sends back, parsed defensively: anything else is not a WebAuthn response. */
export function parseCredentialJson<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(text: string | null | undefined): T | null {
  if (!text || text.length > 20_000) return null
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const record = value as Record<string, unknown>
    if (typeof record.id !== 'string' || typeof record.rawId !== 'string' || record.type !== 'public-key') return null
    if (typeof record.response !== 'object' || record.response === null) return null
    return value as T
  } catch {
    return null
  }
}

export async function listPasskeys(userId: string) {
  return prisma.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  })
}

export async function registrationOptions(user: { id: string; email: string; name: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID } = relyingParty()
  const existing = await prisma.passkey.findMany({ where: { userId: user.id }, select: { id: true, transports: true } })
  const options = await generateRegistrationOptions({
    rpName: 'QSO Hub',
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((row) => ({ id: row.id, transports: row.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  })
  await storeChallenge(user.id, 'register', options.challenge)
  return options
}

export type PasskeyRegistrationResult = { ok: true; id: string } | { ok: false; message: string }

export async function registerPasskey(userId: string, name: string, responseJson: string, request: Request): Promise<PasskeyRegistrationResult> {
  const response = parseCredentialJson<RegistrationResponseJSON>(responseJson)
  if (!response) return { ok: false, message: 'パスキーの応答を読み取れませんでした。もう一度お試しください' }
  if ((await prisma.passkey.count({ where: { userId } })) >= MAX_PASSKEYS) {
    return { ok: false, message: `パスキーは${MAX_PASSKEYS}個まで登録できます。使っていないものを削除してください` }
  }
  const { origin, rpID } = relyingParty()
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challengeChecker(userId, 'register'),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    })
  } catch {
    return { ok: false, message: 'パスキーを確認できませんでした。もう一度お試しください' }
  }
  if (!verification.verified) return { ok: false, message: 'パスキーを確認できませんでした。もう一度お試しください' }
  const { credential } = verification.registrationInfo
  if (await prisma.passkey.findUnique({ where: { id: credential.id }, select: { id: true } })) {
    return { ok: false, message: 'このパスキーは既に登録されています' }
  }
  await prisma.passkey.create({
    data: {
      id: credential.id,
      userId,
      name,
      publicKey: new Uint8Array(credential.publicKey),
      counter: BigInt(credential.counter),
      transports: credential.transports ?? [],
    },
  })
  await recordAudit({ action: 'auth.passkey-added', actorId: userId, target: { type: 'user', id: userId }, request })
  return { ok: true, id: credential.id }
}

export async function renamePasskey(userId: string, passkeyId: string, name: string): Promise<boolean> {
  const { count } = await prisma.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } })
  return count === 1
}

export async function removePasskey(userId: string, passkeyId: string, request: Request): Promise<boolean> {
  const { count } = await prisma.passkey.deleteMany({ where: { id: passkeyId, userId } })
  if (count) await recordAudit({ action: 'auth.passkey-removed', actorId: userId, target: { type: 'user', id: userId }, request })
  return count === 1
}

/** Options for signing in (or re-authenticating) with one of this user's passkeys; null when they have none. */
export async function authenticationOptions(userId: string, purpose: Exclude<ChallengePurpose, 'register'>): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await prisma.passkey.findMany({ where: { userId }, select: { id: true, transports: true } })
  if (!passkeys.length) return null
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: passkeys.map((row) => ({ id: row.id, transports: row.transports as AuthenticatorTransport[] })),
    userVerification: 'preferred',
  })
  await storeChallenge(userId, purpose, options.challenge)
  return options
}

/**
 * Verifies an assertion from one of *this user's* passkeys (another member's passkey is refused even if the
 * signature is valid), answering this user's live challenge, and moves the signature counter on.
 */
export async function verifyPasskeyAssertion(userId: string, purpose: Exclude<ChallengePurpose, 'register'>, responseJson: string | null | undefined): Promise<boolean> {
  const response = parseCredentialJson<AuthenticationResponseJSON>(responseJson)
  if (!response) return false
  const passkey = await prisma.passkey.findFirst({ where: { id: response.id, userId } })
  if (!passkey) return false
  const { origin, rpID } = relyingParty()
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeChecker(userId, purpose),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: false,
    })
    if (!verification.verified) return false
    // A counter that does not move forward (when the authenticator keeps one) suggests a cloned key.
    const { count } = await prisma.passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: new Date() },
    })
    return count === 1
  } catch {
    return false
  }
}
