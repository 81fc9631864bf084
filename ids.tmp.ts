import { resolveDatabase } from '#server/database.ts'
const db = await resolveDatabase()
process.env.DATABASE_URL = db.url
const { prisma } = await import('#app/lib/db.server.ts')
const rows = await prisma.case.findMany({ where: { importKey: { startsWith: 'seed:' } }, select: { id: true, importKey: true, commentCount: true, anonymous: true, status: true, author: { select: { email: true } } }, orderBy: { importKey: 'asc' }, take: 40 })
console.log(rows.map((r) => `${r.id} ${r.importKey} c=${r.commentCount} anon=${r.anonymous} ${r.status} ${r.author.email}`).join('\n'))
await prisma.$disconnect()
