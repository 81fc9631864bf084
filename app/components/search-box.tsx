import { useNavigate } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import { HighlightedText } from '#app/components/highlighted.tsx'

type Suggestion = {
  type: string
  typeLabel: string
  id: string
  title: string
  titleHighlights: [number, number][]
  snippet: string
  snippetHighlights: [number, number][]
  url: string
}

/**
 * The header type-ahead: an ARIA 1.2 combobox (input + listbox). Typing fetches /api/search after a short pause;
 * ↓/↑ move through the suggestions, Enter opens the active one (or the full results page), Esc closes the list.
 * Without JavaScript it is a plain GET form to /search.
 */
export function SearchBox() {
  const id = useId()
  const listboxId = `${id}-listbox`
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState('')
  const abort = useRef<AbortController | null>(null)
  // Where the pointer last was over the list. Browsers send mouse events when the list opens under a pointer
  // that has not moved; only a real move may make an option active, or Enter would open it instead of searching.
  const pointer = useRef<{ x: number; y: number } | null>(null)

  useEffect(() => {
    const q = query.trim()
    if (!q) {
      setSuggestions([])
      setOpen(false)
      return
    }
    const timer = setTimeout(async () => {
      abort.current?.abort()
      const controller = new AbortController()
      abort.current = controller
      try {
        const response = await fetch(`/api/search?${new URLSearchParams({ q })}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
        if (!response.ok) throw new Error(String(response.status))
        const data = (await response.json()) as { hits: Suggestion[] }
        setSuggestions(data.hits)
        setActive(-1)
        setOpen(true)
        setStatus(data.hits.length ? `候補 ${data.hits.length}件。上下キーで選択できます。` : '候補はありません。Enterで検索します。')
      } catch (error) {
        if ((error as Error).name === 'AbortError') return
        setSuggestions([])
        setStatus('候補を取得できませんでした。Enterで検索します。')
      }
    }, 150)
    return () => clearTimeout(timer)
  }, [query])

  const close = () => {
    setOpen(false)
    setActive(-1)
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const count = suggestions.length
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      if (!open && count) setOpen(true)
      setActive((current) => (count ? (current + 1) % count : -1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open && count) setOpen(true)
      setActive((current) => (count ? (current <= 0 ? count - 1 : current - 1) : -1))
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        close()
      } else setQuery('')
    } else if (event.key === 'Enter' && open && active >= 0) {
      const target = suggestions[active]
      if (target) {
        event.preventDefault()
        close()
        navigate(target.url)
      }
    }
  }

  const expanded = open && suggestions.length > 0
  return (
    <form method="get" action="/search" role="search" className="search-box" onSubmit={close}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        サイト内検索
      </label>
      <input
        id={`${id}-input`}
        name="q"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="事例・プラクティス・コメントを検索"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(close, 150)}
        onFocus={() => suggestions.length && setOpen(true)}
      />
      <button type="submit" className="button button--quiet">
        検索
      </button>
      <ul id={listboxId} role="listbox" aria-label="検索候補" className="search-box__listbox" hidden={!expanded}>
        {suggestions.map((suggestion, index) => (
          <li
            key={`${suggestion.type}:${suggestion.id}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className="search-box__option"
            onMouseDown={(event) => {
              event.preventDefault()
              close()
              navigate(suggestion.url)
            }}
            onMouseMove={(event) => {
              const last = pointer.current
              pointer.current = { x: event.clientX, y: event.clientY }
              if (last && (last.x !== event.clientX || last.y !== event.clientY)) setActive(index)
            }}
          >
            <span className="badge badge--primary">{suggestion.typeLabel}</span>{' '}
            <span className="search-box__title">
              <HighlightedText value={{ text: suggestion.title, highlights: suggestion.titleHighlights }} />
            </span>
            <span className="search-box__snippet small">
              <HighlightedText value={{ text: suggestion.snippet, highlights: suggestion.snippetHighlights }} />
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  )
}
