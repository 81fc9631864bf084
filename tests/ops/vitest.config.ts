import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Process-level tests of how the app runs (`npm run test:ops`, after `npm run build`): production servers in
// child processes against their own embedded PostgreSQL — two instances on one database, a database that goes
// away, a pool that stays full. No browser and no shared server, so no global setup.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/ops/**/*.test.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})
