import { z } from 'zod'

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL must be set (npm run dev / npm start set it for the embedded PostgreSQL).'),
  APP_ORIGIN: z.url('APP_ORIGIN must be a URL such as https://hub.qso.example').optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('QSO Hub <no-reply@qso-hub.example>'),
  MAIL_DIR: z.string().optional(),
  // Where uploaded files are kept (default .data/uploads); back it up with the database.
  UPLOAD_DIR: z.string().optional(),
  MEILI_HOST: z.url().optional(),
  MEILI_API_KEY: z.string().optional(),
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
  cached = { ...env, APP_ORIGIN: (env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, '') }
  return cached
}
