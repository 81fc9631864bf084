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
  | 'case:moderate' // hide/unhide cases and comments, see anonymous authors, re-scan for identifiers
  | 'practice:moderate' // hide/unhide practices; edit any hospital's adoption record

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
    'case:moderate',
    'practice:moderate',
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

type CaseAccessFacts = { authorId: string; status: 'DRAFT' | 'PUBLISHED'; hiddenAt: Date | string | null }
type Viewer = { id: string; role: Role } | null | undefined

/** Drafts are seen by their author only; hidden cases by their author and moderators; published ones by members. */
export function canViewCase(user: Viewer, item: CaseAccessFacts): boolean {
  if (!user) return false
  if (item.authorId === user.id) return true
  if (item.status === 'DRAFT') return false
  return !item.hiddenAt || hasPermission(user, 'case:moderate')
}

/** Only the author edits a case (moderators hide it instead). */
export function canEditCase(user: Viewer, item: Pick<CaseAccessFacts, 'authorId'>): boolean {
  return !!user && user.id === item.authorId
}

/** 「検討会で扱った」 is marked by the author or an admin. */
export function canMarkCaseReviewed(user: Viewer, item: Pick<CaseAccessFacts, 'authorId'>): boolean {
  return canEditCase(user, item) || hasPermission(user, 'case:moderate')
}

/** Whether the viewer may see who wrote an anonymous case: its author and moderators. */
export function canSeeAnonymousAuthor(user: Viewer, item: Pick<CaseAccessFacts, 'authorId'>): boolean {
  return canEditCase(user, item) || hasPermission(user, 'case:moderate')
}

/** Comments are edited and deleted by their author only. */
export function canChangeComment(user: Viewer, comment: { authorId: string }): boolean {
  return !!user && user.id === comment.authorId
}

// practices (issue 7)
type PracticeAccessFacts = { authorId: string; status: 'DRAFT' | 'PUBLISHED'; hiddenAt: Date | string | null }

/** Same rule as cases: drafts for their author only; hidden practices for their author and moderators. */
export function canViewPractice(user: Viewer, item: PracticeAccessFacts): boolean {
  if (!user) return false
  if (item.authorId === user.id) return true
  if (item.status === 'DRAFT') return false
  return !item.hiddenAt || hasPermission(user, 'practice:moderate')
}

/** Only the author edits a practice. */
export function canEditPractice(user: Viewer, item: Pick<PracticeAccessFacts, 'authorId'>): boolean {
  return !!user && user.id === item.authorId
}

/** A hospital's adoption record is kept by that hospital's members (and admins). */
export function canEditAdoption(user: (NonNullable<Viewer> & { hospitalId: string | null }) | null | undefined, adoption: { hospitalId: string }): boolean {
  if (!user) return false
  return (!!user.hospitalId && user.hospitalId === adoption.hospitalId) || hasPermission(user, 'practice:moderate')
}
