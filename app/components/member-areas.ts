/** The areas of the members' site: one list for the navigation and the area cards on /home. */
export type MemberArea = { to: string; label: string; title: string; summary: string; onHome: boolean }

export const MEMBER_AREAS: MemberArea[] = [
  { to: '/home', label: 'ホーム', title: 'ホーム', summary: '', onHome: false },
  { to: '/cases', label: '事例', title: '事例', summary: 'インシデント事例を共有し、事例検討で学び合う', onHome: true },
  { to: '/practices', label: 'ベストプラクティス', title: 'ベストプラクティス', summary: 'うまくいった取り組みと、導入した病院の結果', onHome: true },
  { to: '/benchmarks', label: 'ベンチマーク', title: 'リスク量・ベンチマーキング', summary: '報告件数・転倒率などを同規模病院と比較', onHome: true },
  { to: '/consultations', label: '危機管理相談', title: '危機管理相談', summary: '重大事象の発生時に専門家へ相談（機密）', onHome: true },
  { to: '/events', label: '行事・研修', title: '行事・研修', summary: 'フォロー研修会・再聴講研修・事例検討会の日程と参加申込', onHome: true },
  { to: '/search', label: '検索', title: '検索', summary: '事例・ベストプラクティス・コメントの横断検索', onHome: false },
  { to: '/members', label: '会員', title: '会員名簿', summary: '修了生の名簿とプロフィール', onHome: false },
]
