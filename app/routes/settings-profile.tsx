import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ProfileFields } from '#app/components/profile-fields.tsx'
import { SettingsNav } from '#app/components/settings-nav.tsx'
import { ErrorList } from '#app/components/ui/fields.tsx'
import { requireUser } from '#app/modules/auth/require.server.ts'
import { hospitalOptions } from '#app/modules/members/hospitals.server.ts'
import { getOwnProfile, updateOwnProfile } from '#app/modules/members/members.server.ts'
import { ProfileSchema } from '#app/modules/members/schemas.ts'

export const meta: MetaFunction = () => [{ title: 'プロフィールの編集 | QSO Hub' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [profile, hospitals] = await Promise.all([getOwnProfile(user.id), hospitalOptions()])
  return { profile, hospitals }
}

// Only ever the signed-in member's own profile: the user id comes from the session, never from the form.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: ProfileSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), saved: false }, { status: 400 })
  const result = await updateOwnProfile(user, submission.value, request)
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }), saved: false }, { status: 400 })
  return { result: submission.reply(), saved: true }
}

export default function ProfileSettings() {
  const { profile, hospitals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'profile',
    lastResult: actionData?.result,
    constraint: getZodConstraint(ProfileSchema),
    defaultValue: {
      name: profile.name,
      profession: profile.profession,
      course: profile.course ?? '',
      cohort: profile.cohort?.toString() ?? '',
      hospitalId: profile.hospitalId ?? '',
      department: profile.department ?? '',
      bio: profile.bio ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section className="narrow">
      <h1>設定</h1>
      <SettingsNav />
      <h2>プロフィール</h2>
      <p className="muted small">メールアドレス: {profile.email}（変更は事務局へご依頼ください）</p>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          プロフィールを保存しました。
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ProfileFields fields={fields} hospitals={hospitals} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="button button--primary" disabled={navigation.state === 'submitting'}>
          保存する
        </button>
      </Form>
    </section>
  )
}
