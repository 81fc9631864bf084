import { asJapanClock } from '#app/lib/japan-time.ts'
/**
 * A minimal iCalendar (RFC 5545) writer for one event: CRLF line ends, lines folded at 75 octets (never inside
 * a UTF-8 character), TEXT values escaped, times in Asia/Tokyo with its VTIMEZONE (Japan has no daylight saving
 * time, so one STANDARD component describes it fully).
 */

export type CalendarEvent = {
  uid: string
  stamp: Date
  startsAt: Date
  endsAt: Date
  summary: string
  description?: string
  location?: string
  url?: string
}

const CRLF = '\r\n'

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Folds a content line so that no line exceeds 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder()
  const parts: string[] = []
  let current = ''
  let currentOctets = 0
  let limit = 75
  // An escape such as "\\n" stays on one line: folding may split anywhere, but some readers unescape per line.
  for (const char of line.match(/\\.|[\s\S]/gu) ?? []) {
    const octets = encoder.encode(char).length
    if (currentOctets + octets > limit) {
      parts.push(current)
      current = ''
      currentOctets = 0
      limit = 74 // the leading space of a continuation line counts too
    }
    current += char
    currentOctets += octets
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

const pad = (value: number) => String(value).padStart(2, '0')

/** 20261205T130000 in Japan time (for DTSTART;TZID=Asia/Tokyo). */
export function formatTokyoLocal(date: Date): string {
  const d = asJapanClock(date)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
}

/** 20261124T191500Z (for DTSTAMP, which must be UTC). */
export function formatUtc(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Tokyo',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
]

export function buildIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//QSO Hub//Programme events//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART;TZID=Asia/Tokyo:${formatTokyoLocal(event.startsAt)}`,
    `DTEND;TZID=Asia/Tokyo:${formatTokyoLocal(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
