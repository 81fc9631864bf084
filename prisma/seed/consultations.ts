/**
 * Demo crisis consultations (development databases only): a few requests from member@qso.example in different
 * states, one assigned to consultant@qso.example with a thread, so a newcomer sees the desk working. Every
 * detail is invented. Stable ids make the seed safe to run again.
 */
import type { PrismaClient } from '#app/generated/prisma/client.ts'

const HOUR = 60 * 60 * 1000

export async function seedConsultations(prisma: PrismaClient) {
  const [member, consultant, admin] = await Promise.all(
    ['member@qso.example', 'consultant@qso.example', 'admin@qso.example'].map((email) => prisma.user.findUnique({ where: { email } })),
  )
  if (!member || !consultant || !admin) return
  const now = Date.now()
  const base = {
    requesterId: member.id,
    hospitalId: member.hospitalId,
    contactName: member.name,
    contactPhone: '090-0000-0000',
    contactNote: '夜間は医療安全管理室の当直携帯へ（架空の番号です）',
  }

  const requests = [
    {
      id: 'demo-consultation-emergency',
      status: 'IN_PROGRESS' as const,
      urgency: 'EMERGENCY' as const,
      submittedAt: new Date(now - 5 * HOUR),
      firstResponseAt: new Date(now - 4 * HOUR),
      subject: '術後の急変で死亡、センター報告の要否を本日判断したい',
      decisionPending: '医療事故調査・支援センターへ報告すべきか、本日中に病院長が判断する必要があります。',
      summary:
        '（架空の事例）70代の入院患者。術後2日目の夜間に急変し、翌朝死亡。術前の説明では重篤な合併症の可能性を一般的に説明していたが、今回の経過は想定していなかった。',
      jqCategory: 'TREATMENT',
      impactLevel: '5',
      outcome: 'DEATH' as const,
      unanticipated: 'UNSURE',
      riskExplained: 'UNSURE',
      centreReport: 'CONSIDERING',
      jqReport: 'PLANNED',
      policeReport: 'CONSIDERING',
      familyInformed: 'PARTIAL',
      familyConcerns: 'ご家族は経過の説明を求めており、説明の場を設定中。',
      autopsy: 'PLANNED',
      evidencePreserved: 'YES',
      staffSupport: '当直看護師2名に管理者が面談済み。',
      mediaAttention: 'NONE',
      legalInvolvement: 'NONE',
      expertiseWanted: '制度の対象判断と、ご家族への説明の進め方について助言がほしい。',
      assigned: true,
      messages: [
        { author: consultant.id, internal: false, hoursAgo: 4, body: 'ご相談ありがとうございます。担当します。\n\nまず、病院長が「予期しなかった死亡」に当たるかを判断する際の記録を残してください。30分後にお電話します。' },
        { author: consultant.id, internal: true, hoursAgo: 3.5, body: '（内部メモ）類似の相談が過去にあり。支援団体の連絡先を準備しておく。' },
        { author: member.id, internal: false, hoursAgo: 3, body: 'ありがとうございます。院長との打ち合わせは15時からです。' },
      ],
    },
    {
      id: 'demo-consultation-urgent',
      status: 'SUBMITTED' as const,
      urgency: 'URGENT' as const,
      submittedAt: new Date(now - 2 * HOUR),
      firstResponseAt: null,
      subject: '転倒・骨折事例で地元紙から取材依頼、対応方針を決めたい',
      decisionPending: '地元紙からの取材依頼にどう対応するか、明日の午前中までに決めたい。',
      summary: '（架空の事例）転倒による骨折事例について、ご家族が SNS に投稿し、地元紙から問い合わせがあった。',
      jqCategory: 'CARE',
      impactLevel: '3b',
      outcome: 'ALIVE' as const,
      unanticipated: null,
      riskExplained: 'YES',
      centreReport: 'NOT_REQUIRED',
      jqReport: 'CONSIDERING',
      policeReport: 'NOT_REQUIRED',
      familyInformed: 'YES',
      familyConcerns: '転倒予防策が十分だったのかを問われている。',
      autopsy: 'NOT_APPLICABLE',
      evidencePreserved: 'PARTIAL',
      staffSupport: '',
      mediaAttention: 'ENQUIRY',
      legalInvolvement: 'NONE',
      expertiseWanted: '報道対応（窓口の一本化、コメントの出し方）。',
      assigned: false,
      messages: [],
    },
    {
      id: 'demo-consultation-closed',
      status: 'CLOSED' as const,
      urgency: 'ROUTINE' as const,
      submittedAt: new Date(now - 20 * 24 * HOUR),
      firstResponseAt: new Date(now - 19 * 24 * HOUR),
      subject: '院内調査委員会の外部委員の人選',
      decisionPending: '院内調査委員会に外部委員を招く際の人選の考え方を知りたい。',
      summary: '（架空の事例）薬剤の投与量間違いによる一過性の意識障害。院内調査を予定している。',
      jqCategory: 'MEDICATION',
      impactLevel: '3a',
      outcome: 'ALIVE' as const,
      unanticipated: null,
      riskExplained: 'NO',
      centreReport: 'NOT_REQUIRED',
      jqReport: 'DONE',
      policeReport: 'NOT_REQUIRED',
      familyInformed: 'YES',
      familyConcerns: '',
      autopsy: 'NOT_APPLICABLE',
      evidencePreserved: 'YES',
      staffSupport: '',
      mediaAttention: 'NONE',
      legalInvolvement: 'NONE',
      expertiseWanted: '院内調査の進め方。',
      assigned: true,
      messages: [
        { author: consultant.id, internal: false, hoursAgo: 19 * 24, body: '外部委員は、利害関係のない医療安全の専門家と、当該診療科の専門家の2名が目安です。' },
        { author: member.id, internal: false, hoursAgo: 18 * 24, body: '参考になりました。完了とします。' },
      ],
    },
  ]

  for (const { id, assigned, messages, ...request } of requests) {
    const extra = request.status === 'CLOSED' ? { answeredAt: new Date(now - 19 * 24 * HOUR), closedAt: new Date(now - 18 * 24 * HOUR) } : {}
    await prisma.consultation.upsert({ where: { id }, update: {}, create: { id, ...base, ...request, ...extra } })
    if (assigned) {
      await prisma.consultationAssignment.upsert({
        where: { consultationId_consultantId: { consultationId: id, consultantId: consultant.id } },
        update: {},
        create: { consultationId: id, consultantId: consultant.id, assignedById: consultant.id },
      })
    }
    for (const [index, message] of messages.entries()) {
      const messageId = `${id}-message-${index + 1}`
      await prisma.consultationMessage.upsert({
        where: { id: messageId },
        update: {},
        create: { id: messageId, consultationId: id, authorId: message.author, body: message.body, internal: message.internal, createdAt: new Date(now - message.hoursAgo * HOUR) },
      })
    }
  }
  // A draft the member has not sent yet: only they see it.
  await prisma.consultation.upsert({
    where: { id: 'demo-consultation-draft' },
    update: {},
    create: { id: 'demo-consultation-draft', ...base, status: 'DRAFT', urgency: 'ROUTINE', subject: '事例検討会で扱うべきか', decisionPending: '（書きかけ）事例検討会で扱うべきか相談したい。' },
  })
  await prisma.consultationOnCall.upsert({ where: { userId: consultant.id }, update: {}, create: { userId: consultant.id, setById: admin.id } })
  console.log('Demo data: 4 crisis consultations from member@qso.example (one draft), consultant@qso.example on call.')
}
