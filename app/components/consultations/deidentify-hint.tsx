import { useEffect, useRef, useState } from 'react'
import { FINDING_TYPE_LABELS, maskFindings } from '#app/modules/deidentify/detect.ts'
import { requestFindings } from '../deidentify-client.ts'
import type { DeidFinding } from '../editor/deidentify-plugin.ts'

const CHECK_DELAY_MS = 700

type State = { status: 'idle' | 'done' | 'error'; findings: DeidFinding[]; checkedText: string }

/**
 * The de-identification check for one plain-text field (a consultation request, a case title or summary, a
 * countermeasure row, …): after a pause in typing the text goes to
 * POST /api/deidentify; findings are listed with a 「伏せる」 button that replaces them in the textarea. The
 * server checks again on submit and refuses `block` findings, so a failed check here only says so quietly.
 * `advisory`: for thread messages, which the server does not block (a crisis exchange with the expert team
 * must not be stopped by a phone number the consultant needs), so the hint asks for a check instead.
 */
export function DeidentifyHint({ fieldId, label, text, advisory = false }: { fieldId: string; label: string; text: string; advisory?: boolean }) {
  const [state, setState] = useState<State>({ status: 'idle', findings: [], checkedText: '' })
  const abort = useRef<AbortController | null>(null)

  useEffect(() => {
    if (!text.trim()) {
      setState({ status: 'idle', findings: [], checkedText: text })
      return
    }
    const timer = setTimeout(async () => {
      abort.current?.abort()
      const controller = new AbortController()
      abort.current = controller
      try {
        setState({ status: 'done', findings: await requestFindings(text, controller.signal), checkedText: text })
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: 'error', findings: [], checkedText: text })
        else if (!(error instanceof DOMException)) throw error
      }
    }, CHECK_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text])

  useEffect(() => () => abort.current?.abort(), [])

  /** Replaces the findings in the textarea or input, then tells the form the value changed. */
  function mask(findings: DeidFinding[]) {
    const element = document.getElementById(fieldId)
    if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) || element.value !== state.checkedText) return
    const value = maskFindings(element.value, findings)
    // React and Conform track the field through input events, so set the value the way typing would.
    const prototype = element instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
    const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set
    setter?.call(element, value)
    element.dispatchEvent(new Event('input', { bubbles: true }))
    element.dispatchEvent(new Event('change', { bubbles: true }))
  }

  const current = state.checkedText === text ? state.findings : []
  const blocking = current.filter((finding) => finding.severity === 'block')
  return (
    <div className="deid-hint" aria-live="polite">
      {state.status === 'error' ? <p className="small muted">個人情報のチェックを実行できませんでした（送信時にもう一度確認します）。</p> : null}
      {current.length ? (
        <div className={`notice ${blocking.length ? 'notice--danger' : 'notice--warning'} small`}>
          <p style={{ margin: 0 }}>
            「{label}」に個人を特定できる可能性のある記載があります
            {blocking.length && !advisory ? `（要修正 ${blocking.length}件。このままでは送信できません）` : '（確認してください）'}。
          </p>
          <ul className="deid-hint__list">
            {current.map((finding) => (
              <li key={`${finding.start}-${finding.end}`}>
                <span className={`badge ${finding.severity === 'block' ? 'badge--danger' : 'badge--warning'}`}>
                  {finding.severity === 'block' ? '要修正' : '確認'}
                </span>{' '}
                {FINDING_TYPE_LABELS[finding.type as keyof typeof FINDING_TYPE_LABELS] ?? finding.type}: 「{finding.text}」{' '}
                <button type="button" className="button button--small" onClick={() => mask([finding])}>
                  伏せる（{finding.replacement}）
                </button>
              </li>
            ))}
          </ul>
          {current.length > 1 ? (
            <button type="button" className="button button--small" onClick={() => mask(current)}>
              すべて伏せる
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
