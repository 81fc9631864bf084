/** What each audit event is called in the admin UI; shared by server and browser. */
export const AUDIT_ACTIONS = {
  'auth.sign-in': 'ログイン',
  'auth.sign-in-failed': 'ログイン失敗',
  'auth.sign-in-throttled': 'ログイン制限',
  'auth.sign-out': 'ログアウト',
  'auth.password-changed': 'パスワード変更',
  'auth.password-reset-requested': 'パスワード再設定の申請',
  'auth.password-reset': 'パスワード再設定',
  'invite.created': '招待の作成',
  'invite.revoked': '招待の取り消し',
  'invite.accepted': '招待による登録',
  'member.role-changed': '権限の変更',
  'member.email-changed': 'メールアドレスの変更',
  'member.deactivated': 'アカウントの停止',
  'member.reactivated': 'アカウントの再開',
  'member.profile-updated': 'プロフィール更新',
  'hospital.created': '病院の登録',
  'hospital.updated': '病院情報の更新',
  'benchmark.submitted': 'ベンチマークデータの登録',
  'benchmark.corrected': 'ベンチマークデータの修正',
  'benchmark.imported': 'ベンチマークデータのCSV取り込み',
  'benchmark.reminders-sent': 'ベンチマーク未提出のリマインド送信',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS
