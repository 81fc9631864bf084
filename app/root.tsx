import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { useNonce } from '#app/components/nonce.tsx'
import { SiteHeader } from '#app/components/site-header.tsx'
import { getSession } from '#app/modules/auth/session.server.ts'
import { countUnread } from '#app/modules/notifications/notifications.server.ts'
import stylesheet from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'QSO Hub — QSOプロジェクト修了生のための会員サイト' },
  { name: 'description', content: '名古屋大学医学部附属病院 患者安全推進部 QSOプロジェクトの会員サイト' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const user = session
    ? { id: session.user.id, name: session.user.name, role: session.user.role, unreadNotifications: await countUnread(session.user.id) }
    : null
  return { user }
}

export type RootUser = Awaited<ReturnType<typeof loader>>['user']

export function useOptionalUser(): RootUser {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="ja">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          本文へ移動
        </a>
        <SiteHeader />
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>QSO Hub — 名古屋大学医学部附属病院 患者安全推進部 QSOプロジェクト</p>
          <p>回避可能な有害事象を撲滅する</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
