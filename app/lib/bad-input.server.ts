import { AsyncLocalStorage } from 'node:async_hooks'
import { databaseTroubleOf, type DatabaseTrouble } from './database-trouble.ts'

/**
 * Errors that mean "the client sent something unreadable", not "the server is broken": multipart that does not
 * parse, a NUL character PostgreSQL refuses in text (SQLSTATE 22021), a malformed percent-escape. Remix turns any
 * error thrown in a loader or action into a 500; entry.server.tsx reports these here, and the HTTP server
 * (server/remix-handler.ts) answers 400 in Japanese instead (issue 13, F7).
 */
export function isBadInputError(error: unknown): boolean {
  if (error instanceof URIError) return true
  if (!(error instanceof Error)) return false
  const text = `${error.name} ${error.message} ${causeText(error.cause)}`
  if (error instanceof TypeError && /FormData|multipart|boundary|Content-Type/i.test(text)) return true
  return /\b22021\b|\b22P05\b|invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/i.test(text)
}

function causeText(cause: unknown, depth = 0): string {
  if (!cause || depth > 3) return ''
  if (cause instanceof Error) return `${cause.message} ${causeText(cause.cause, depth + 1)}`
  if (typeof cause === 'object') {
    const { originalCode, code, message } = cause as { originalCode?: unknown; code?: unknown; message?: unknown }
    return [originalCode, code, message].filter((part) => typeof part === 'string').join(' ')
  }
  return ''
}

/** What went wrong in this request, for the HTTP server's answer: unreadable input (400) or a database in trouble (503). */
type RequestStore = { badInput: boolean; databaseTrouble: DatabaseTrouble | null }

// One store per process, shared by the server (loaded by tsx) and the Remix build (loaded by Vite in development,
// a second copy of this module): hence the global symbol.
const KEY = Symbol.for('qso-hub.request-store')
const holder = globalThis as { [KEY]?: AsyncLocalStorage<RequestStore> }
const storage = (holder[KEY] ??= new AsyncLocalStorage<RequestStore>())

export function runWithRequestStore<T>(run: () => T): { store: RequestStore; result: T } {
  const store: RequestStore = { badInput: false, databaseTrouble: null }
  return { store, result: storage.run(store, run) }
}

/** Called from entry.server.tsx's handleError for every error Remix catches in a loader, action or render. */
export function reportRequestError(error: unknown): void {
  const store = storage.getStore()
  if (!store) return
  if (isBadInputError(error)) store.badInput = true
  store.databaseTrouble ??= databaseTroubleOf(error)
}
