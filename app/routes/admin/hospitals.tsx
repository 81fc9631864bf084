import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { formatNumber } from '#app/lib/format.ts'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { listHospitals } from '#app/modules/members/hospitals.server.ts'
import { HOSPITAL_TYPES } from '#app/modules/members/labels.ts'

export const meta: MetaFunction = () => [{ title: '病院 | 管理 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'hospital:manage')
  return { hospitals: await listHospitals() }
}

export default function AdminHospitals() {
  const { hospitals } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="page-header">
        <h1>病院</h1>
        <Link to="/admin/hospitals/new" className="button button--primary">
          病院を登録
        </Link>
      </div>
      {hospitals.length ? (
        <div className="table-wrap">
          <table className="data-table card-table" style={{ minWidth: '40rem' }}>
            <caption className="visually-hidden">登録病院の一覧（都道府県順）</caption>
            <thead>
              <tr>
                <th scope="col">病院名</th>
                <th scope="col">都道府県</th>
                <th scope="col">病床数</th>
                <th scope="col">種別</th>
                <th scope="col">会員数</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {hospitals.map((hospital) => (
                <tr key={hospital.id}>
                  <td className="card-table__title">{hospital.name}</td>
                  <td data-label="都道府県">{hospital.prefecture}</td>
                  <td data-label="病床数">{formatNumber(hospital.beds)}床</td>
                  <td data-label="種別">{HOSPITAL_TYPES[hospital.type]}</td>
                  <td data-label="会員数">{formatNumber(hospital._count.members)}名</td>
                  <td data-label="操作">
                    <Link to={`/admin/hospitals/${hospital.id}`} aria-label={`${hospital.name}を編集`}>
                      編集
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">まだ病院が登録されていません。「病院を登録」から追加してください。</p>
      )}
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
