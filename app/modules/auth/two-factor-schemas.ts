import { z } from 'zod'

// Forms of the two-factor pages, shared by server and browser (Conform validates with the same schema).
const code = (label: string) =>
  z
    .string({ error: `${label}を入力してください` })
    .trim()
    .min(1, `${label}を入力してください`)
    .max(40, `${label}が長すぎます`)

export const TotpCodeSchema = z.object({ intent: z.literal('totp'), code: code('確認コード') })
export const RecoveryCodeSchema = z.object({ intent: z.literal('recovery'), code: code('リカバリーコード') })
export const PasskeyAnswerSchema = z.object({ intent: z.literal('passkey'), response: z.string().min(1).max(20_000) })
export const PasskeyNameSchema = z
  .string({ error: 'パスキーの名前を入力してください' })
  .trim()
  .min(1, 'パスキーの名前を入力してください')
  .max(60, 'パスキーの名前は60文字以内にしてください')

export const SecondFactorSchema = z.discriminatedUnion('intent', [TotpCodeSchema, RecoveryCodeSchema, PasskeyAnswerSchema])
