import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { useHydrated } from '#app/components/use-hydrated.ts'

export type PickedCase = { id: string; number: number; title: string }
type Suggestion = PickedCase & { draft: boolean; occurred: string }

const MAX_RELATED = 10

/**
 * Related cases of a practice (issue 17): a combobox that finds cases by title or number (the member's own
 * drafts and published cases only, as /api/cases/picker answers) and keeps the chosen ones as a list. The form
 * posts their ids in one field, `name`, as before. Without JavaScript the same field is a text box for case
 * numbers (12, 15) or addresses, which the server resolves the same way.
 *
 * Keyboard (WAI-ARIA combobox with a list box): ↓/↑ move through the suggestions, Enter picks, Esc closes.
 */
export function RelatedCasePicker({
  name,
  initial,
  typed,
  errors,
}: {
  name: string
  initial: PickedCase[]
  /** The text box's value without JavaScript: what was posted last (kept after an error), else the saved numbers. */
  typed?: string
  errors?: string[]
}) {
  const hydrated = useHydrated()
  const id = useId()
  const inputId = `${id}-input`
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  if (!hydrated) {
    return (
      <div className="field">
        <label htmlFor={inputId}>関連事例</label>
        <input
          id={inputId}
          name={name}
          type="text"
          defaultValue={typed ?? initial.map((item) => item.number).join(', ')}
          aria-describedby={errors?.length ? `${helpId} ${errorId}` : helpId}
          aria-invalid={errors?.length ? true : undefined}
        />
        <p id={helpId} className="field__help">
          事例番号（事例のページに「No.12」のように表示されます）を、カンマで区切って{MAX_RELATED}件まで。例: 12, 15
        </p>
        <ErrorList id={errorId} errors={errors} />
      </div>
    )
  }
  return <Combobox name={name} initial={initial} errors={errors} ids={{ inputId, helpId, errorId, listId: `${id}-list` }} />
}

function Combobox({
  name,
  initial,
  errors,
  ids,
}: {
  name: string
  initial: PickedCase[]
  errors?: string[]
  ids: { inputId: string; helpId: string; errorId: string; listId: string }
}) {
  const [picked, setPicked] = useState<PickedCase[]>(initial)
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const full = picked.length >= MAX_RELATED

  // Ask the server as the member types (after a short pause; a newer query cancels the older one).
  useEffect(() => {
    const text = query.trim()
    if (!text) {
      setSuggestions([])
      setStatus('')
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/cases/picker?${new URLSearchParams({ q: text })}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then(async (response) => {
          if (!response.ok) throw new Error(String(response.status))
          const body = (await response.json()) as { cases: Suggestion[] }
          setSuggestions(body.cases)
          setActive(body.cases.length ? 0 : -1)
          setOpen(true)
          setStatus(body.cases.length ? `${body.cases.length}件見つかりました。上下の矢印キーで選び、Enterで追加します。` : '該当する事例がありません。')
        })
        .catch((error: unknown) => {
          if ((error as { name?: string }).name === 'AbortError') return
          setSuggestions([])
          setStatus('事例を検索できませんでした。しばらくしてからもう一度お試しください。')
        })
    }, 200)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  function pick(item: Suggestion) {
    if (!picked.some((existing) => existing.id === item.id) && !full) {
      setPicked([...picked, { id: item.id, number: item.number, title: item.title }])
      setStatus(`No.${item.number}「${item.title}」を追加しました。`)
    }
    setQuery('')
    setOpen(false)
    setSuggestions([])
    inputRef.current?.focus()
  }

  function remove(item: PickedCase) {
    setPicked(picked.filter((existing) => existing.id !== item.id))
    setStatus(`No.${item.number}「${item.title}」を外しました。`)
    inputRef.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open && suggestions.length) setOpen(true)
        setActive((current) => (suggestions.length ? (current + 1) % suggestions.length : -1))
        break
      case 'ArrowUp':
        event.preventDefault()
        setActive((current) => (suggestions.length ? (current <= 0 ? suggestions.length - 1 : current - 1) : -1))
        break
      case 'Enter': {
        // Enter in this box picks a case; it never submits the practice form.
        event.preventDefault()
        const item = open ? suggestions[active] : undefined
        if (item) pick(item)
        break
      }
      case 'Escape':
        if (open) {
          event.preventDefault()
          setOpen(false)
        } else setQuery('')
        break
      default:
        break
    }
  }

  const expanded = open && suggestions.length > 0
  const describedBy = [ids.helpId, errors?.length ? ids.errorId : ''].filter(Boolean).join(' ')
  return (
    <div className="field related-case-picker">
      <input type="hidden" name={name} value={picked.map((item) => item.id).join(', ')} />
      <label htmlFor={ids.inputId}>関連事例</label>
      {picked.length ? (
        <ul className="related-case-picker__picked" aria-label="選んだ関連事例">
          {picked.map((item) => (
            <li key={item.id}>
              <span>
                No.{item.number} {item.title}
              </span>
              <button type="button" className="button button--quiet button--small" onClick={() => remove(item)} aria-label={`No.${item.number}「${item.title}」を関連事例から外す`}>
                外す
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="related-case-picker__box">
        <input
          ref={inputRef}
          id={ids.inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={ids.listId}
          aria-activedescendant={expanded && active >= 0 ? `${ids.listId}-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={errors?.length ? true : undefined}
          autoComplete="off"
          placeholder={full ? `${MAX_RELATED}件まで選べます` : '題名の言葉または事例番号で検索'}
          disabled={full}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => suggestions.length && setOpen(true)}
        />
        <ul id={ids.listId} role="listbox" aria-label="見つかった事例" className="related-case-picker__list" hidden={!expanded}>
          {suggestions.map((item, index) => {
            const already = picked.some((existing) => existing.id === item.id)
            return (
              <li
                key={item.id}
                id={`${ids.listId}-${index}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={already || undefined}
                className={index === active ? 'is-active' : undefined}
                // mousedown, not click: picking must happen before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault()
                  pick(item)
                }}
              >
                No.{item.number} {item.title}
                <span className="muted small">
                  {' '}
                  （{item.occurred}
                  {item.draft ? '・下書き' : ''}
                  {already ? '・追加済み' : ''}）
                </span>
              </li>
            )
          })}
        </ul>
      </div>
      <p id={ids.helpId} className="field__help">
        題名の言葉か事例番号を入力し、候補から選んでください（{MAX_RELATED}件まで）。選べるのは公開中の事例と自分の事例です。
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  )
}
