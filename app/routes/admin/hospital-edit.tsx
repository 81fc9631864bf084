import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary.tsx'
import { ErrorList, SelectField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { requirePermission } from '#app/modules/auth/require.server.ts'
import { findHospital, saveHospital } from '#app/modules/members/hospitals.server.ts'
import { HOSPITAL_TYPES, PREFECTURES } from '#app/modules/members/labels.ts'
import { HospitalSchema } from '#app/modules/members/schemas.ts'

// One module for /admin/hospitals/new (no :id) and /admin/hospitals/:id.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.hospital ? `${data.hospital.name}の編集` : '病院の登録'} | 管理 | QSO Hub` },
]

async function hospitalOrNotFound(id: string | undefined) {
  if (id === undefined) return null
  const hospital = await findHospital(id)
  if (!hospital) throw new Response('病院が見つかりません。', { status: 404 })
  return hospital
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'hospital:manage')
  return { hospital: await hospitalOrNotFound(params.id) }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'hospital:manage')
  const hospital = await hospitalOrNotFound(params.id)
  const submission = parseWithZod(await request.formData(), { schema: HospitalSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = await saveHospital(submission.value, admin, request, hospital?.id)
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: { [saved.field]: [saved.message] } }) }, { status: 400 })
  throw redirect('/admin/hospitals')
}

const JQ_OBLIGATION_OPTIONS = [
  { value: 'YES', label: '対象（報告義務あり）' },
  { value: 'NO', label: '対象外' },
]

const prefectureOptions = PREFECTURES.map((prefecture) => ({ value: prefecture, label: prefecture }))

export default function HospitalEdit() {
  const { hospital } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    // A different id per hospital, so moving from one edit page to another starts from that hospital's values.
    id: `hospital-${hospital?.id ?? 'new'}`,
    lastResult: actionData?.result,
    constraint: getZodConstraint(HospitalSchema),
    defaultValue: hospital
      ? {
          name: hospital.name,
          prefecture: hospital.prefecture,
          beds: String(hospital.beds),
          type: hospital.type,
          jqReportObliged: hospital.jqReportObliged === null ? '' : hospital.jqReportObliged ? 'YES' : 'NO',
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HospitalSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section style={{ maxWidth: '40rem' }}>
      <h1>{hospital ? '病院情報の編集' : '病院の登録'}</h1>
      <Form method="post" {...getFormProps(form)} className="stack card">
        <TextField field={fields.name} label="病院名" required />
        <div className="form-grid">
          <SelectField field={fields.prefecture} label="都道府県" options={prefectureOptions} required />
          <TextField field={fields.beds} label="病床数" type="number" required help="診療所は0床で登録できます" />
        </div>
        <SelectField field={fields.type} label="種別" options={toOptions(HOSPITAL_TYPES)} required />
        <SelectField
          field={fields.jqReportObliged}
          label="医療事故情報収集等事業の報告義務対象医療機関"
          options={JQ_OBLIGATION_OPTIONS}
          placeholder="未確認"
          help="危機管理相談で、事故等報告（原則として二週間以内）の要否を示すのに使います。会員が相談で最初に回答した値もここに入ります。"
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="row">
          <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
            {hospital ? '保存する' : '登録する'}
          </button>
          <Link to="/admin/hospitals" className="button button--quiet">
            一覧へ戻る
          </Link>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
