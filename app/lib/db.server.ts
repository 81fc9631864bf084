import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { parseDatabaseUrl } from './database-url.ts'
import { getEnv } from './env.server.ts'

function createClient() {
  const adapter = new PrismaPg({ ...parseDatabaseUrl(getEnv().DATABASE_URL), max: 10 })
  return new PrismaClient({ adapter })
}

// One client per process; kept on globalThis so Vite's module reloads in development do not open new pools.
const globalForPrisma = globalThis as unknown as { qsoPrisma?: ReturnType<typeof createClient> }
export const prisma = globalForPrisma.qsoPrisma ?? createClient()
if (getEnv().NODE_ENV !== 'production') globalForPrisma.qsoPrisma = prisma

export type Db = typeof prisma
