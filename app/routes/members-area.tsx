import type { LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'

// The members' area. Each child loader checks access itself too: loaders run in parallel, so this one
// alone protects nothing.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return null
}

export default function MembersArea() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
