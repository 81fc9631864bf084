/**
 * Who may do what, asked the same way by loaders/actions (through requirePermission) and by the UI (to hide
 * what a user cannot use). Later areas add their permissions here.
 */
export type Role = 'MEMBER' | 'CONSULTANT' | 'ADMIN'

export type Permission =
  | 'member:read' // the members' directory and profiles
  | 'admin:access' // anything under /admin
  | 'invite:manage'
  | 'member:manage' // change roles, deactivate
  | 'hospital:manage'
  | 'audit:read'
  | 'benchmark:any-hospital' // view and submit risk-volume data for any hospital (members: their own only)
  | 'consultation:request' // file crisis consultations and follow one's own
  | 'consultation:desk' // the consultant desk: every submitted request, internal notes, assignment, on-call
  | 'consultation:figures' // /admin/consultations
  | 'event:manage' // create/edit programme events, see and export participants

const grants: Record<Role, readonly Permission[]> = {
  MEMBER: ['member:read', 'consultation:request'],
  CONSULTANT: ['member:read', 'consultation:request', 'consultation:desk'],
  ADMIN: [
    'member:read',
    'admin:access',
    'invite:manage',
    'member:manage',
    'hospital:manage',
    'audit:read',
    'benchmark:any-hospital',
    'consultation:request',
    'consultation:desk',
    'consultation:figures',
    'event:manage',
  ],
}

export function hasPermission(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && grants[user.role].includes(permission)
}

/** A member may edit only their own profile. */
export function canEditProfile(user: { id: string } | null | undefined, profileUserId: string): boolean {
  return !!user && user.id === profileUserId
}

export const ROLE_LABELS: Record<Role, string> = {
  MEMBER: '会員',
  CONSULTANT: 'コンサルタント',
  ADMIN: '管理者',
}
