/**
 * The duties that follow from a request's answers, for every outcome (../shared/domain.md "Crisis consultation"):
 *   - 医療事故調査制度 (医療法6条の10・6条の11) only for a death or stillbirth the hospital did not anticipate (or is
 *     not sure it did), in the statute's order;
 *   - police consideration (医師法21条) for any death or stillbirth, anticipated or not;
 *   - the JQ accident report (医療事故情報収集等事業) for 3b and above or any death, at obliged hospitals;
 *   - evidence preservation and support for the staff involved whenever the harm is 3b or above.
 * Pure: the form and the thread recompute it live as the member answers.
 */
import type { OutcomeCode } from './labels.ts'

export type DutyAnswers = {
  outcome?: OutcomeCode | string | null
  impactLevel?: string | null
  unanticipated?: string | null
  centreReport?: string | null
  policeReport?: string | null
  jqReport?: string | null
  familyInformed?: string | null
  autopsy?: string | null
  evidencePreserved?: string | null
  staffSupport?: string | null
}

/** Whether the hospital is a 報告義務対象医療機関; null while nobody has said. */
export type JqObligation = boolean | null

/** A member's はい / いいえ / わからない to "is your hospital obliged?", as the flag the duties need. */
export function obligationFromAnswer(answer: string | null | undefined): JqObligation {
  return answer === 'YES' ? true : answer === 'NO' ? false : null
}

export type DutyGroup = 'accident-investigation' | 'police' | 'jq' | 'harm'

export type Duty = {
  id: string
  group: DutyGroup
  title: string
  deadline: string
  basis: string
  done: boolean
  /** Shown as "if …": a duty that applies only when a fact nobody has confirmed yet turns out true. */
  condition?: string
}

export const DUTY_GROUP_TITLES: Record<DutyGroup, string> = {
  'accident-investigation': '医療事故調査制度（予期しなかった死亡・死産）',
  police: '警察への届出の検討（死亡・死産）',
  jq: '医療事故情報収集等事業への報告',
  harm: '証拠の保全と職員への支援（影響度3b以上）',
}

const DIED: readonly string[] = ['DEATH', 'STILLBIRTH']
// 影響度分類 (国立大学附属病院医療安全管理協議会): 3b 一過性・高度 and above count as serious harm.
const SERIOUS_LEVELS: readonly string[] = ['3b', '4a', '4b', '5']

export function died(answers: Pick<DutyAnswers, 'outcome'>): boolean {
  return DIED.includes(answers.outcome ?? '')
}

/** 3b and above, or a death / stillbirth whatever level was chosen. */
export function seriousHarm(answers: Pick<DutyAnswers, 'outcome' | 'impactLevel'>): boolean {
  return died(answers) || SERIOUS_LEVELS.includes(answers.impactLevel ?? '')
}

export function suggestsAccidentInvestigation(answers: Pick<DutyAnswers, 'outcome' | 'unanticipated'>): boolean {
  return died(answers) && (answers.unanticipated === 'YES' || answers.unanticipated === 'UNSURE')
}

const settled = (status: string | null | undefined) => status === 'DONE' || status === 'NOT_REQUIRED'

/**
 * 医療法6条の10・6条の11, in the order the statute sets. The two あらかじめ steps come before the reports they
 * precede: 6条の10第2項 (explain to the family before reporting the accident to the centre) and 6条の11第5項
 * (explain the investigation's results to the family before reporting them to the centre).
 */
function accidentInvestigationDuties(answers: DutyAnswers): Duty[] {
  const group = 'accident-investigation' as const
  return [
    {
      id: 'director-judgement',
      group,
      title: '管理者（病院長）が「医療に起因し（または起因が疑われ）、予期しなかった死亡・死産」に当たるかを判断し、判断の経過を記録する',
      deadline: '速やかに',
      basis: '医療法6条の10第1項',
      done: settled(answers.centreReport),
    },
    {
      id: 'family-before-report',
      group,
      title: '遺族へ、センターへ報告することと院内調査の方法（解剖・Ai を含む）をあらかじめ説明する',
      deadline: 'センターへの報告の前に',
      basis: '医療法6条の10第2項',
      done: answers.familyInformed === 'YES',
    },
    {
      id: 'centre-report',
      group,
      title: '医療事故調査・支援センター（日本医療安全調査機構）へ医療事故の発生を報告する',
      deadline: '遅滞なく',
      basis: '医療法6条の10第1項',
      done: answers.centreReport === 'DONE',
    },
    {
      id: 'autopsy',
      group,
      title: '遺族に解剖・死亡時画像診断（Ai）を提案し、同意を得て実施する',
      deadline: 'ご遺体の引き渡し前に',
      basis: '医療法施行規則1条の10の4第1項',
      done: answers.autopsy === 'DONE' || answers.autopsy === 'DECLINED',
    },
    {
      id: 'investigation',
      group,
      title: '医療事故調査等支援団体の支援を求めて院内調査（医療事故調査）を行う',
      deadline: '報告後速やかに開始',
      basis: '医療法6条の11第1項・第2項',
      done: false,
    },
    {
      id: 'results-to-family',
      group,
      title: '調査結果を遺族へあらかじめ説明する',
      deadline: 'センターへの結果報告の前に',
      basis: '医療法6条の11第5項',
      done: false,
    },
    {
      id: 'results-to-centre',
      group,
      title: '調査結果を医療事故調査・支援センターへ報告する',
      deadline: '調査終了後遅滞なく（遺族への説明の後に）',
      basis: '医療法6条の11第4項',
      done: false,
    },
  ]
}

/**
 * 医師法21条: a physician who finds a body (or a stillborn of four months or more) abnormal at 検案 reports to the
 * police within 24 hours. Whether the death was anticipated does not matter, so this is asked for every death.
 */
function policeDuty(answers: DutyAnswers): Duty {
  return {
    id: 'police',
    group: 'police',
    title: '検案した医師が異状を認めたかを確認し、異状がある場合は所轄警察署へ届け出る',
    deadline: '異状を認めてから24時間以内',
    basis: '医師法21条',
    done: settled(answers.policeReport),
  }
}

/**
 * 医療事故情報収集等事業 (日本医療機能評価機構). Obliged hospitals (報告義務対象医療機関: 医療法施行規則9条の20の2・
 * 11条) report 事故等事案 — deaths and harm needing treatment, survivors included — to the registered analysis body.
 * Deadline wording: 医療法施行規則 第9条の20の2第1項第14号 has the 事故等報告書 written 「当該事案が発生した日から
 * 二週間以内」 (quoted in MHLW「医療事故調査制度等の医療安全に係る検討会」第1回 資料2, 2024-06-27); 第11条 applies it to
 * the obliged hospitals that are not 特定機能病院, and 第12条 has the report reach the registered analysis body (JQ)
 * 「原則として二週間以内」. JQ's own guidance counts from the occurrence or, when it is learnt of later, from then.
 * The primary text of 第12条 and JQ's 報告の手引き were not in the reference store (checked 2026-12-02).
 */
export const JQ_DEADLINE = '事故等事案が発生した日から原則として二週間以内'

function jqDuty(answers: DutyAnswers, obligation: JqObligation): Duty {
  return {
    id: 'jq',
    group: 'jq',
    title: '医療事故情報収集等事業（日本医療機能評価機構）へ事故等報告をする',
    deadline: JQ_DEADLINE,
    basis: '医療法施行規則9条の20の2・11条・12条',
    done: settled(answers.jqReport),
    ...(obligation === null ? { condition: '報告義務対象医療機関の場合' } : {}),
  }
}

function harmDuties(answers: DutyAnswers): Duty[] {
  return [
    {
      id: 'evidence',
      group: 'harm',
      title: '診療録・画像・機器・薬剤・ログなどを保全する（改変しない）',
      deadline: '直ちに',
      basis: '事故調査の前提（医療安全管理の推奨）',
      done: answers.evidencePreserved === 'YES',
    },
    {
      id: 'staff',
      group: 'harm',
      title: '関与した職員（セカンドビクティム）を支援する',
      deadline: '直ちに・継続して',
      basis: '職員支援の推奨（逃げない、隠さない、ごまかさない）',
      done: !!answers.staffSupport?.trim(),
    },
  ]
}

/**
 * Every duty the answers call for, grouped in the order an officer meets them. `obligation` is the hospital's
 * 報告義務対象医療機関 flag: false drops the JQ report, null keeps it with its condition spelled out.
 */
export function dutiesFor(answers: DutyAnswers, obligation: JqObligation): Duty[] {
  const duties: Duty[] = []
  if (suggestsAccidentInvestigation(answers)) duties.push(...accidentInvestigationDuties(answers))
  if (died(answers)) duties.push(policeDuty(answers))
  if (seriousHarm(answers) && obligation !== false) duties.push(jqDuty(answers, obligation))
  if (seriousHarm(answers)) duties.push(...harmDuties(answers))
  return duties
}
