import type { Editor } from '@tiptap/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { FINDING_TYPE_LABELS } from '#app/modules/deidentify/detect.ts'
import { requestFindings } from '../deidentify-client.ts'
import { clearFindings, maskTransaction, placeFindings, plainTextOf, type PlacedFinding } from './deidentify-plugin.ts'

const CHECK_DELAY_MS = 600

type CheckState = { status: 'idle' | 'empty' | 'checking' | 'done' | 'error'; findings: PlacedFinding[] }

/**
 * Live de-identification: after each pause in typing the document's plain text goes to POST /api/deidentify;
 * findings are highlighted in the editor and listed with one-click masking. A failed check is reported
 * quietly and never blocks writing (the server checks again on publish).
 */
export function useDeidentify(editor: Editor | null, enabled: boolean) {
  const [state, setState] = useState<CheckState>({ status: 'idle', findings: [] })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inflight = useRef<AbortController | null>(null)

  const check = useCallback(async () => {
    if (!editor || editor.isDestroyed) return
    const text = plainTextOf(editor.state.doc)
    inflight.current?.abort()
    if (!text.trim()) {
      inflight.current = null
      editor.view.dispatch(clearFindings(editor.state))
      setState({ status: 'empty', findings: [] })
      return
    }
    const controller = new AbortController()
    inflight.current = controller
    // While a re-check runs, the last answer stays on screen: the live region speaks only when the answer changes.
    setState((previous) => (previous.status === 'done' || previous.status === 'error' ? previous : { ...previous, status: 'checking' }))
    try {
      const findings = await requestFindings(text, controller.signal)
      if (controller.signal.aborted || editor.isDestroyed) return
      const placed = placeFindings(editor.state, text, findings)
      // null: the text changed while we waited; the check scheduled by that change will answer.
      if (!placed) return
      editor.view.dispatch(placed.tr)
      setState({ status: 'done', findings: placed.placed })
    } catch {
      if (controller.signal.aborted) return
      setState((previous) => ({ ...previous, status: 'error' }))
    }
  }, [editor])

  useEffect(() => {
    if (!editor || !enabled) return
    const onUpdate = () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void check(), CHECK_DELAY_MS)
    }
    editor.on('update', onUpdate)
    void check()
    return () => {
      editor.off('update', onUpdate)
      clearTimeout(timer.current)
      inflight.current?.abort()
    }
  }, [editor, enabled, check])

  const mask = useCallback(
    (findings: PlacedFinding[]) => {
      if (!editor || editor.isDestroyed || !findings.length) return
      const tr = maskTransaction(editor.state, findings)
      if (tr) editor.view.dispatch(tr)
      const done = new Set(findings.map((finding) => finding.id))
      setState((previous) => ({ ...previous, findings: previous.findings.filter((finding) => !done.has(finding.id)) }))
      editor.commands.focus()
    },
    [editor],
  )

  return { ...state, mask }
}

export function DeidentifyPanel({
  label,
  status,
  findings,
  onMask,
}: {
  label: string
  status: CheckState['status']
  findings: PlacedFinding[]
  onMask: (findings: PlacedFinding[]) => void
}) {
  const blocking = findings.filter((finding) => finding.severity === 'block').length
  const warnings = findings.length - blocking
  let summary: string
  // Nothing written yet: the live region stays (so later changes are announced) but says nothing.
  if (status === 'empty') summary = ''
  else if (status === 'error') summary = '個人情報のチェックを確認できませんでした。保存時にもう一度確認します。'
  else if (status === 'idle' || (status === 'checking' && findings.length === 0)) summary = '個人情報をチェックしています…'
  else if (findings.length === 0) summary = '個人を特定できる情報は見つかりませんでした。'
  else summary = `要修正 ${blocking}件、確認 ${warnings}件の個人情報の候補があります。`

  return (
    <section className={`deid-panel${status === 'empty' ? ' deid-panel--empty' : ''}`} aria-label={`${label}の個人情報チェック`}>
      <p className={`deid-panel__status${status === 'error' ? ' deid-panel__status--error' : ''}`} aria-live="polite">
        {summary}
      </p>
      {findings.length ? (
        <>
          <ul className="deid-panel__list">
            {findings.map((finding) => (
              <li key={finding.id} className="deid-panel__item">
                <span className={`badge ${finding.severity === 'block' ? 'badge--danger' : 'deid-panel__badge--warn'}`}>
                  {finding.severity === 'block' ? '要修正' : '確認'}
                </span>
                <span className="deid-panel__type">{FINDING_TYPE_LABELS[finding.type as keyof typeof FINDING_TYPE_LABELS] ?? finding.type}</span>
                <span className="deid-panel__text">「{finding.text}」</span>
                <span className="deid-panel__replacement">→ {finding.replacement}</span>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`「${finding.text}」を「${finding.replacement}」に伏せる`}
                  onClick={() => onMask([finding])}
                >
                  伏せる
                </button>
              </li>
            ))}
          </ul>
          {findings.length > 1 ? (
            <button type="button" className="button button--small" onClick={() => onMask(findings)}>
              すべて伏せる
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
