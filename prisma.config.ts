import { PrismaPg } from '@prisma/adapter-pg'
import { defineConfig } from 'prisma/config'
import { parseDatabaseUrl } from './app/lib/database-url.ts'

// Prisma's own engine binaries cannot be downloaded here (nor from many hospital networks), so migrations run
// on the WASM schema engine through the pg driver adapter. See docs/decisions/0002-prisma-offline.md.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const url = process.env.DATABASE_URL
    if (!url) {
      throw new Error('DATABASE_URL is not set. Run database commands through npm scripts (npm run db:migrate), which start the embedded PostgreSQL.')
    }
    // A short idle timeout: otherwise every CLI run waits ~10 s for the pool to let go.
    return new PrismaPg({ ...parseDatabaseUrl(url), idleTimeoutMillis: 100, allowExitOnIdle: true })
  },
})
