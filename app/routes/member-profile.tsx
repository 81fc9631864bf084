import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatDate, formatNumber } from '#app/lib/format.ts'
import { canEditProfile, hasPermission, ROLE_LABELS } from '#app/modules/auth/permissions.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { courseLabel, HOSPITAL_TYPES, PROFESSIONS, USER_STATUSES } from '#app/modules/members/labels.ts'
import { getProfile } from '#app/modules/members/members.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.name ?? '会員'} | QSO Hub` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'member:read')
  const profile = await getProfile(params.id ?? '', viewer)
  if (!profile) throw new Response('Not found', { status: 404 })
  return {
    profile,
    canEdit: canEditProfile(viewer, profile.id),
    canManage: hasPermission(viewer, 'member:manage'),
  }
}

export default function MemberProfile() {
  const { profile, canEdit, canManage } = useLoaderData<typeof loader>()
  return (
    <section className="narrow">
      <div className="page-header">
        <h1>{profile.name}</h1>
        {canEdit ? (
          <Link to="/settings/profile" className="button">
            プロフィールを編集
          </Link>
        ) : null}
      </div>
      {profile.status !== 'ACTIVE' ? <p className="notice notice--warning">このアカウントは{USER_STATUSES[profile.status]}です。</p> : null}
      <dl className="definition-list card">
        <dt>修了コース</dt>
        <dd>{courseLabel(profile.course, profile.cohort)}</dd>
        <dt>職種</dt>
        <dd>{PROFESSIONS[profile.profession]}</dd>
        <dt>所属病院</dt>
        <dd>
          {profile.hospital
            ? `${profile.hospital.name}（${profile.hospital.prefecture}・${HOSPITAL_TYPES[profile.hospital.type]}・${formatNumber(profile.hospital.beds)}床）`
            : '未登録'}
        </dd>
        <dt>所属部署</dt>
        <dd>{profile.department ?? '—'}</dd>
        {profile.role !== 'MEMBER' ? (
          <>
            <dt>役割</dt>
            <dd>{ROLE_LABELS[profile.role]}</dd>
          </>
        ) : null}
        {profile.email ? (
          <>
            <dt>メールアドレス</dt>
            <dd>
              {profile.email} <span className="muted small">（本人と管理者のみに表示）</span>
            </dd>
          </>
        ) : null}
        <dt>登録日</dt>
        <dd>{formatDate(profile.createdAt)}</dd>
      </dl>
      {profile.bio ? (
        <>
          <h2>自己紹介</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{profile.bio}</p>
        </>
      ) : null}
      {canManage ? (
        <p>
          <Link to={`/admin/members?q=${encodeURIComponent(profile.name)}`}>管理画面でこの会員を管理する</Link>
        </p>
      ) : null}
      <p>
        <Link to="/members">会員名簿へ戻る</Link>
      </p>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
