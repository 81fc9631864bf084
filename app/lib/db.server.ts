import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { transactionMaxWaitMs, type PoolSettings } from './database-pool.ts'
import { parseDatabaseUrl } from './database-url.ts'
import { getEnv } from './env.server.ts'

export function poolSettings(): PoolSettings {
  const env = getEnv()
  return { size: env.DATABASE_POOL_SIZE, waitMs: env.DATABASE_POOL_WAIT_MS }
}

function createClient() {
  const pool = poolSettings()
  // connectionTimeoutMillis bounds the wait in pg-pool's queue (and for a new connection): past it the request is
  // answered 503 with Retry-After by the HTTP server (app/lib/database-trouble.ts), not left hanging.
  const adapter = new PrismaPg({ ...parseDatabaseUrl(getEnv().DATABASE_URL), max: pool.size, connectionTimeoutMillis: pool.waitMs })
  return new PrismaClient({ adapter, transactionOptions: { maxWait: transactionMaxWaitMs(pool) } })
}

// One client per process; kept on globalThis so Vite's module reloads in development do not open new pools.
const globalForPrisma = globalThis as unknown as { qsoPrisma?: ReturnType<typeof createClient> }
export const prisma = globalForPrisma.qsoPrisma ?? createClient()
if (getEnv().NODE_ENV !== 'production') globalForPrisma.qsoPrisma = prisma

export type Db = typeof prisma
