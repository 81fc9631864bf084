import { NavLink } from '@remix-run/react'

export function SettingsNav() {
  return (
    <nav aria-label="設定メニュー" className="row" style={{ marginBottom: '1rem' }}>
      <NavLink to="/settings/profile" className="button button--quiet button--small">
        プロフィール
      </NavLink>
      <NavLink to="/settings/password" className="button button--quiet button--small">
        パスワード変更
      </NavLink>
      <NavLink to="/settings/two-factor" className="button button--quiet button--small">
        二要素認証
      </NavLink>
    </nav>
  )
}
