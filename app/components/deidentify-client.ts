import type { DeidFinding } from './editor/deidentify-plugin.ts'

// The browser side of POST /api/deidentify, shared by the rich-text editor and the plain-text hints.

/** Reads the API answer defensively: anything malformed counts as a failed check. */
export function parseDeidentifyAnswer(body: unknown): DeidFinding[] | null {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { findings?: unknown }).findings)) return null
  const findings: DeidFinding[] = []
  for (const raw of (body as { findings: unknown[] }).findings) {
    if (typeof raw !== 'object' || raw === null) return null
    const { type, start, end, text, severity, replacement } = raw as Record<string, unknown>
    if (typeof type !== 'string' || typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') return null
    findings.push({
      type,
      start,
      end,
      text,
      severity: severity === 'warn' ? 'warn' : 'block',
      replacement: typeof replacement === 'string' ? replacement : '○○',
    })
  }
  return findings
}

/** The findings for `text`; throws when the check fails (HTTP error, malformed answer) or is aborted. */
export async function requestFindings(text: string, signal: AbortSignal): Promise<DeidFinding[]> {
  const response = await fetch('/api/deidentify', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
    signal,
  })
  if (!response.ok) throw new Error(`deidentify answered ${response.status}`)
  const findings = parseDeidentifyAnswer(await response.json())
  if (!findings) throw new Error('deidentify answer malformed')
  return findings
}
