/**
 * PrismaPg and the migration engine are given discrete connection settings rather than a connection string:
 * with a string, the shadow database used by `prisma migrate dev` connects back to the main database.
 */
export type PgConnectionConfig = {
  host: string
  port: number
  user: string
  password: string
  database: string
}

export function parseDatabaseUrl(url: string): PgConnectionConfig {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(
      'DATABASE_URL is not a valid URL. Use postgresql://USER:PASSWORD@HOST:PORT/DATABASE, or unset it to use the embedded PostgreSQL.',
    )
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//).`)
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  if (!database) throw new Error('DATABASE_URL must name a database, e.g. postgresql://…/qso_hub')
  return {
    host: decodeURIComponent(parsed.hostname) || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
  }
}

export function buildDatabaseUrl(config: PgConnectionConfig): string {
  const auth = `${encodeURIComponent(config.user)}:${encodeURIComponent(config.password)}`
  return `postgresql://${auth}@${config.host}:${config.port}/${encodeURIComponent(config.database)}`
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  return buildDatabaseUrl({ ...parseDatabaseUrl(url), database })
}
