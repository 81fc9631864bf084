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
    route('cases', 'routes/area-upcoming.tsx', { id: 'area-cases' }),
    route('practices', 'routes/area-upcoming.tsx', { id: 'area-practices' }),
    ...prefix('benchmarks', [
      index('routes/benchmarks/index.tsx'),
      route('submit', 'routes/benchmarks/submit.tsx'),
      route('import', 'routes/benchmarks/import.tsx'),
      route('template.csv', 'routes/benchmarks/template-csv.ts'),
      route('export.csv', 'routes/benchmarks/export-csv.ts'),
    ]),
    route('consultations', 'routes/consultations/index.tsx'),
    route('consultations/new', 'routes/consultations/new.tsx'),
    route('consultations/:id', 'routes/consultations/detail.tsx'),
    route('consultations/:id/attachments/:attachmentId', 'routes/consultations/attachment.ts'),
    route('search', 'routes/area-upcoming.tsx', { id: 'area-search' }),
    route('events', 'routes/events/index.tsx'),
    route('events/:id', 'routes/events/detail.tsx'),
    route('events/:id/calendar.ics', 'routes/events/calendar.ics.ts'),

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
        route('benchmarks', 'routes/benchmarks/admin-coverage.tsx'),
        route('consultations', 'routes/consultations/admin-figures.tsx', { id: 'admin-consultations' }),
        route('events', 'routes/admin/events/index.tsx'),
        route('events/new', 'routes/admin/events/edit.tsx', { id: 'admin-event-new' }),
        route('events/:id', 'routes/admin/events/edit.tsx', { id: 'admin-event-edit' }),
        route('events/:id/participants', 'routes/admin/events/participants.tsx'),
        route('events/:id/participants.csv', 'routes/admin/events/participants.csv.ts'),
      ]),
    ]),
  ]),

  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
