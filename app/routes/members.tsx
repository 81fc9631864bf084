import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { FilterActions, FilterSelect } from '#app/components/ui/filters.tsx'
import { Pagination } from '#app/components/ui/pagination.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { COURSES, courseLabel, PREFECTURES, PROFESSIONS } from '#app/modules/members/labels.ts'
import { searchMembers } from '#app/modules/members/members.server.ts'
import { MemberFiltersSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: '会員名簿 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'member:read')
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const filters = MemberFiltersSchema.parse(params)
  return { filters, ...(await searchMembers(filters)) }
}

export default function MembersDirectory() {
  const { filters, members, total, pageCount } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>会員名簿</h1>
        <p className="muted" aria-live="polite">
          {formatNumber(total)}名
        </p>
      </div>
      <Form method="get" className="filters" role="search" aria-label="会員の絞り込み">
        <div className="field">
          <label htmlFor="filter-q">氏名・病院・部署</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} />
        </div>
        <FilterSelect name="course" label="コース" value={filters.course} options={Object.entries(COURSES)} />
        <div className="field">
          <label htmlFor="filter-cohort">期</label>
          <input id="filter-cohort" name="cohort" type="number" min={1} max={99} defaultValue={filters.cohort ?? ''} style={{ width: '6rem' }} />
        </div>
        <FilterSelect name="profession" label="職種" value={filters.profession} options={Object.entries(PROFESSIONS)} />
        <FilterSelect name="prefecture" label="都道府県" value={filters.prefecture} options={PREFECTURES.map((p) => [p, p] as const)} />
        <FilterActions clearTo="/members" />
      </Form>
      {members.length ? (
        <ul className="grid">
          {members.map((member) => (
            <li key={member.id} className="card">
              <h2 className="h3" style={{ margin: 0, fontSize: '1.05rem' }}>
                <Link to={`/members/${member.id}`}>{member.name}</Link>
              </h2>
              <p style={{ margin: '0.25rem 0' }}>
                {member.course ? <span className="badge badge--primary">{courseLabel(member.course, member.cohort)}</span> : null}{' '}
                <span className="badge">{PROFESSIONS[member.profession]}</span>
              </p>
              <p className="muted small" style={{ margin: 0 }}>
                {member.hospital ? `${member.hospital.name}（${member.hospital.prefecture}）` : '所属未登録'}
                {member.department ? ` ・ ${member.department}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice">条件に合う会員はいません。条件を減らしてお試しください。</p>
      )}
      <Pagination page={filters.page} pageCount={pageCount} />
    </section>
  )
}
