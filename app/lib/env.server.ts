import { z } from 'zod'
import { DEFAULT_POOL_SIZE, DEFAULT_POOL_WAIT_MS } from './database-pool.ts'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL must be set (npm run dev / npm start set it for the embedded PostgreSQL).'),
  // Request connections per instance and how long a request waits for one (app/lib/database-pool.ts has the formula).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, 'DATABASE_POOL_SIZE: at least 1').max(200, 'DATABASE_POOL_SIZE: at most 200').default(DEFAULT_POOL_SIZE),
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100, 'DATABASE_POOL_WAIT_MS: at least 100').max(60_000, 'DATABASE_POOL_WAIT_MS: at most 60000').default(DEFAULT_POOL_WAIT_MS),
  APP_ORIGIN: z.url('APP_ORIGIN must be a URL such as https://hub.qso.example').optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('QSO Hub <no-reply@qso-hub.example>'),
  MAIL_DIR: z.string().optional(),
  // Where uploaded files are kept (default .data/uploads); back it up with the database. Unused when S3_BUCKET is set.
  UPLOAD_DIR: z.string().optional(),
  // An S3-compatible object store for uploads instead (docs/decisions/0041-file-storage-and-streamed-uploads.md).
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.url('S3_ENDPOINT must be a URL such as https://s3.example.jp:9000 (leave it unset for AWS)').optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.string().regex(/^(true|false|1|0|yes|no)?$/i, 'S3_FORCE_PATH_STYLE: true or false').optional(),
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().optional(),
  // Session lifetimes and the re-authentication window (docs/decisions/0020-two-factor-and-session-lifetimes.md).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5, 'SESSION_IDLE_MINUTES: at least 5').max(24 * 60, 'SESSION_IDLE_MINUTES: at most 1440').default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1, 'SESSION_MAX_HOURS: at least 1').max(7 * 24, 'SESSION_MAX_HOURS: at most 168').default(12),
  REAUTH_WINDOW_MINUTES: z.coerce.number().int().min(1, 'REAUTH_WINDOW_MINUTES: at least 1').max(120, 'REAUTH_WINDOW_MINUTES: at most 120').default(10),
  // AES-256-GCM key for TOTP secrets: 64 hex characters (openssl rand -hex 32). Required in production; development
  // and tests fall back to a fixed key (two-factor-key.server.ts) so that the seeded demo secrets decrypt.
  TWO_FACTOR_ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'TWO_FACTOR_ENCRYPTION_KEY: 64 hex characters (openssl rand -hex 32)').optional(),
  TRUST_PROXY: z.string().regex(/^(\d+|loopback|linklocal|uniquelocal|[\d.:/, a-f]+)$/i, 'TRUST_PROXY: a hop count (1), loopback, or proxy addresses').optional(),
})

export type Env = z.infer<typeof schema> & { APP_ORIGIN: string }

let cached: Env | undefined

/** Validated once; a missing or malformed variable stops the app with a message saying what to set. */
export function getEnv(): Env {
  if (cached) return cached
  const result = schema.safeParse(process.env)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')
    throw new Error(`Invalid environment:\n${problems}`)
  }
  const env = result.data
  const s3Settings = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const
  const s3Named = s3Settings.filter((name) => env[name])
  if (!env.S3_BUCKET && s3Named.length) {
    throw new Error(`Invalid environment:\n  S3_BUCKET: must be set when ${s3Named.join(', ')} is set (or unset those to keep files on disk in UPLOAD_DIR)`)
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new Error('Invalid environment:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither (the SDK then uses the instance role)')
  }
  if (env.NODE_ENV === 'production' && !env.TWO_FACTOR_ENCRYPTION_KEY) {
    throw new Error('Invalid environment:\n  TWO_FACTOR_ENCRYPTION_KEY: must be set in production (openssl rand -hex 32)')
  }
  cached = { ...env, APP_ORIGIN: (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') }
  return cached
}
