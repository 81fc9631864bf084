import { Form, Link, NavLink } from '@remix-run/react'
import { clearEditorAutosave } from '#app/components/editor/autosave.ts'
import { MEMBER_AREAS } from '#app/components/member-areas.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { useOptionalUser } from '#app/root.tsx'

export function SiteHeader() {
  const user = useOptionalUser()
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to={user ? '/home' : '/'} className="site-header__brand">
          QSO Hub
          <span className="site-header__tagline">QSOプロジェクト 会員サイト</span>
        </Link>
        {user ? (
          <div className="site-header__account">
            <Link to={`/members/${user.id}`} className="site-header__user">
              {user.name}
            </Link>
            <Link to="/notifications" className="site-header__notifications">
              通知
              {user.unreadNotifications ? (
                <span className="badge badge--primary">
                  <span className="visually-hidden">未読 </span>
                  {user.unreadNotifications > 99 ? '99+' : user.unreadNotifications}
                </span>
              ) : null}
            </Link>
            <Link to="/settings/profile">設定</Link>
            {/* Unsaved editor drafts may hold incident details: they do not outlive the session on a shared PC. */}
            <Form method="post" action="/logout" onSubmit={() => clearEditorAutosave('')}>
              <button type="submit" className="button button--quiet">
                ログアウト
              </button>
            </Form>
          </div>
        ) : (
          <Link to="/login" className="button">
            会員ログイン
          </Link>
        )}
      </div>
      {user ? (
        <nav aria-label="会員メニュー" className="site-nav">
          <ul>
            {MEMBER_AREAS.map((area) => (
              <li key={area.to}>
                <NavLink to={area.to}>{area.label}</NavLink>
              </li>
            ))}
            {hasPermission(user, 'admin:access') ? (
              <li>
                <NavLink to="/admin">管理</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  )
}
