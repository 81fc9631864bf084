/**
 * The HTTP server (server/app.ts) overwrites this header with the address it saw, after applying the
 * TRUST_PROXY setting, so a client cannot choose its own IP by sending the header.
 */
export const CLIENT_IP_HEADER = 'x-qso-client-ip'

export function getRequestMeta(request: Request) {
  return {
    ipAddress: request.headers.get(CLIENT_IP_HEADER) ?? 'unknown',
    userAgent: request.headers.get('user-agent') ?? undefined,
  }
}
