import pg from 'pg'
import { parseDatabaseUrl } from '#app/lib/database-url.ts'

// The embedded search engine keeps its index in this process's memory and claims outbox rows for itself: a
// second instance on the same database would build its own index and take rows the first never sees, so both
// drift apart without an error. It therefore holds a PostgreSQL advisory lock for as long as it runs.

/** Any fixed 64-bit number, the same in every instance: "QSO embedded search". */
const EMBEDDED_SEARCH_LOCK = 0x51534f_5345415243n

export const SECOND_INSTANCE_MESSAGE =
  'Another QSO Hub instance already runs the embedded search engine on this database. To run several instances, ' +
  'set MEILI_HOST (and MEILI_API_KEY) so that every instance shares one Meilisearch server; see README "Deploying for real".'

export type EmbeddedSearchLock = { release(): Promise<void> }

/**
 * Takes the lock on its own connection (a session lock lives as long as the connection: if the process dies,
 * PostgreSQL releases it). Throws SECOND_INSTANCE_MESSAGE when another instance holds it.
 */
export async function claimEmbeddedSearchLock(databaseUrl: string): Promise<EmbeddedSearchLock> {
  const client = new pg.Client(parseDatabaseUrl(databaseUrl))
  await client.connect()
  // A dropped connection would silently drop the lock too; nothing to do then but say so in the log.
  client.on('error', () => {})
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [EMBEDDED_SEARCH_LOCK.toString()])
  if (!rows[0]?.locked) {
    await client.end()
    throw new Error(SECOND_INSTANCE_MESSAGE)
  }
  return { release: () => client.end() }
}
