/**
 * Bootstraps the first admin of a real deployment (demo data is never seeded in production):
 *   DATABASE_URL=… npx tsx server/create-admin.ts admin@hospital.jp "氏名"
 * Creates the account with an unusable random password and prints a one-time link (valid 1 hour) where the
 * admin sets their own password. Nothing secret is stored in clear text.
 */
import { randomBytes } from 'node:crypto'
import { migrateDeploy, resolveDatabase } from './database.ts'

async function main() {
  const [email, name] = process.argv.slice(2)
  if (!email || !name) throw new Error('Usage: npx tsx server/create-admin.ts EMAIL "氏名"')
  const database = await resolveDatabase()
  console.log(`Database: ${database.description}`)
  try {
    await migrateDeploy(database.url)
    process.env.DATABASE_URL = database.url
    const { prisma } = await import('#app/lib/db.server.ts')
    const { EmailSchema } = await import('#app/modules/members/schemas.ts')
    const { hashPassword } = await import('#app/modules/auth/password.server.ts')
    const { issuePasswordResetLink } = await import('#app/modules/auth/passwords.server.ts')
    const { recordAudit } = await import('#app/modules/audit/audit.server.ts')

    const address = EmailSchema.parse(email)
    const user = await prisma.user.upsert({
      where: { email: address },
      update: { role: 'ADMIN', status: 'ACTIVE' },
      create: { email: address, name, role: 'ADMIN', profession: 'ADMINISTRATIVE', passwordHash: await hashPassword(randomBytes(32).toString('hex')) },
    })
    const { link } = await issuePasswordResetLink(user.id)
    await recordAudit({ action: 'member.role-changed', target: { type: 'user', id: user.id }, details: { to: 'ADMIN', by: 'create-admin command' } })
    console.log(`\n${address} is an admin. Open this link within an hour to set the password:\n${link}\n`)
    await prisma.$disconnect()
  } finally {
    await database.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
