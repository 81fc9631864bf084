// TEMPORARY stand-in for app/modules/deidentify/publish-guard.ts (being built on its own branch). Same names and
// shapes; finds nothing. Delete this file when app/modules/deidentify lands on main.
export type Finding = { type: string; start: number; end: number; text: string; severity: 'block' | 'warn'; replacement: string }
export type TextField = { field: string; label: string; text: string }
export function blockingFindings(_fields: TextField[]): Array<{ field: string; label: string; finding: Finding }> {
  return []
}
export function describeBlocking(list: ReturnType<typeof blockingFindings>): string[] {
  return list.map((item) => `「${item.label}」の「${item.finding.text}」を伏せてください`)
}
