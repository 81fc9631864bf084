import type { FieldMetadata } from '@conform-to/react'
import { SelectField, TextareaField, TextField, toOptions } from '#app/components/ui/fields.tsx'
import { COURSES, PROFESSIONS } from '#app/modules/members/labels.ts'

type HospitalOption = { id: string; name: string; prefecture: string }

/** Name, profession, department and bio: what members change themselves (join form and profile settings). */
export function ProfileFields({
  fields,
  children,
}: {
  fields: { name: FieldMetadata<string>; profession: FieldMetadata<string>; department: FieldMetadata<string | undefined>; bio: FieldMetadata<string | undefined> }
  /** Placed between profession and department (the join form puts course, cohort and hospital there). */
  children?: React.ReactNode
}) {
  return (
    <>
      <TextField field={fields.name} label="氏名" autoComplete="name" required />
      <SelectField field={fields.profession} label="職種" options={toOptions(PROFESSIONS)} required />
      {children}
      <TextField field={fields.department} label="所属部署" help="例: 医療安全管理室" />
      <TextareaField field={fields.bio} label="自己紹介" rows={4} />
    </>
  )
}

/**
 * Course, cohort and hospital: chosen at sign-up, later changed only through a request an admin approves
 * (docs/decisions/0025-admin-managed-membership.md).
 */
export function MembershipFields({
  fields,
  hospitals,
  hospitalLocked,
}: {
  fields: { course: FieldMetadata<string | undefined>; cohort: FieldMetadata<unknown>; hospitalId: FieldMetadata<string | undefined> }
  hospitals: HospitalOption[]
  /** Set when the invitation already names the hospital. */
  hospitalLocked?: string
}) {
  return (
    <>
      <div className="form-grid">
        <SelectField field={fields.course} label="修了コース" options={toOptions(COURSES)} placeholder="未選択" />
        <TextField field={fields.cohort} label="期" type="number" help="例: 5期なら 5" />
      </div>
      {hospitalLocked ? (
        <p>
          <strong>所属病院:</strong> {hospitalLocked}
          <span className="muted small">（招待時に事務局が設定しました）</span>
        </p>
      ) : (
        <SelectField
          field={fields.hospitalId}
          label="所属病院"
          options={hospitals.map((hospital) => ({ value: hospital.id, label: `${hospital.name}（${hospital.prefecture}）` }))}
          placeholder="未選択（一覧にない場合は事務局へ）"
        />
      )}
    </>
  )
}
