import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { MembershipFields, ProfileFields } from '#app/components/profile-fields.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { ErrorList, TextareaField } from '#app/components/ui/fields.tsx'
import { formatDateTime } from '#app/lib/format.ts'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { hospitalOptions } from '#app/modules/members/hospitals.server.ts'
import { COURSES } from '#app/modules/members/labels.ts'
import { getOwnMembership, requestMembershipChange } from '#app/modules/members/membership-requests.server.ts'
import { getOwnProfile, updateOwnProfile } from '#app/modules/members/members.server.ts'
import { MembershipChangeSchema, OwnProfileSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: 'プロフィールの編集 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [profile, membership, hospitals] = await Promise.all([getOwnProfile(user.id), getOwnMembership(user.id), hospitalOptions()])
  return { profile, membership, hospitals }
}

// Only ever the signed-in member's own profile: the user id comes from the session, never from the form.
// Hospital, course and cohort are not saved here: they decide access, so an admin approves each change.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'request-change') {
    const submission = parseWithZod(formData, { schema: MembershipChangeSchema })
    if (submission.status !== 'success') return data({ intent: 'request-change' as const, result: submission.reply(), done: false }, { status: 400 })
    const outcome = await requestMembershipChange(user, submission.value, request)
    if (!outcome.ok) {
      const reply = outcome.field === 'form' ? submission.reply({ formErrors: [outcome.message] }) : submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      return data({ intent: 'request-change' as const, result: reply, done: false }, { status: 400 })
    }
    return { intent: 'request-change' as const, result: submission.reply({ resetForm: true }), done: true }
  }
  const submission = parseWithZod(formData, { schema: OwnProfileSchema })
  if (submission.status !== 'success') return data({ intent: 'profile' as const, result: submission.reply(), done: false }, { status: 400 })
  await updateOwnProfile(user, submission.value, request)
  return { intent: 'profile' as const, result: submission.reply(), done: true }
}

export default function ProfileSettings() {
  const { profile, membership, hospitals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'profile',
    lastResult: actionData?.intent === 'profile' ? actionData.result : undefined,
    constraint: getZodConstraint(OwnProfileSchema),
    defaultValue: { name: profile.name, profession: profile.profession, department: profile.department ?? '', bio: profile.bio ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OwnProfileSchema }),
    shouldRevalidate: 'onBlur',
  })
  const [changeForm, changeFields] = useForm({
    id: 'membership-change',
    lastResult: actionData?.intent === 'request-change' ? actionData.result : undefined,
    constraint: getZodConstraint(MembershipChangeSchema),
    defaultValue: { course: profile.course ?? '', cohort: profile.cohort?.toString() ?? '', hospitalId: profile.hospitalId ?? '', reason: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MembershipChangeSchema }),
    shouldRevalidate: 'onBlur',
  })
  const { current, pending } = membership
  const submitting = navigation.state === 'submitting'
  return (
    <section className="narrow">
      <h1>設定</h1>
      <SettingsNav />
      <h2>プロフィール</h2>
      <p className="muted small">メールアドレス: {profile.email}（変更は事務局へご依頼ください）</p>
      {actionData?.intent === 'profile' && actionData.done ? (
        <p className="notice notice--success" role="status">
          プロフィールを保存しました。
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ProfileFields fields={fields} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={submitting}>
          保存する
        </button>
      </Form>

      <h2>所属病院・修了コース・期</h2>
      <p className="muted small">
        所属病院と修了コース・期によって、見られるベンチマークや参加できる行事が決まるため、変更は事務局が確認してから反映します。
      </p>
      <dl className="definition-list card">
        <dt>所属病院</dt>
        <dd>{current.hospital?.name ?? '未設定'}</dd>
        <dt>修了コース</dt>
        <dd>{current.course ? COURSES[current.course] : '未設定'}</dd>
        <dt>期</dt>
        <dd>{current.cohort === null ? '未設定' : `${current.cohort}期`}</dd>
      </dl>
      {actionData?.intent === 'request-change' && actionData.done ? (
        <p className="notice notice--success" role="status">
          変更を依頼しました。事務局が承認すると反映され、お知らせとメールでお伝えします。
        </p>
      ) : null}
      {pending ? (
        <p className="notice" role="note">
          {formatDateTime(pending.createdAt)} に依頼した変更（所属病院: {pending.toHospital?.name ?? '未設定'}、修了コース:{' '}
          {pending.toCourse ? COURSES[pending.toCourse] : '未設定'}、期: {pending.toCohort === null ? '未設定' : `${pending.toCohort}期`}）は事務局の確認待ちです。
          新しく依頼すると、この依頼は取り下げられます。
        </p>
      ) : null}
      <details open={actionData?.intent === 'request-change' && !actionData.done}>
        <summary>変更を依頼する</summary>
        <Form method="post" {...getFormProps(changeForm)} className="stack">
          <input type="hidden" name="intent" value="request-change" />
          <MembershipFields fields={changeFields} hospitals={hospitals} />
          <TextareaField field={changeFields.reason} label="変更の理由" rows={3} help="例: 2026年4月に○○病院へ異動しました" required />
          <ErrorList id={changeForm.errorId} errors={changeForm.errors} />
          <button type="submit" className="button" disabled={submitting}>
            変更を依頼する
          </button>
        </Form>
      </details>
    </section>
  )
}
