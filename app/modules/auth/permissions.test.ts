import { describe, expect, test } from 'vitest'
import { canEditProfile, hasPermission, type Permission, type Role } from './permissions.ts'
import { safeRedirectPath } from './require.server.ts'

const adminOnly: Permission[] = ['admin:access', 'invite:manage', 'member:manage', 'hospital:manage', 'audit:read', 'benchmark:any-hospital']

describe('hasPermission', () => {
  test.each<[Role, Permission, boolean]>([
    ...(['MEMBER', 'CONSULTANT', 'ADMIN'] as Role[]).map((role): [Role, Permission, boolean] => [role, 'member:read', true]),
    ...adminOnly.flatMap((permission): [Role, Permission, boolean][] => [
      ['MEMBER', permission, false],
      ['CONSULTANT', permission, false],
      ['ADMIN', permission, true],
    ]),
  ])('%s / %s → %s', (role, permission, expected) => {
    expect(hasPermission({ role }, permission)).toBe(expected)
  })

  test.each<[Role, Permission, boolean]>([
    ['MEMBER', 'consultation:request', true],
    ['CONSULTANT', 'consultation:request', true],
    ['ADMIN', 'consultation:request', true],
    ['MEMBER', 'consultation:desk', false],
    ['CONSULTANT', 'consultation:desk', true],
    ['ADMIN', 'consultation:desk', true],
    ['MEMBER', 'consultation:figures', false],
    ['CONSULTANT', 'consultation:figures', false],
    ['ADMIN', 'consultation:figures', true],
  ])('consultations: %s / %s → %s', (role, permission, expected) => {
    expect(hasPermission({ role }, permission)).toBe(expected)
  })

  test('nobody signed in has no permission', () => {
    expect(hasPermission(null, 'member:read')).toBe(false)
  })
})

test('members edit only their own profile', () => {
  expect(canEditProfile({ id: 'a' }, 'a')).toBe(true)
  expect(canEditProfile({ id: 'a' }, 'b')).toBe(false)
  expect(canEditProfile(null, 'a')).toBe(false)
})

describe('safeRedirectPath', () => {
  test.each([
    ['/members/abc?x=1', '/members/abc?x=1'],
    ['https://evil.example/', '/home'],
    ['//evil.example/', '/home'],
    ['/\\evil.example', '/home'],
    ['javascript:alert(1)', '/home'],
    // F2 of issue 13: controls and spaces make browsers drop or rewrite characters, turning the path into //host.
    ['/\t/evil.example/phish', '/home'],
    ['/%09/evil.example/phish', '/home'],
    ['/%2509/evil.example', '/home'],
    ['/\n/evil.example', '/home'],
    ['/\u000B/evil.example', '/home'],
    ['/\u3000/evil.example', '/home'],
    ['/%E3%80%80/evil.example', '/home'],
    ['/ /evil.example', '/home'],
    ['/\u0000/x', '/home'],
    ['/%00', '/home'],
    ['/%5C/evil.example', '/home'],
    ['/%2F/evil.example', '/home'],
    ['/%2F%2Fevil.example', '/home'],
    ['/\u202E/x', '/home'],
    ['/%ZZ', '/home'],
    ['members', '/home'],
    ['/cases/../members', '/members'],
    ['/search?q=%E8%BB%A2%E5%80%92#top', '/search?q=%E8%BB%A2%E5%80%92#top'],
    ['', '/home'],
    [null, '/home'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected)
  })
})
