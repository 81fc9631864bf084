import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { prisma } from '#app/lib/db.server.ts'
import { normaliseCode } from './totp.ts'
import { hashToken } from './tokens.server.ts'

export const RECOVERY_CODE_COUNT = 10

/** 50 random bits each, shown as xxxxx-xxxxx: enough that ten of them cannot be guessed in five tries. */
function newCode(): string {
  const bytes = new Uint8Array(7)
  crypto.getRandomValues(bytes)
  const text = encodeBase32LowerCaseNoPadding(bytes).slice(0, 10)
  return `${text.slice(0, 5)}-${text.slice(5)}`
}

/** Replaces every earlier recovery code with ten new ones; the plain codes exist only in the return value. */
export async function issueRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashToken(normaliseCode(code)) })) }),
  ])
  return codes
}

/** Uses up one code; false when it is unknown or already used. Conditional update: a code works once. */
export async function redeemRecoveryCode(userId: string, code: string): Promise<boolean> {
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: hashToken(normaliseCode(code)), usedAt: null },
    data: { usedAt: new Date() },
  })
  return count === 1
}

export async function remainingRecoveryCodes(userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } })
}
