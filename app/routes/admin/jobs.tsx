import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDateTime, formatNumber } from '#app/lib/format.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { JOB_LABELS, type JobName } from '#app/modules/jobs/names.ts'
import { discardJob, jobHealth, listProblemJobs, retryJobNow } from '#app/modules/jobs/status.server.ts'

export const meta: MetaFunction = () => [{ title: 'バックグラウンド処理 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'admin:access')
  const [jobs, health] = await Promise.all([listProblemJobs(), jobHealth()])
  return { jobs, health }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'admin:access')
  const form = await request.formData()
  const intent = form.get('intent')
  const id = String(form.get('jobId') ?? '')
  if (intent !== 'retry' && intent !== 'discard') return data({ message: '操作を選んでください。', ok: false }, { status: 400 })
  const done = intent === 'retry' ? await retryJobNow(id) : await discardJob(id)
  if (!done) return data({ message: 'この処理はすでに完了したか、見つかりません。', ok: false }, { status: 404 })
  await recordAudit({ action: intent === 'retry' ? 'job.retried' : 'job.discarded', actorId: admin.id, target: { type: 'job', id }, request })
  return { message: intent === 'retry' ? '再実行を予約しました。' : '取り消しました。', ok: true }
}

const STATE_LABELS = { failed: '失敗（再試行の上限）', retrying: '再試行待ち' } as const

export default function AdminJobs() {
  const { jobs, health } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="stack">
      <h1>バックグラウンド処理</h1>
      <p className="small">
        メール送信や通知などは、画面の操作とは別に順番に処理されます。失敗した処理は間隔をあけて自動で再試行され、上限に達したものがここに残ります。
      </p>
      <p>
        失敗 {formatNumber(health.failed)}件・再試行待ち {formatNumber(health.retrying)}件・予定時刻を5分以上過ぎた未処理 {formatNumber(health.overdue)}件
      </p>
      {actionData ? (
        <p className={`notice ${actionData.ok ? 'notice--success' : 'notice--error'}`} role="status">
          {actionData.message}
        </p>
      ) : null}
      {jobs.length ? (
        <div className="table-wrap">
          <table className="data-table card-table">
            <caption>失敗したことのある処理（新しい順）</caption>
            <thead>
              <tr>
                <th scope="col">処理</th>
                <th scope="col">状態</th>
                <th scope="col">試行</th>
                <th scope="col">次の実行・登録日時</th>
                <th scope="col">最後のエラー</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td className="card-table__title">{JOB_LABELS[job.task as JobName] ?? job.task}</td>
                  <td className="nowrap" data-label="状態">{STATE_LABELS[job.state]}</td>
                  <td className="nowrap" data-label="試行">
                    {job.attempts} / {job.maxAttempts}
                  </td>
                  <td className="nowrap" data-label="次の実行・登録日時">
                    {job.state === 'retrying' ? formatDateTime(job.runAt) : '—'}
                    <br />
                    <span className="small muted">{formatDateTime(job.createdAt)}</span>
                  </td>
                  <td className="small" data-label="最後のエラー">{job.lastError}</td>
                  <td data-label="操作">
                    <Form method="post" className="row">
                      <input type="hidden" name="jobId" value={job.id} />
                      <button type="submit" name="intent" value="retry" className="button button--small">
                        今すぐ再実行
                      </button>
                      <button type="submit" name="intent" value="discard" className="button button--small button--quiet">
                        取り消す
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">失敗した処理はありません。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
