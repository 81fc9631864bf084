import { createContext, useContext } from 'react'

/**
 * The per-request CSP nonce (server/security-headers.ts) for the scripts Remix renders. Provided on the server
 * only: the browser hides a nonce attribute from scripts, so on the client the value is '' and React keeps the
 * server's attribute when hydrating.
 */
export const NonceContext = createContext('')

export function useNonce(): string {
  return useContext(NonceContext)
}
