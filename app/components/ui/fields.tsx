import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean) ?? []
  if (!list.length) return null
  return (
    <ul id={id} className="error-list" role="alert">
      {list.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  )
}

type FieldShell = { label: string; help?: ReactNode; required?: boolean }

function Shell({ field, label, help, required, children }: FieldShell & { field: FieldMetadata<unknown>; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span className="field__required">必須</span> : null}
      </label>
      {children}
      {help ? (
        <p id={field.descriptionId} className="field__help">
          {help}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'search' | 'url' | 'tel'

export function TextField({
  field,
  type = 'text',
  autoComplete,
  ...shell
}: FieldShell & { field: FieldMetadata<unknown>; type?: InputType; autoComplete?: string }) {
  return (
    <Shell field={field as FieldMetadata<unknown>} {...shell}>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: shell.help ? field.descriptionId : undefined })}
        autoComplete={autoComplete}
        required={shell.required}
      />
    </Shell>
  )
}

export function SelectField({
  field,
  options,
  placeholder = '選択してください',
  ...shell
}: FieldShell & {
  field: FieldMetadata<string | undefined | null>
  options: readonly { value: string; label: string }[]
  placeholder?: string
}) {
  return (
    <Shell field={field as FieldMetadata<unknown>} {...shell}>
      <select {...getSelectProps(field)} required={shell.required}>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  )
}

export function TextareaField({ field, rows = 5, ...shell }: FieldShell & { field: FieldMetadata<string | undefined | null>; rows?: number }) {
  return (
    <Shell field={field as FieldMetadata<unknown>} {...shell}>
      <textarea {...getTextareaProps(field)} rows={rows} />
    </Shell>
  )
}

/** Turns a label record into select options, keeping the record's order. */
export function toOptions(labels: Record<string, string>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }))
}
