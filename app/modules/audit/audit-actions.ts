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
  // cases
  'case.hidden': '事例の非表示',
  'case.unhidden': '事例の再表示',
  'case.reviewed-marked': '検討会で扱った事例の記録',
  'comment.hidden': 'コメントの非表示',
  'comment.unhidden': 'コメントの再表示',
  // practices
  'practice.hidden': 'プラクティスの非表示',
  'practice.unhidden': 'プラクティスの再表示',
  'adoption.changed-by-admin': '他院の導入記録の変更（管理者）',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS
