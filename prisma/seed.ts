/**
 * Demo data for development databases (never production): fictional hospitals and members, plus the four
 * demo accounts the README lists. Safe to run again: rows are matched by e-mail / hospital name.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'
import type { CourseCode, HospitalTypeCode, ProfessionCode } from '#app/modules/members/labels.ts'
import { hashPassword } from '#app/modules/auth/password.server.ts'
import { sealSecret } from '#app/modules/auth/secret-box.server.ts'
import { seedBenchmarks } from './seed/benchmarks.ts'
import { DEMO_TOTP_ACCOUNTS, DEMO_TOTP_SECRET, demoTotpKey } from './seed/demo-two-factor.ts'
import { seedCases } from './seed/cases.ts'
import { seedConsultations } from './seed/consultations.ts'
import { seedEvents } from './seed/events.ts'
import { seedPractices } from './seed/practices.ts'

export const DEMO_PASSWORD = 'qso-demo-pass'

type DemoHospital = { name: string; prefecture: string; beds: number; type: HospitalTypeCode }
type DemoUser = {
  email: string
  name: string
  role?: 'MEMBER' | 'CONSULTANT' | 'ADMIN'
  profession: ProfessionCode
  course?: CourseCode
  cohort?: number
  hospital?: string
  department?: string
  bio?: string
}

// All names are invented; any resemblance to real hospitals or people is unintended.
const hospitals: DemoHospital[] = [
  { name: 'みなと中央病院', prefecture: '愛知県', beds: 452, type: 'REGIONAL_SUPPORT' },
  { name: 'さくら台総合病院', prefecture: '岐阜県', beds: 186, type: 'GENERAL' },
  { name: '東海みらい大学病院', prefecture: '愛知県', beds: 812, type: 'SPECIAL_FUNCTION' },
  { name: 'しおかぜ記念病院', prefecture: '三重県', beds: 298, type: 'GENERAL' },
  { name: 'ひかり野こころの病院', prefecture: '静岡県', beds: 240, type: 'PSYCHIATRIC' },
  { name: 'あおば北総合医療センター', prefecture: '宮城県', beds: 560, type: 'REGIONAL_SUPPORT' },
  { name: 'やまなみクリニック', prefecture: '長野県', beds: 0, type: 'CLINIC' },
]

const users: DemoUser[] = [
  { email: 'admin@qso.example', name: '事務局 管理者', role: 'ADMIN', profession: 'ADMINISTRATIVE', department: 'QSO事務局', bio: 'QSO Hub の運営事務局です。' },
  {
    email: 'consultant@qso.example',
    name: '相談 太郎',
    role: 'CONSULTANT',
    profession: 'PHYSICIAN',
    course: 'CQSO',
    cohort: 1,
    hospital: '東海みらい大学病院',
    department: '医療安全管理部',
    bio: '危機管理相談を担当しています。医療事故調査制度への対応経験があります。',
  },
  {
    email: 'member@qso.example',
    name: '安全 花子',
    profession: 'NURSE',
    course: 'EQSO',
    cohort: 2,
    hospital: 'みなと中央病院',
    department: '医療安全管理室',
    bio: 'GRMとして転倒・転落対策に取り組んでいます。',
  },
  {
    email: 'member2@qso.example',
    name: '薬師 次郎',
    profession: 'PHARMACIST',
    course: 'AQSO_DAILY',
    cohort: 3,
    hospital: 'さくら台総合病院',
    department: '薬剤部',
    bio: 'ハイリスク薬の誤投与防止がテーマです。',
  },
  { email: 'demo.cqso3@qso.example', name: '外科 一郎', profession: 'PHYSICIAN', course: 'CQSO', cohort: 3, hospital: 'しおかぜ記念病院', department: '外科' },
  { email: 'demo.cqso5@qso.example', name: '歯科 恵', profession: 'DENTIST', course: 'CQSO', cohort: 5, hospital: '東海みらい大学病院', department: '歯科口腔外科' },
  { email: 'demo.eqso1@qso.example', name: '臨床 工', profession: 'CLINICAL_ENGINEER', course: 'EQSO', cohort: 1, hospital: 'あおば北総合医療センター', department: 'ME室' },
  { email: 'demo.eqso4@qso.example', name: '放射 光', profession: 'RADIOLOGICAL_TECHNOLOGIST', course: 'EQSO', cohort: 4, hospital: 'みなと中央病院', department: '放射線部' },
  { email: 'demo.aqso2@qso.example', name: '検査 正', profession: 'LABORATORY_TECHNOLOGIST', course: 'AQSO_PROBLEM', cohort: 2, hospital: 'しおかぜ記念病院', department: '臨床検査部' },
  { email: 'demo.aqso4@qso.example', name: '看護 優子', profession: 'NURSE', course: 'AQSO_CRISIS', cohort: 4, hospital: 'ひかり野こころの病院', department: '看護部' },
  { email: 'demo.aqso5@qso.example', name: '事務 誠', profession: 'ADMINISTRATIVE', course: 'AQSO_NORMAL', cohort: 5, hospital: 'やまなみクリニック', department: '事務部' },
]

export async function seedDemoData(prisma: PrismaClient) {
  const hospitalIds = new Map<string, string>()
  for (const hospital of hospitals) {
    const row = await prisma.hospital.upsert({ where: { name: hospital.name }, update: {}, create: hospital })
    hospitalIds.set(hospital.name, row.id)
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const { hospital, role, ...user } of users) {
    const data = { ...user, role: role ?? 'MEMBER', hospitalId: hospital ? (hospitalIds.get(hospital) ?? null) : null }
    await prisma.user.upsert({ where: { email: user.email }, update: {}, create: { ...data, passwordHash } })
  }
  // Admins and consultants must sign in with a second factor (issue 13): the demo ones share a documented TOTP
  // secret. Created once; a developer who re-enrolled keeps their own.
  for (const email of DEMO_TOTP_ACCOUNTS) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    await prisma.totpCredential.upsert({
      where: { userId: user.id },
      update: {},
      create: { userId: user.id, secretEncrypted: sealSecret(demoTotpKey()), enabledAt: new Date() },
    })
  }
  console.log(`Demo data: ${hospitals.length} hospitals, ${users.length} members (password ${DEMO_PASSWORD}).`)
  console.log(`Demo admin and consultant: second factor = TOTP secret ${DEMO_TOTP_SECRET} (development only; see README).`)
  await seedCases(prisma)
  await seedBenchmarks(prisma)
  await seedConsultations(prisma)
  await seedEvents(prisma)
  await seedPractices(prisma)
}
