import type { Response } from 'express'

/**
 * What the HTTP server answers itself, before or instead of Remix: refused, too large or malformed requests. A
 * short page in Japanese for browsers, JSON for /api/* (type-ahead and de-identification calls read `error`).
 * Never a stack trace, never the request's content.
 */
export const MESSAGES = {
  400: '送信された内容を読み取れませんでした。入力に使えない文字（制御文字など）が含まれていないか確認し、画面を開き直してもう一度お試しください。',
  403: '他のサイトからの送信は受け付けられません。QSO Hub の画面から操作してください。',
  405: 'この操作には対応していません。QSO Hub の画面から操作してください。',
  413: '送信された内容が大きすぎます。添付ファイルを小さくするか、数回に分けて送信してください。',
} as const

export type RefusalStatus = keyof typeof MESSAGES

const TITLES: Record<RefusalStatus, string> = {
  400: '送信内容を読み取れません',
  403: '送信できません',
  405: '対応していない操作です',
  413: '送信内容が大きすぎます',
}

function page(status: RefusalStatus, message: string): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${TITLES[status]} | QSO Hub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.7">
<h1>${TITLES[status]}</h1><p>${message}</p><p><a href="/home">ホームへ戻る</a></p>
</body></html>`
}

export function sendRefusal(res: Response, path: string, status: RefusalStatus, headers: Record<string, string> = {}) {
  if (res.headersSent) return
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.setHeader('Cache-Control', 'no-store')
  const message = MESSAGES[status]
  if (path.startsWith('/api/')) res.status(status).json({ error: message })
  else res.status(status).type('text/html; charset=utf-8').send(page(status, message))
}
