import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const messages: Record<number, { title: string; body: string }> = {
  400: { title: 'リクエストが正しくありません', body: '入力内容を確認して、もう一度お試しください。' },
  403: { title: 'このページを表示する権限がありません', body: '必要な場合は QSO 事務局にお問い合わせください。' },
  404: { title: 'ページが見つかりません', body: 'URL が間違っているか、ページが削除された可能性があります。' },
  // The server sends its own wording (busy or down) as the error's data: server/database-unavailable.ts.
  503: { title: 'ただいまご利用いただけません', body: 'しばらく待ってから、もう一度お試しください。' },
}

/** The one error page: a friendly message, never a stack trace (those go to the server log). */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const message = messages[status] ?? {
    title: 'エラーが発生しました',
    body: '申し訳ありません。時間をおいて再度お試しください。解決しない場合は QSO 事務局にご連絡ください。',
  }
  const serverWording = isRouteErrorResponse(error) && error.status === 503 && typeof error.data === 'string' ? error.data : null
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{message.title}</h1>
      <p>{serverWording ?? message.body}</p>
      <p>
        <Link to="/">トップページへ戻る</Link>
      </p>
    </section>
  )
}
