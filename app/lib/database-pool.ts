/**
 * How many PostgreSQL connections one app instance opens, and how long a request waits for one.
 *
 * Sizing (docs/decisions/0044-connection-pool-and-outages.md). PostgreSQL does its work on the database server's
 * cores; connections beyond what those cores can run at once only queue inside PostgreSQL, holding memory and
 * locks. The PostgreSQL wiki's starting point ("Number Of Database Connections", wiki.postgresql.org):
 *
 *   active connections for the whole database ≈ (database server cores × 2) + effective spindle count
 *
 * shared by every app instance. So per instance:
 *
 *   DATABASE_POOL_SIZE ≈ ((db cores × 2) + spindles) ÷ instances          (requests)
 *   connections per instance = DATABASE_POOL_SIZE + 4 (job worker) + 1 (embedded-search lock, one instance only)
 *   instances × connections per instance + 5 (psql, backups, migrations) ≤ max_connections (PostgreSQL: 100)
 *
 * The default, 10, is that formula for a 4-core database server (2 × 4 + 1 = 9, rounded up) behind one or two
 * instances; `npm run bench:load` measures a candidate size on the real machine (200 writers). Requests beyond
 * the pool wait in its queue, in order, for up to DATABASE_POOL_WAIT_MS; then they get a 503 with Retry-After
 * (server/database-unavailable.ts), never a 500.
 */
export type PoolSettings = { size: number; waitMs: number }

export const DEFAULT_POOL_SIZE = 10
export const DEFAULT_POOL_WAIT_MS = 10_000

/** Connections the job worker opens besides the request pool (app/modules/jobs/runner.server.ts). */
export const JOB_WORKER_CONNECTIONS = 4

export function connectionsPerInstance(pool: PoolSettings, embeddedSearch: boolean): number {
  return pool.size + JOB_WORKER_CONNECTIONS + (embeddedSearch ? 1 : 0)
}

/**
 * Prisma's own limit on waiting for a transaction (`maxWait`, 2 s by default) is what answered P2028 under load
 * (issue 18): it gave up long before the pool would have served the request. It is set a little above the pool's
 * wait, so the pool's queue decides and a transaction waits as long as a plain query does.
 */
export function transactionMaxWaitMs(pool: PoolSettings): number {
  return pool.waitMs + 1_000
}
