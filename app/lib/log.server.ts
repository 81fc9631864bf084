import pino from 'pino'

// One JSON line per event (pino). What may never appear in a line: request bodies, case or consultation text,
// e-mail addresses. Callers log ids and counts; messages that come from elsewhere (an SMTP server's error, a
// library's message) go through redactText first.

const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g

/** Masks e-mail addresses in a message we did not write (an SMTP reply often quotes the recipient). */
export function redactText(text: string): string {
  return text.replace(EMAIL, '[address]')
}

/** An error as a short, address-free description (no stack: stacks may carry values from the failing call). */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return redactText(message).slice(0, 500)
}

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info')

// Through process.stdout (not pino's own file descriptor writer) so what the app logs can be captured and read
// back by the test that checks no personal or case text ever reaches the log.
export const log = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, process.stdout)
