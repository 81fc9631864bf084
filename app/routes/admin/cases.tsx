import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { hiddenCases } from '#app/modules/cases/cases.server.ts'
import { FINDING_TYPE_LABELS, type FindingType } from '#app/modules/deidentify/detect.ts'
import { latestRescan, startRescan } from '#app/modules/deidentify/rescan-job.server.ts'
import { hiddenComments } from '#app/modules/discussion/discussion.server.ts'

export const meta: MetaFunction = () => [{ title: '事例の管理 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, 'case:moderate')
  const [cases, comments, scan] = await Promise.all([hiddenCases(admin), hiddenComments(), latestRescan()])
  return { cases, comments, scan }
}

/** The re-scan runs on request (it reads every published text) as a background job; the page shows its progress. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'case:moderate')
  return await startRescan(admin.id)
}

/** While a re-scan runs, the page asks for its progress every few seconds. */
function useRefreshWhile(running: boolean) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 2000)
    return () => clearInterval(timer)
  }, [running, revalidator])
}

const FLAGGED_KIND_LABELS = { case: '事例', practice: 'ベストプラクティス', comment: 'コメント' } as const

export default function AdminCases() {
  const { cases, comments, scan } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const running = scan?.status === 'RUNNING'
  useRefreshWhile(running)
  return (
    <section className="stack">
      <h1>事例の管理</h1>

      <section className="card stack" aria-labelledby="rescan-title">
        <h2 id="rescan-title">個人情報の再確認</h2>
        <p className="small">公開中のすべての事例・ベストプラクティスとそのコメントを、現在の検出ルールで確認し直します。</p>
        <Form method="post">
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting' || running}>
            {running ? '確認しています…' : '再確認する'}
          </button>
        </Form>
        {scan ? (
          <div aria-live="polite" className="stack">
            {running ? (
              <>
                <label htmlFor="rescan-progress">
                  確認中です（{formatNumber(scan.scanned)} / {formatNumber(scan.totalItems)}件、{formatDateTime(scan.startedAt)}開始）。このページを閉じても処理は続きます。
                </label>
                <progress id="rescan-progress" max={100} value={scan.percent}>
                  {scan.percent}%
                </progress>
              </>
            ) : null}
            <p>
              {running ? 'ここまでに' : `${formatDateTime(scan.finishedAt ?? scan.startedAt)}に`}事例 {formatNumber(scan.scannedCases)}件・ベストプラクティス{' '}
              {formatNumber(scan.scannedPractices)}件・コメント {formatNumber(scan.scannedComments)}件を確認しました。
              {scan.findings.length ? `${formatNumber(scan.findings.length)}件に要修正の情報があります。` : '要修正の情報は見つかりませんでした。'}
            </p>
            {scan.findings.length ? (
              <div className="table-wrap">
                <table className="data-table card-table">
                  <caption>要修正の情報が見つかった投稿</caption>
                  <thead>
                    <tr>
                      <th scope="col">種類</th>
                      <th scope="col">事例・プラクティス</th>
                      <th scope="col">見つかった情報</th>
                    </tr>
                  </thead>
                  <tbody>
                    {scan.findings.map((item) => (
                      <tr key={`${item.kind}-${item.itemId}`}>
                        <td className="nowrap" data-label="種類">{FLAGGED_KIND_LABELS[item.kind]}</td>
                        <td className="card-table__title">
                          <Link to={item.url}>{item.title}</Link>
                        </td>
                        <td data-label="見つかった情報">
                          <ul className="case-plain-list">
                            {item.findings.map((finding, index) => (
                              <li key={index}>
                                {finding.label}: 「{finding.text}」（{FINDING_TYPE_LABELS[finding.type as FindingType] ?? finding.type}）
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        ) : null}
      </section>

      <HiddenList
        id="hidden-cases-title"
        title="非表示の事例"
        authorHeading="投稿者"
        rows={cases.map((item) => ({
          key: item.id,
          link: <Link to={`/cases/${item.id}`}>{item.title}</Link>,
          author: item.author.name,
          hiddenAt: item.hiddenAt,
          hiddenBy: item.hiddenByName,
          reason: item.hiddenReason,
        }))}
      />
      <HiddenList
        id="hidden-comments-title"
        title="非表示のコメント"
        authorHeading="コメントの投稿者"
        rows={comments.map((comment) => ({
          key: comment.id,
          link: comment.practiceId ? (
            <Link to={`/practices/${comment.practiceId}#comment-${comment.id}`}>{comment.practice?.title}（プラクティス）</Link>
          ) : (
            <Link to={`/cases/${comment.caseId}#comment-${comment.id}`}>{comment.case?.title}</Link>
          ),
          author: comment.author.name,
          hiddenAt: comment.hiddenAt,
          hiddenBy: comment.hiddenBy?.name,
          reason: comment.hiddenReason,
        }))}
      />
    </section>
  )
}

type HiddenRow = { key: string; link: ReactNode; author: string; hiddenAt: string | Date | null; hiddenBy?: string | null; reason: string | null }

/** What moderators hid, with when, by whom and why (the same reason is in the audit log). */
function HiddenList({ id, title, authorHeading, rows }: { id: string; title: string; authorHeading: string; rows: HiddenRow[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title}（{formatNumber(rows.length)}件）
      </h2>
      {rows.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <thead>
              <tr>
                <th scope="col">事例</th>
                <th scope="col">{authorHeading}</th>
                <th scope="col">非表示にした日時・担当</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td className="card-table__title">{row.link}</td>
                  <td data-label={authorHeading}>{row.author}</td>
                  <td className="nowrap" data-label="非表示にした日時・担当">
                    {row.hiddenAt ? formatDateTime(row.hiddenAt) : ''} {row.hiddenBy ?? ''}
                  </td>
                  <td data-label="理由">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">ありません。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
