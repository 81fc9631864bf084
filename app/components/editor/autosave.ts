/**
 * Drafts of editor contents in localStorage, so nothing typed is lost when the tab closes or the browser
 * crashes before the form is saved. Keys are `qso-editor:<user id>:<autosaveKey>`: on a shared hospital PC one
 * member never gets another's draft offered. Pages clear drafts after a successful save with
 * clearEditorAutosave(prefix); signing out clears all of them.
 */

const NAMESPACE = 'qso-editor:'
/** Drafts older than this are not offered any more (and are removed when seen). */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** The storage key of one editor's draft for one member ("anon" when signed out). */
export function draftKey(userId: string | null | undefined, autosaveKey: string): string {
  return `${userId || 'anon'}:${autosaveKey}`
}

export type StoredDraft = { savedAt: number; doc: unknown }

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    // Access can throw (privacy mode, blocked storage): autosave is then simply off.
    return null
  }
}

export function readDraft(key: string, now = Date.now()): StoredDraft | null {
  const store = storage()
  if (!store) return null
  try {
    const raw = store.getItem(NAMESPACE + key)
    if (!raw) return null
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { savedAt, doc } = value as { savedAt?: unknown; doc?: unknown }
    if (typeof savedAt !== 'number' || now - savedAt > MAX_AGE_MS) {
      store.removeItem(NAMESPACE + key)
      return null
    }
    return { savedAt, doc }
  } catch {
    return null
  }
}

export function writeDraft(key: string, doc: unknown, now = Date.now()): void {
  const store = storage()
  if (!store) return
  try {
    store.setItem(NAMESPACE + key, JSON.stringify({ savedAt: now, doc } satisfies StoredDraft))
  } catch {
    // Quota exceeded: keep working; the form still posts what is on screen.
  }
}

export function removeDraft(key: string): void {
  storage()?.removeItem(NAMESPACE + key)
}

/**
 * Removes every stored draft (of any member) whose autosaveKey starts with `prefix` — call it once the content
 * is saved, e.g. clearEditorAutosave('case-draft:new:') after a new case was created, or `case-draft:${id}:` on
 * the saved case's page. clearEditorAutosave('') removes all drafts (sign-out).
 */
export function clearEditorAutosave(prefix: string): void {
  const store = storage()
  if (!store) return
  const doomed: string[] = []
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i)
    if (!key?.startsWith(NAMESPACE)) continue
    const rest = key.slice(NAMESPACE.length)
    if (rest.slice(rest.indexOf(':') + 1).startsWith(prefix)) doomed.push(key)
  }
  for (const key of doomed) store.removeItem(key)
}
