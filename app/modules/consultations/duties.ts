/**
 * 医療事故調査制度 (医療法6条の10・6条の11) and the duties that run beside it, as a checklist for the form and
 * the thread. Shown when the answers suggest a case under the system: death or stillbirth the hospital did not
 * anticipate (or is not sure it did). Pure: the form recomputes it live as the member answers.
 */
import type { OutcomeCode } from './labels.ts'

export type DutyAnswers = {
  outcome?: OutcomeCode | string | null
  unanticipated?: string | null
  centreReport?: string | null
  policeReport?: string | null
  jqReport?: string | null
  familyInformed?: string | null
  autopsy?: string | null
  evidencePreserved?: string | null
  staffSupport?: string | null
}

export type Duty = { id: string; title: string; deadline: string; basis: string; done: boolean }

export function suggestsAccidentInvestigation(answers: Pick<DutyAnswers, 'outcome' | 'unanticipated'>): boolean {
  const died = answers.outcome === 'DEATH' || answers.outcome === 'STILLBIRTH'
  return died && (answers.unanticipated === 'YES' || answers.unanticipated === 'UNSURE')
}

/** The checklist, or an empty list when the system does not seem to apply. `done` reflects the answers given. */
export function accidentInvestigationDuties(answers: DutyAnswers): Duty[] {
  if (!suggestsAccidentInvestigation(answers)) return []
  return [
    {
      id: 'director-judgement',
      title: '管理者（病院長）が「医療に起因し、予期しなかった死亡・死産」に当たるかを判断し、判断の経過を記録する',
      deadline: '速やかに',
      basis: '医療法6条の10',
      done: answers.centreReport === 'DONE' || answers.centreReport === 'NOT_REQUIRED',
    },
    {
      id: 'family-before-report',
      title: '遺族へ、センターへの報告と院内調査の方法（解剖・Ai を含む）を説明する',
      deadline: 'センターへの報告の前に',
      basis: '医療法6条の10第2項',
      done: answers.familyInformed === 'YES',
    },
    {
      id: 'centre-report',
      title: '医療事故調査・支援センター（日本医療安全調査機構）へ報告する',
      deadline: '遅滞なく',
      basis: '医療法6条の10第1項',
      done: answers.centreReport === 'DONE',
    },
    {
      id: 'police',
      title: '異状死に当たるかを検討し、当たる場合は所轄警察署へ届け出る',
      deadline: '異状を認めてから24時間以内',
      basis: '医師法21条',
      done: answers.policeReport === 'DONE' || answers.policeReport === 'NOT_REQUIRED',
    },
    {
      id: 'evidence',
      title: '診療録・画像・機器・薬剤・ログなどを保全する（改変しない）',
      deadline: '直ちに',
      basis: '院内調査の前提',
      done: answers.evidencePreserved === 'YES',
    },
    {
      id: 'autopsy',
      title: '遺族に解剖・死亡時画像診断（Ai）を提案し、同意を得て実施する',
      deadline: 'ご遺体の引き渡し前に',
      basis: '医療事故調査の方法（厚生労働省令）',
      done: answers.autopsy === 'DONE' || answers.autopsy === 'DECLINED',
    },
    {
      id: 'investigation',
      title: '医療事故調査等支援団体の支援を受けて院内調査を行う',
      deadline: '報告後速やかに開始',
      basis: '医療法6条の11第1項・第2項',
      done: false,
    },
    {
      id: 'results',
      title: '調査結果をセンターへ報告し、遺族へ説明する',
      deadline: '調査終了後遅滞なく',
      basis: '医療法6条の11第4項・第5項',
      done: false,
    },
    {
      id: 'jq',
      title: '医療事故情報収集等事業（日本医療機能評価機構）へ報告する（報告義務対象医療機関）',
      deadline: '事故の発生を知ってから原則2週間以内',
      basis: '医療法施行規則（事故等報告）',
      done: answers.jqReport === 'DONE' || answers.jqReport === 'NOT_REQUIRED',
    },
    {
      id: 'staff',
      title: '関与した職員（セカンドビクティム）を支援する',
      deadline: '直ちに・継続して',
      basis: '逃げない、隠さない、ごまかさない',
      done: !!answers.staffSupport?.trim(),
    },
  ]
}
