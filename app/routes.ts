import { index, layout, prefix, route, type RouteConfig } from '@remix-run/route-config'

// The URL map (../shared/architecture.md "URLs"); each module is thin: authorise, parse, call a module, render.
export default [
  index('routes/public-home.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('join/:token', 'routes/join.tsx'),
  route('forgot-password', 'routes/forgot-password.tsx'),
  route('reset-password/:token', 'routes/reset-password.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('api/deidentify', 'routes/api/deidentify.ts'),

  layout('routes/members-area.tsx', [
    route('home', 'routes/home.tsx'),
    route('members', 'routes/members.tsx'),
    route('members/:id', 'routes/member-profile.tsx'),
    route('settings/profile', 'routes/settings-profile.tsx'),
    route('settings/password', 'routes/settings-password.tsx'),
    route('notifications', 'routes/notifications/index.tsx'),
    // Areas that later issues fill; until then each says so, behind sign-in like the rest.
    route('cases', 'routes/cases/index.tsx'),
    route('cases/new', 'routes/cases/edit.tsx', { id: 'case-new' }),
    route('cases/:id', 'routes/cases/detail.tsx'),
    route('cases/:id/edit', 'routes/cases/edit.tsx', { id: 'case-edit' }),
    route('practices', 'routes/practices/index.tsx'),
    route('practices/new', 'routes/practices/edit.tsx', { id: 'practice-new' }),
    route('practices/:id', 'routes/practices/detail.tsx'),
    route('practices/:id/edit', 'routes/practices/edit.tsx', { id: 'practice-edit' }),
    route('practices/:id/attachments/:attachmentId', 'routes/practices/attachment.ts'),
    route('benchmarks', 'routes/area-upcoming.tsx', { id: 'area-benchmarks' }),
    route('consultations', 'routes/area-upcoming.tsx', { id: 'area-consultations' }),
    route('search', 'routes/area-upcoming.tsx', { id: 'area-search' }),

    ...prefix('admin', [
      layout('routes/admin/layout.tsx', [
        index('routes/admin/index.tsx'),
        route('invites', 'routes/admin/invites.tsx'),
        route('members', 'routes/admin/members.tsx'),
        route('members/:id', 'routes/admin/member-detail.tsx'),
        route('hospitals', 'routes/admin/hospitals.tsx'),
        route('hospitals/new', 'routes/admin/hospital-edit.tsx', { id: 'admin-hospital-new' }),
        route('hospitals/:id', 'routes/admin/hospital-edit.tsx', { id: 'admin-hospital-edit' }),
        route('audit', 'routes/admin/audit.tsx'),
        route('cases', 'routes/admin/cases.tsx'),
      ]),
    ]),
  ]),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
