/**
 * `npm run search:reindex`: rebuild the search index from PostgreSQL (the truth).
 * - With MEILI_HOST: fills a new Meilisearch index, then swaps it with the live one (searches never see a
 *   half-built index) and deletes the old one. Safe while the app runs.
 * - Without it (embedded engine): each app process builds its own index from PostgreSQL when it starts, so a
 *   restart is the reindex; this command builds the index once to check every document maps, and reports.
 * Joins the running embedded PostgreSQL of `npm run dev` if there is one (like the db:* scripts).
 */
import { resolveDatabase } from '#server/database.ts'

async function main() {
  const database = await resolveDatabase()
  console.log(`Database: ${database.description}`)
  process.env.DATABASE_URL = database.url
  try {
    const { createEngineFromEnv } = await import('./search.server.ts')
    const { loadAllDocuments } = await import('./documents/registry.server.ts')
    const engine = createEngineFromEnv()
    const started = performance.now()
    await engine.init()
    const counts = new Map<string, number>()
    async function* counted() {
      for await (const batch of loadAllDocuments()) {
        for (const document of batch) counts.set(document.type, (counts.get(document.type) ?? 0) + 1)
        yield batch
      }
    }
    const { documents } = await engine.rebuild(counted())
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const byType = [...counts].map(([type, count]) => `${type} ${count}`).join(', ') || 'none'
    console.log(`Search index rebuilt (${engine.name}): ${documents} documents (${byType}) in ${seconds} s.`)
    if (engine.name === 'embedded') {
      console.log('The embedded engine lives inside the app process: restart the app to serve this rebuild (it builds at start-up).')
    }
    const { prisma } = await import('#app/lib/db.server.ts')
    await prisma.$disconnect()
  } finally {
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
