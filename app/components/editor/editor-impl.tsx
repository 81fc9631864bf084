import { EditorContent, useEditor, type Editor, type JSONContent } from '@tiptap/react'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { parseRichText, richTextLength, type RichTextDoc, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'
import { RichTextView } from '#app/modules/rich-text/rich-text-view.tsx'
import { useOptionalUser } from '#app/root.tsx'
import { draftKey, readDraft, removeDraft, writeDraft } from './autosave.ts'
import { DeidentifyPanel, useDeidentify } from './deidentify-panel.tsx'
import { DeidentifyHighlight } from './deidentify-plugin.ts'
import { editorExtensions } from './extensions.ts'
import { initialDocument } from './initial.ts'
import type { RichTextEditorProps } from './rich-text-editor.tsx'
import { EditorToolbar } from './toolbar.tsx'

const AUTOSAVE_DELAY_MS = 500

function canonical(value: unknown, profile: RichTextProfile): string | null {
  const parsed = parseRichText(value, profile)
  return parsed.ok ? JSON.stringify(parsed.doc) : null
}

/** The editor itself; loaded lazily by RichTextEditor (rich-text-editor.tsx), which documents the props. */
export function RichTextEditorImpl({
  name,
  label,
  profile,
  defaultValue = null,
  autosaveKey,
  deidentify = false,
  maxLength = 20_000,
  describedBy,
  errors,
  required,
  help,
  placeholder,
}: RichTextEditorProps) {
  const user = useOptionalUser()
  const storageKey = autosaveKey ? draftKey(user?.id, autosaveKey) : undefined
  const id = useId()
  const labelId = `${id}-label`
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const countId = `${id}-count`
  const keysId = `${id}-keys`

  const initial = useMemo(() => initialDocument(defaultValue, profile), [defaultValue, profile])
  const initialJson = useMemo(() => JSON.stringify(initial), [initial])
  const [length, setLength] = useState(() => richTextLength(initial))
  // Controlled: React resets an uncontrolled hidden input to its defaultValue on re-render.
  const [posted, setPosted] = useState(initialJson)
  const [restored, setRestored] = useState<{ savedAt: number } | null>(null)
  const toolbarRef = useRef<HTMLDivElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pendingSave = useRef<(() => void) | null>(null)

  // Refs so the editor's long-lived callbacks always see the current props.
  const latest = useRef({ storageKey, profile, initialJson })
  latest.current = { storageKey, profile, initialJson }

  const saveDraftNow = useCallback((editor: Editor) => {
    const { storageKey: key, profile: p, initialJson: base } = latest.current
    if (!key || editor.isDestroyed) return
    const current = canonical(editor.getJSON(), p)
    if (current === null) return
    if (current === base) removeDraft(key)
    else writeDraft(key, JSON.parse(current))
  }, [])

  const onUpdate = useCallback(
    ({ editor }: { editor: Editor }) => {
      const json = editor.getJSON()
      setPosted(JSON.stringify(json))
      setLength(richTextLength(json as RichTextDoc))
      if (latest.current.storageKey) {
        clearTimeout(autosaveTimer.current)
        pendingSave.current = () => saveDraftNow(editor)
        autosaveTimer.current = setTimeout(() => {
          pendingSave.current = null
          saveDraftNow(editor)
        }, AUTOSAVE_DELAY_MS)
      }
    },
    [saveDraftNow],
  )

  const extensions = useMemo(
    () => [...editorExtensions(profile, { placeholder }), ...(deidentify ? [DeidentifyHighlight] : [])],
    // The schema is fixed for the life of the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  const invalid = Boolean(errors?.filter(Boolean).length)
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': [help ? helpId : null, invalid ? errorId : null, countId, keysId, describedBy].filter(Boolean).join(' '),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        ...(required ? { 'aria-required': 'true' } : {}),
        class: 'rich-editor__content',
      },
      // Alt+F10 moves to the toolbar, as in other editors.
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if (event.altKey && event.key === 'F10') {
          toolbarRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus()
          return true
        }
        return false
      },
    }),
    [labelId, help, helpId, invalid, errorId, countId, keysId, describedBy, required],
  )

  const editor = useEditor({
    extensions,
    content: initial.content?.length ? (initial as JSONContent) : null,
    immediatelyRender: false,
    editorProps,
    onUpdate,
  })

  // Restore a draft that differs from what the page loaded with.
  useEffect(() => {
    if (!editor || !storageKey) return
    const draft = readDraft(storageKey)
    if (!draft) return
    const draftJson = canonical(draft.doc, profile)
    if (draftJson === null || draftJson === initialJson) {
      removeDraft(storageKey)
      return
    }
    editor.commands.setContent(JSON.parse(draftJson) as JSONContent, { emitUpdate: true })
    setRestored({ savedAt: draft.savedAt })
    // Only once per editor instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])

  // Write a pending draft at once when the page goes away (tab closed, navigation, crash-prone mobile) and when
  // the form is submitted — so that nothing is left pending to be written after the page has cleared the
  // drafts of a successful save (clearEditorAutosave), which would offer the saved text again.
  useEffect(() => {
    const flush = () => {
      clearTimeout(autosaveTimer.current)
      const save = pendingSave.current
      pendingSave.current = null
      save?.()
    }
    const form = rootRef.current?.closest('form')
    form?.addEventListener('submit', flush)
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', flush)
      form?.removeEventListener('submit', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      clearTimeout(autosaveTimer.current)
      flush()
    }
  }, [])

  const discardDraft = () => {
    if (!editor) return
    editor.commands.setContent(initial.content?.length ? (initial as JSONContent) : null, { emitUpdate: true })
    clearTimeout(autosaveTimer.current)
    pendingSave.current = null
    if (storageKey) removeDraft(storageKey)
    setRestored(null)
    editor.commands.focus()
  }

  const deid = useDeidentify(editor, deidentify)
  const over = length > maxLength

  return (
    <div ref={rootRef} className={`field rich-editor${invalid ? ' rich-editor--invalid' : ''}`}>
      <div
        id={labelId}
        className="rich-editor__label"
        // Clicking the label focuses the editor like a <label> would.
        onClick={() => editor?.commands.focus()}
      >
        {label}
        {required ? <span className="field__required">必須</span> : null}
      </div>
      {restored ? (
        <div className="notice notice--warning rich-editor__restored" role="status">
          <span>
            保存されていない下書きを復元しました（{formatDateTime(new Date(restored.savedAt))}）。
          </span>
          <button type="button" className="button button--small button--quiet" onClick={discardDraft}>
            破棄
          </button>
        </div>
      ) : null}
      <div className="rich-editor__frame">
        {editor ? (
          <>
            <div ref={toolbarRef}>
              <EditorToolbar editor={editor} profile={profile} label={label} onEscape={() => editor.commands.focus()} />
            </div>
            <EditorContent editor={editor} />
          </>
        ) : (
          // Before the editor has loaded (and without JavaScript) the saved content is shown read-only.
          <div className="rich-editor__content rich-editor__content--loading" aria-labelledby={labelId} aria-busy="true">
            <RichTextView doc={initial} profile={profile} />
          </div>
        )}
      </div>
      <span id={keysId} className="visually-hidden">
        Alt+F10で書式ツールバーに移動します。{profile === 'full' ? '表の中ではTabで次のセルへ、表の後ろへは下矢印で出られます。' : null}
      </span>
      <div className="rich-editor__footer">
        <span id={countId} className={`rich-editor__count${over ? ' rich-editor__count--over' : ''}`}>
          {formatNumber(length)} / {formatNumber(maxLength)} 文字
          {over ? `（${formatNumber(length - maxLength)}文字超過）` : null}
        </span>
      </div>
      {help ? (
        <p id={helpId} className="field__help">
          {help}
        </p>
      ) : null}
      <input type="hidden" name={name} value={posted} />
      {deidentify && editor ? <DeidentifyPanel label={label} status={deid.status} findings={deid.findings} onMask={deid.mask} /> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}
