/**
 * Recognises the errors that mean "the database cannot serve this request right now", as opposed to a bug:
 *
 * - `busy`: every pooled connection stayed in use for the whole wait (pg-pool's "timeout exceeded when trying to
 *   connect"), Prisma gave up starting a transaction (P2028) or fetching a connection (P2024), or PostgreSQL
 *   refused a connection because max_connections is reached (53300).
 * - `unavailable`: PostgreSQL cannot be reached or dropped the connection: refused/reset sockets, Prisma P1001,
 *   P1002, P1017, the driver adapter's DatabaseNotReachable / ConnectionClosed / SocketTimeout, SQLSTATE class 08
 *   (connection exception) and 57P01–57P03 (server shutting down, crashed, or still starting).
 *
 * Both are answered 503 with Retry-After by the HTTP server (server/database-unavailable.ts). The shapes come from
 * real failures: pg-pool 3, @prisma/adapter-pg 6.19 (its convertDriverError) and Prisma 6.19's error codes.
 */
export type DatabaseTrouble = 'busy' | 'unavailable'

const BUSY_PRISMA_CODES = new Set(['P2024', 'P2028'])
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017'])
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'])
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'])
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Unable to start a transaction in the given time|Timed out fetching a new connection/i
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Can't reach database server|Client has encountered a connection error|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Server has closed the connection/i

type Facts = { codes: string[]; kinds: string[]; messages: string[] }

/** The codes, adapter kinds and messages of an error, its `meta.driverAdapterError` and its causes. */
function factsOf(error: unknown, facts: Facts = { codes: [], kinds: [], messages: [] }, depth = 0): Facts {
  if (!error || typeof error !== 'object' || depth > 4) return facts
  const record = error as Record<string, unknown>
  for (const key of ['code', 'originalCode']) if (typeof record[key] === 'string') facts.codes.push(record[key])
  if (typeof record.kind === 'string') facts.kinds.push(record.kind)
  if (typeof record.message === 'string') facts.messages.push(record.message)
  const meta = record.meta as { driverAdapterError?: { cause?: unknown } } | undefined
  if (meta?.driverAdapterError) factsOf(meta.driverAdapterError.cause, facts, depth + 1)
  if (record.cause) factsOf(record.cause, facts, depth + 1)
  return facts
}

export function databaseTroubleOf(error: unknown): DatabaseTrouble | null {
  const { codes, kinds, messages } = factsOf(error)
  const text = messages.join('\n')
  if (codes.some((code) => BUSY_PRISMA_CODES.has(code) || code === '53300') || kinds.includes('TooManyConnections') || BUSY_MESSAGES.test(text)) {
    return 'busy'
  }
  if (
    codes.some((code) => UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code)) ||
    kinds.some((kind) => UNAVAILABLE_ADAPTER_KINDS.has(kind)) ||
    UNAVAILABLE_MESSAGES.test(text)
  ) {
    return 'unavailable'
  }
  return null
}
