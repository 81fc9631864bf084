import { highlightParts, type Highlighted } from '#search/highlight.ts'

/** Text with highlight ranges as <mark> elements (never HTML from the search engine). */
export function HighlightedText({ value }: { value: Highlighted }) {
  return (
    <>
      {highlightParts(value).map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  )
}
