import { STATUS_LABELS, URGENCY_LABELS, type ConsultationStatusCode, type UrgencyCode } from '#app/modules/consultations/labels.ts'

const urgencyTone: Record<UrgencyCode, string> = { EMERGENCY: 'badge--danger', URGENT: 'badge--warning', ROUTINE: '' }
const statusTone: Record<ConsultationStatusCode, string> = {
  DRAFT: '',
  SUBMITTED: 'badge--primary',
  IN_PROGRESS: 'badge--primary',
  ANSWERED: 'badge--success',
  CLOSED: '',
}

export function UrgencyBadge({ urgency }: { urgency: UrgencyCode | null }) {
  if (!urgency) return <span className="muted">未選択</span>
  return <span className={`badge ${urgencyTone[urgency]}`}>{URGENCY_LABELS[urgency]}</span>
}

export function StatusBadge({ status }: { status: ConsultationStatusCode }) {
  return <span className={`badge ${statusTone[status]}`}>{STATUS_LABELS[status]}</span>
}
