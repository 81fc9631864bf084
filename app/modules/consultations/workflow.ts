/**
 * The request's life: 受付 → 対応中 (a consultant assigned) → 回答済 → 完了, with reopen. Pure, so the desk,
 * the thread and the tests ask the same question.
 */
import type { ConsultationStatusCode } from './labels.ts'

export type Transition = 'submit' | 'accept' | 'answer' | 'close' | 'reopen'

type Rule = { from: readonly ConsultationStatusCode[]; to: ConsultationStatusCode; by: 'requester' | 'desk' | 'either' }

export const TRANSITIONS: Record<Transition, Rule> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', by: 'requester' },
  // Accepting means someone takes it on: the server assigns the actor when nobody is assigned yet.
  accept: { from: ['SUBMITTED'], to: 'IN_PROGRESS', by: 'desk' },
  answer: { from: ['IN_PROGRESS'], to: 'ANSWERED', by: 'desk' },
  // The requester closes when satisfied; the desk may close too (e.g. the requester stopped answering).
  close: { from: ['SUBMITTED', 'IN_PROGRESS', 'ANSWERED'], to: 'CLOSED', by: 'either' },
  // A follow-up question after the answer, or a closed case that comes back (a family's new concern). Back to
  // 受付 instead when nobody is assigned.
  reopen: { from: ['ANSWERED', 'CLOSED'], to: 'IN_PROGRESS', by: 'either' },
}

export const TRANSITION_LABELS: Record<Transition, string> = {
  submit: '相談を送信',
  accept: '対応を開始',
  answer: '回答済みにする',
  close: '完了にする',
  reopen: '再開する',
}

export type Actor = { isRequester: boolean; isDesk: boolean }

export type TransitionCheck =
  | { ok: true; to: ConsultationStatusCode }
  | { ok: false; reason: 'not-allowed' | 'invalid-state' | 'needs-assignee'; message: string }

const STATE_NAMES: Record<ConsultationStatusCode, string> = {
  DRAFT: '下書き',
  SUBMITTED: '受付',
  IN_PROGRESS: '対応中',
  ANSWERED: '回答済',
  CLOSED: '完了',
}

/**
 * Whether `actor` may move a request in `from` by `transition`. `assigneeCount` is the number of consultants
 * assigned after the transition would happen (対応中 needs at least one).
 */
export function checkTransition(from: ConsultationStatusCode, transition: Transition, actor: Actor, assigneeCount: number): TransitionCheck {
  const rule = TRANSITIONS[transition]
  const allowed = rule.by === 'either' ? actor.isRequester || actor.isDesk : rule.by === 'requester' ? actor.isRequester : actor.isDesk
  if (!allowed) return { ok: false, reason: 'not-allowed', message: 'この操作を行う権限がありません。' }
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      reason: 'invalid-state',
      message: `「${STATE_NAMES[from]}」の相談には「${TRANSITION_LABELS[transition]}」を行えません。ページを再読み込みして最新の状態をご確認ください。`,
    }
  }
  // Reopened without anyone assigned (closed straight from 受付), the request goes back to the queue.
  if (transition === 'reopen') return { ok: true, to: assigneeCount > 0 ? 'IN_PROGRESS' : 'SUBMITTED' }
  if (rule.to === 'IN_PROGRESS' && assigneeCount < 1) {
    return { ok: false, reason: 'needs-assignee', message: '対応中にするには、担当コンサルタントを1名以上割り当ててください。' }
  }
  return { ok: true, to: rule.to }
}

/** The transitions to offer as buttons (the server checks again). */
export function availableTransitions(from: ConsultationStatusCode, actor: Actor, assigneeCount: number): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((transition) => {
    if (transition === 'submit') return false // the form submits, not a button in the thread
    // accept assigns the actor when nobody is, so it is offered with no assignee as well.
    const count = transition === 'accept' ? Math.max(assigneeCount, 1) : assigneeCount
    return checkTransition(from, transition, actor, count).ok
  })
}

/** Open requests are those the desk still has to work on. */
export const OPEN_STATUSES: readonly ConsultationStatusCode[] = ['SUBMITTED', 'IN_PROGRESS', 'ANSWERED']
