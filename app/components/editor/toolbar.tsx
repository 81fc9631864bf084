import { useEditorState, type Editor } from '@tiptap/react'
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { safeHref, type RichTextProfile } from '#app/modules/rich-text/rich-text.ts'

type Item = {
  key: string
  /** Short visible text (the buttons are small). */
  text: string
  /** What a screen reader says, with the shortcut. */
  label: string
  pressed?: boolean
  disabled?: boolean
  run: () => void
  separatorBefore?: boolean
}

/** "example.org" → "https://example.org", "a@b.jp" → "mailto:a@b.jp"; anything not http(s)/mailto → null. */
export function normaliseLinkInput(input: string): string | null {
  const value = input.trim()
  if (!value) return null
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return safeHref(value)
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return safeHref(`mailto:${value}`)
  if (/^[^\s/]+\.[^\s/]+/.test(value)) return safeHref(`https://${value}`)
  return null
}

/**
 * The editor's toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern), buttons
 * announce their state with aria-pressed. Buttons keep the editor's selection (mousedown is not allowed to
 * take focus away).
 */
export function EditorToolbar({ editor, profile, label, onEscape }: { editor: Editor; profile: RichTextProfile; label: string; onEscape?: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: profile === 'full' && e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  })
  const [linkOpen, setLinkOpen] = useState(false)
  const [linkValue, setLinkValue] = useState('')
  const [linkError, setLinkError] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const linkInputId = useId()
  const linkErrorId = useId()

  const chain = () => editor.chain().focus()
  const full = profile === 'full'
  const items: Item[] = [
    ...(full
      ? [
          { key: 'h2', text: '見出し', label: '見出し（大）', pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
          { key: 'h3', text: '小見出し', label: '小見出し', pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
        ]
      : []),
    { key: 'bold', text: 'B', label: '太字 (Ctrl+B)', pressed: state.bold, run: () => chain().toggleBold().run(), separatorBefore: full },
    { key: 'italic', text: 'I', label: '斜体 (Ctrl+I)', pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: 'ul', text: '箇条書き', label: '箇条書き', pressed: state.bulletList, run: () => chain().toggleBulletList().run(), separatorBefore: true },
    { key: 'ol', text: '番号付き', label: '番号付きリスト', pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    {
      key: 'link',
      text: 'リンク',
      label: state.link ? 'リンクを編集' : 'リンクを挿入',
      pressed: state.link || linkOpen,
      separatorBefore: true,
      run: () => {
        if (linkOpen) {
          setLinkOpen(false)
          return
        }
        setLinkValue((editor.getAttributes('link').href as string | undefined) ?? '')
        setLinkError(null)
        setLinkOpen(true)
        requestAnimationFrame(() => document.getElementById(linkInputId)?.focus())
      },
    },
    ...(full
      ? [
          {
            key: 'table',
            text: '表',
            label: '表を挿入（3行×3列）',
            disabled: state.inTable,
            run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          },
          ...(state.inTable
            ? [
                { key: 'row', text: '行を追加', label: '行を追加（下へ）', run: () => chain().addRowAfter().run() },
                { key: 'col', text: '列を追加', label: '列を追加（右へ）', run: () => chain().addColumnAfter().run() },
                { key: 'delrow', text: '行を削除', label: '行を削除', run: () => chain().deleteRow().run() },
                { key: 'deltable', text: '表を削除', label: '表を削除', run: () => chain().deleteTable().run() },
              ]
            : []),
        ]
      : []),
    { key: 'undo', text: '↶', label: '元に戻す (Ctrl+Z)', disabled: !state.canUndo, run: () => chain().undo().run(), separatorBefore: true },
    { key: 'redo', text: '↷', label: 'やり直す (Ctrl+Shift+Z)', disabled: !state.canRedo, run: () => chain().redo().run() },
  ]
  const current = Math.min(active, items.length - 1)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: items.length - 1 }
    if (event.key === 'Escape') {
      onEscape?.()
      return
    }
    if (!(event.key in moves)) return
    event.preventDefault()
    const next = (moves[event.key]! + items.length) % items.length
    setActive(next)
    buttons.current[next]?.focus()
  }

  function applyLink() {
    const href = normaliseLinkInput(linkValue)
    if (!href) {
      setLinkError('http://、https://、mailto: で始まるアドレスを入力してください。')
      return
    }
    const { empty } = editor.state.selection
    if (empty && !editor.isActive('link')) {
      chain()
        .insertContent({ type: 'text', text: href.replace(/^mailto:/i, ''), marks: [{ type: 'link', attrs: { href } }] })
        .run()
    } else {
      chain().extendMarkRange('link').setLink({ href }).run()
    }
    setLinkOpen(false)
  }

  return (
    <div className="rich-editor__bar">
      <div role="toolbar" aria-label={`${label}の書式`} className="rich-editor__toolbar" onKeyDown={onKeyDown}>
        {items.map((item, index) => (
          <span key={item.key} className="rich-editor__tool">
            {item.separatorBefore ? <span className="rich-editor__sep" aria-hidden="true" /> : null}
            <button
              ref={(element) => {
                buttons.current[index] = element
              }}
              type="button"
              className={`rich-editor__button rich-editor__button--${item.key}`}
              tabIndex={index === current ? 0 : -1}
              aria-label={item.label}
              title={item.label}
              aria-pressed={item.pressed === undefined ? undefined : item.pressed}
              aria-disabled={item.disabled || undefined}
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setActive(index)}
              onClick={() => {
                setActive(index)
                if (!item.disabled) item.run()
              }}
            >
              {item.text}
            </button>
          </span>
        ))}
      </div>
      {linkOpen ? (
        <div className="rich-editor__link-form">
          <label htmlFor={linkInputId}>リンク先</label>
          <input
            id={linkInputId}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={linkValue}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? linkErrorId : undefined}
            onChange={(event) => setLinkValue(event.target.value)}
            onKeyDown={(event) => {
              // Enter must not submit the surrounding form.
              if (event.key === 'Enter') {
                event.preventDefault()
                applyLink()
              } else if (event.key === 'Escape') {
                event.preventDefault()
                setLinkOpen(false)
                editor.commands.focus()
              }
            }}
          />
          <button type="button" className="button button--small" onClick={applyLink}>
            適用
          </button>
          {state.link ? (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                chain().extendMarkRange('link').unsetLink().run()
                setLinkOpen(false)
              }}
            >
              リンクを解除
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setLinkOpen(false)
              editor.commands.focus()
            }}
          >
            キャンセル
          </button>
          {linkError ? (
            <p id={linkErrorId} className="rich-editor__link-error" role="alert">
              {linkError}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
