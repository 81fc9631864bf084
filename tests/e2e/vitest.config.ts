import path from 'node:path'
import { defineConfig } from 'vitest/config'

// The browser tests have their own config: the root vite.config.ts carries the Remix plugin and the unit-test
// setup (a database per file), neither of which belongs here. These tests drive the production build through
// Chromium; global-setup.ts builds it if needed and starts the server against a throwaway database.
export default defineConfig({
  root: path.resolve(import.meta.dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One browser flow at a time: the machines have two cores, and the flows share one server and database.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
