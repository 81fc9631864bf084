import { ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { AUDIT_ACTIONS, type AuditAction } from './audit-actions.ts'

/**
 * The audit log in words for the admin page and its CSV (issue 17): 「安全 花子 が 権限の変更（会員 薬師 次郎）」
 * instead of ids, JSON and whole browser strings. Pure, shared by the page and the export.
 */

const TARGET_KINDS: Record<string, string> = {
  user: '会員',
  invite: '招待',
  hospital: '病院',
  email: 'メールアドレス',
  case: '事例',
  comment: 'コメント',
  practice: 'プラクティス',
  adoption: '導入記録',
  consultation: '危機管理相談',
  event: '行事',
  job: 'バックグラウンド処理',
  'auth-policy': '二要素認証の設定',
}

export function actionLabel(action: string): string {
  return action in AUDIT_ACTIONS ? AUDIT_ACTIONS[action as AuditAction] : action
}

/**
 * What the event was about, in words: the kind and, where the server could look it up, its name or title.
 * Never the raw id; an e-mail target (a failed sign-in's typed address) is shown as typed, since that is the
 * point of the record.
 */
export function describeTarget(type: string | null, name: string | null): string | null {
  if (!type) return null
  const kind = TARGET_KINDS[type] ?? '対象'
  return name ? `${kind} ${name}` : kind
}

/** 「安全 花子 が 権限の変更（会員 薬師 次郎）」; events without an actor (a failed sign-in) are by 「未ログインの利用者」. */
export function describeAuditEvent(event: { action: string; actorName: string | null; targetType: string | null; targetName: string | null }): string {
  const target = describeTarget(event.targetType, event.targetName)
  return `${event.actorName ?? '未ログインの利用者'} が ${actionLabel(event.action)}${target ? `（${target}）` : ''}`
}

/** 「Chrome / Windows」 from a User-Agent string; 「不明なブラウザ」 when it names nothing we know. */
export function summariseUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", every iPhone browser says "Safari".
  const browser =
    /Edg(e|A|iOS)?\//.test(userAgent) ? 'Edge'
    : /OPR\/|Opera/.test(userAgent) ? 'Opera'
    : /Firefox\/|FxiOS\//.test(userAgent) ? 'Firefox'
    : /Chrome\/|CriOS\/|Chromium\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : /curl\//i.test(userAgent) ? 'curl'
    : null
  const system =
    /iPhone|iPad|iPod/.test(userAgent) ? 'iOS'
    : /Android/.test(userAgent) ? 'Android'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /CrOS/.test(userAgent) ? 'ChromeOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : null
  if (!browser && !system) return '不明なブラウザ'
  return [browser ?? '不明なブラウザ', system].filter(Boolean).join(' / ')
}

const DETAIL_LABELS: Record<string, string> = {
  from: '変更前',
  to: '変更後',
  was: '変更前',
  role: '権限',
  reason: '理由',
  status: '状態',
  rows: '件数',
  months: '月数',
  period: '期間',
  view: '画面',
  via: '方法',
  by: '方法',
  fields: '項目',
  urgency: '緊急度',
  title: '題名',
  name: '名前',
  email: 'メールアドレス',
  mails: '送信数',
  hospitals: '病院数',
  created: '新規',
  corrected: '修正',
  unchanged: '変更なし',
  deleted: '削除',
  removed: '削除',
  obliged: '報告義務',
  meetingDate: '検討会の日付',
  secondFactor: '二要素',
  reauth: '再認証',
  requireTwoFactorForAll: '全員に二要素認証',
  onCall: '当番',
  path: 'ページ',
  factor: '認証方法',
}

const DETAIL_KEYS = Object.keys(DETAIL_LABELS)

/**
 * The details as 「変更前：会員、変更後：管理者」: known keys in Japanese, ids left out (they mean nothing to a reader
 * and the target already names what was changed), lists joined, nested objects flattened one level.
 */
export function describeDetails(details: unknown): string | null {
  if (details === null || details === undefined) return null
  if (typeof details !== 'object' || Array.isArray(details)) return formatValue(details)
  const parts: string[] = []
  // PostgreSQL's jsonb does not keep the written key order: read in the labels' order (変更前 before 変更後).
  const order = (key: string) => (key in DETAIL_LABELS ? DETAIL_KEYS.indexOf(key) : DETAIL_KEYS.length)
  const entries = Object.entries(details as Record<string, unknown>).sort(([a], [b]) => order(a) - order(b))
  for (const [key, value] of entries) {
    if (/(^id$|Ids?$)/.test(key) || value === null || value === undefined || value === '') continue
    parts.push(`${DETAIL_LABELS[key] ?? key}：${formatValue(value)}`)
  }
  return parts.length ? parts.join('、') : null
}

// Codes that appear as detail values, in the words the pages use.
const VALUE_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  desk: '相談デスク',
  mine: '自分の相談',
  'wrong-password': 'パスワードの誤り',
  'unknown-account': '登録のないメールアドレス',
  deactivated: '停止中のアカウント',
  'not-allowed': '権限なし',
  'not-found': '見つからない',
}

function formatValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ'
  if (typeof value === 'string' && value in VALUE_LABELS) return VALUE_LABELS[value]!
  if (Array.isArray(value)) return value.map(formatValue).join('・')
  if (value && typeof value === 'object') return describeDetails(value) ?? ''
  return String(value)
}
