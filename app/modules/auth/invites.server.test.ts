import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createHospital, createUser, makeRequest } from '#tests/fixtures/auth.ts'
import { mailsTo } from '#tests/fixtures/mail.ts'
import { acceptInvite, createInvite, findUsableInvite, InviteError, revokeInvite } from './invites.server.ts'
import { validateSessionToken } from './session.server.ts'

const profile = { name: '新規 会員', profession: 'NURSE' as const, course: 'EQSO' as const, cohort: 4 }

async function inviteAndReadToken(email: string, options: { hospitalId?: string } = {}) {
  const admin = await createUser({ role: 'ADMIN' })
  const invite = await createInvite({ email, role: 'MEMBER', invitedBy: { ...admin, hospitalId: null }, request: makeRequest('/admin/invites'), ...options })
  const [mail] = await mailsTo(email)
  const token = mail?.text.match(/\/join\/([a-z0-9]+)/)?.[1] ?? ''
  return { admin, invite, token, mail }
}

describe('invitations', () => {
  test('the mail carries a /join link; the database keeps only its hash', async () => {
    const { invite, token, mail } = await inviteAndReadToken('invitee1@test.example')
    expect(mail?.text).toContain(`http://localhost:3000/join/${token}`)
    expect(token.length).toBeGreaterThanOrEqual(24)
    const row = await prisma.invite.findUniqueOrThrow({ where: { id: invite.id } })
    expect(row.tokenHash).not.toContain(token)
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(7 * 24 * 60 * 60 * 1000, -4)
  })

  test('accepting creates the member with the invited role and hospital, signs them in, and uses the link up', async () => {
    const hospital = await createHospital()
    const { token } = await inviteAndReadToken('invitee2@test.example', { hospitalId: hospital.id })
    const accepted = await acceptInvite({ token, profile, password: 'a long enough password', request: makeRequest('/join') })
    expect(accepted).not.toBeNull()
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'invitee2@test.example' } })
    // The invited hospital applies at once; the course and cohort the invitee states wait for an admin (F1, F9).
    expect(user).toMatchObject({ role: 'MEMBER', hospitalId: hospital.id, name: '新規 会員', course: null, cohort: null })
    expect(await prisma.membershipChangeRequest.findMany({ where: { userId: user.id }, select: { status: true, toHospitalId: true, toCourse: true, toCohort: true } })).toEqual([
      { status: 'PENDING', toHospitalId: hospital.id, toCourse: 'EQSO', toCohort: 4 },
    ])
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect((await validateSessionToken(accepted?.token ?? ''))?.user.id).toBe(user.id)
    expect(await findUsableInvite(token)).toBeNull()
    expect(await acceptInvite({ token, profile, password: 'a long enough password', request: makeRequest('/join') })).toBeNull()
  })

  test('an invitation without a hospital: the hospital the invitee picks is only a request until an admin approves it', async () => {
    const hospital = await createHospital()
    const { token } = await inviteAndReadToken('invitee-nohospital@test.example')
    const accepted = await acceptInvite({ token, profile: { ...profile, hospitalId: hospital.id }, password: 'a long enough password', request: makeRequest('/join') })
    expect(accepted).not.toBeNull()
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'invitee-nohospital@test.example' } })
    expect(user).toMatchObject({ hospitalId: null, course: null, cohort: null })
    expect(await prisma.membershipChangeRequest.findMany({ where: { userId: user.id }, select: { status: true, fromHospitalId: true, toHospitalId: true } })).toEqual([
      { status: 'PENDING', fromHospitalId: null, toHospitalId: hospital.id },
    ])
  })

  test('two simultaneous acceptances of one link create one account', async () => {
    const { token } = await inviteAndReadToken('invitee3@test.example')
    const results = await Promise.allSettled([1, 2].map(() => acceptInvite({ token, profile, password: 'a long enough password', request: makeRequest('/join') })))
    const created = results.filter((result) => result.status === 'fulfilled' && result.value !== null)
    expect(created).toHaveLength(1)
    expect(await prisma.user.count({ where: { email: 'invitee3@test.example' } })).toBe(1)
  })

  test('revoked and expired links cannot be used', async () => {
    const revoked = await inviteAndReadToken('invitee4@test.example')
    expect(await revokeInvite(revoked.invite.id, { ...revoked.admin, hospitalId: null }, makeRequest('/admin/invites'))).toBe(true)
    expect(await findUsableInvite(revoked.token)).toBeNull()

    const expired = await inviteAndReadToken('invitee5@test.example')
    await prisma.invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await acceptInvite({ token: expired.token, profile, password: 'a long enough password', request: makeRequest('/join') })).toBeNull()
  })

  test('a new invitation replaces the pending one; existing members cannot be invited', async () => {
    const first = await inviteAndReadToken('invitee6@test.example')
    await inviteAndReadToken('invitee6@test.example')
    expect(await findUsableInvite(first.token)).toBeNull()
    const member = await createUser()
    await expect(createInvite({ email: member.email, role: 'MEMBER', invitedBy: { ...first.admin, hospitalId: null }, request: makeRequest('/') })).rejects.toBeInstanceOf(InviteError)
  })
})
