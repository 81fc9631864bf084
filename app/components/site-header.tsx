import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { clearEditorAutosave } from '#app/components/editor/autosave.ts'
import { MEMBER_AREAS } from '#app/components/member-areas.ts'
import { SearchBox } from '#app/components/search-box.tsx'
import { useHydrated } from '#app/components/use-hydrated.ts'
import { hasPermission } from '#app/modules/auth/permissions.ts'
import { useOptionalUser } from '#app/root.tsx'

/**
 * The header. On a phone (≤ 600 px, docs/decisions/0050) the account links and the area navigation fold behind a
 * 「メニュー」 button, so the first screen shows the page rather than three rows of links. The menu folds only once
 * JavaScript runs: without it the button could not open anything, so everything stays visible.
 */
export function SiteHeader() {
  const user = useOptionalUser()
  const hydrated = useHydrated()
  const [menuOpen, setMenuOpen] = useState(false)
  const location = useLocation()
  // A link in the open menu leads to another page; the menu should not still cover it there.
  useEffect(() => setMenuOpen(false), [location.pathname, location.search])

  return (
    <header className="site-header" data-menu={user && hydrated ? (menuOpen ? 'open' : 'closed') : undefined}>
      <div className="site-header__bar">
        <Link to={user ? '/home' : '/'} className="site-header__brand">
          QSO Hub
          <span className="site-header__tagline">QSOプロジェクト 会員サイト</span>
        </Link>
        {user && hydrated ? (
          <button
            type="button"
            className="site-header__menu-button button button--quiet"
            aria-expanded={menuOpen}
            aria-controls="site-account site-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? 'メニューを閉じる' : 'メニュー'}
            {!menuOpen && user.unreadNotifications ? (
              <span className="badge badge--primary">
                <span className="visually-hidden">未読の通知 </span>
                {user.unreadNotifications > 99 ? '99+' : user.unreadNotifications}
              </span>
            ) : null}
          </button>
        ) : null}
        {user ? <SearchBox /> : null}
        {user ? (
          <div className="site-header__account site-header__foldable" id="site-account">
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
        <nav aria-label="会員メニュー" className="site-nav site-header__foldable" id="site-nav">
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
