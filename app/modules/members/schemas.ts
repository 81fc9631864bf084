import { z } from 'zod'
import { COURSES, enumKeys, HOSPITAL_TYPES, PREFECTURES, PROFESSIONS } from './labels.ts'

// Shared by server and browser (Conform): every message says what to do, in Japanese.
const required = (what: string) => `${what}を入力してください`

export const NameSchema = z
  .string({ error: required('氏名') })
  .trim()
  .min(1, required('氏名'))
  .max(100, '氏名は100文字以内で入力してください')

export const EmailSchema = z
  .string({ error: required('メールアドレス') })
  .trim()
  .toLowerCase()
  .max(254, 'メールアドレスが長すぎます')
  .pipe(z.email('メールアドレスの形式が正しくありません'))

export const PasswordSchema = z
  .string({ error: required('パスワード') })
  .min(12, 'パスワードは12文字以上にしてください')
  .max(200, 'パスワードは200文字以内にしてください')

export const ProfessionSchema = z.enum(enumKeys(PROFESSIONS), { error: '職種を選んでください' })
const CourseSchema = z.enum(enumKeys(COURSES), { error: 'コースを選んでください' })
const CohortSchema = z.coerce
  .number({ error: '期は数字で入力してください' })
  .int('期は整数で入力してください')
  .min(1, '期は1以上で入力してください')
  .max(99, '期は99以下で入力してください')

export const ProfileSchema = z.object({
  name: NameSchema,
  profession: ProfessionSchema,
  course: CourseSchema.optional(),
  cohort: CohortSchema.optional(),
  hospitalId: z.string().optional(),
  department: z.string().trim().max(100, '部署は100文字以内で入力してください').optional(),
  bio: z.string().trim().max(2000, '自己紹介は2000文字以内で入力してください').optional(),
})

/**
 * What a member may change on their own. Hospital, course and cohort decide access (benchmark figures, adoption
 * records, restricted events), so they go through a change request an admin approves (MembershipChangeSchema).
 */
export const OwnProfileSchema = ProfileSchema.pick({ name: true, profession: true, department: true, bio: true })

export const MembershipChangeSchema = z.object({
  hospitalId: z.string().max(100).optional(),
  course: CourseSchema.optional(),
  cohort: CohortSchema.optional(),
  reason: z
    .string({ error: '変更の理由を入力してください' })
    .trim()
    .min(1, '変更の理由を入力してください')
    .max(1000, '理由は1000文字以内で入力してください'),
})

export const MembershipDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse'], { error: '承認か却下を選んでください' }),
  note: z.string().trim().max(1000, 'コメントは1000文字以内で入力してください').optional(),
})

const confirmMatches = (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword
const mismatch = { path: ['confirmPassword'], message: 'パスワードが一致しません' }
const ConfirmPasswordSchema = z.string({ error: '確認のためもう一度入力してください' })

export const JoinSchema = ProfileSchema.extend({ password: PasswordSchema, confirmPassword: ConfirmPasswordSchema }).refine(
  confirmMatches,
  mismatch,
)

export const NewPasswordSchema = z.object({ password: PasswordSchema, confirmPassword: ConfirmPasswordSchema }).refine(confirmMatches, mismatch)

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: '現在のパスワードを入力してください' }).min(1, '現在のパスワードを入力してください'),
    password: PasswordSchema,
    confirmPassword: ConfirmPasswordSchema,
  })
  .refine(confirmMatches, mismatch)

export const HospitalSchema = z.object({
  name: z.string({ error: required('病院名') }).trim().min(1, required('病院名')).max(200, '病院名は200文字以内で入力してください'),
  prefecture: z.enum(PREFECTURES, { error: '都道府県を選んでください' }),
  beds: z.coerce
    .number({ error: '病床数は数字で入力してください' })
    .int('病床数は整数で入力してください')
    .min(0, '病床数は0以上で入力してください')
    .max(5000, '病床数が大きすぎます'),
  type: z.enum(enumKeys(HOSPITAL_TYPES), { error: '種別を選んでください' }),
  // 報告義務対象医療機関 (医療法施行規則9条の20の2・11条): unknown (empty) until a member answers or an admin sets it.
  jqReportObliged: z
    .enum(['YES', 'NO'], { error: '報告義務対象医療機関かどうかを選び直してください' })
    .optional()
    .transform((value) => (value === undefined ? null : value === 'YES')),
})

export const InviteSchema = z.object({
  email: EmailSchema,
  role: z.enum(['MEMBER', 'CONSULTANT', 'ADMIN'], { error: '権限を選んでください' }),
  hospitalId: z.string().optional(),
})

export const MemberFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  course: z.enum(enumKeys(COURSES)).optional().catch(undefined),
  cohort: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
  profession: z.enum(enumKeys(PROFESSIONS)).optional().catch(undefined),
  prefecture: z.enum(PREFECTURES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})
export type MemberFilters = z.infer<typeof MemberFiltersSchema>
