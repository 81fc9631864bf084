import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import { DeidentifyHint } from '#app/components/consultations/deidentify-hint.tsx'

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

type FieldShell = {
  label: string
  help?: ReactNode
  required?: boolean
  /** The server's character limit: shown while typing as 「120 / 120字」. */
  maxLength?: number
  /** The live de-identification hint under the field (the server checks again before publishing). */
  deidentify?: boolean
}

/** The count the server applies (the schema's .max counts UTF-16 units after trimming). */
export function CharacterCount({ value, max }: { value: string; max: number }) {
  const length = value.trim().length
  return (
    <p className={`field__count small${length > max ? ' field__count--over' : ''}`} aria-live="polite">
      {length.toLocaleString('ja-JP')} / {max.toLocaleString('ja-JP')}字{length > max ? `（${(length - max).toLocaleString('ja-JP')}字超過）` : ''}
    </p>
  )
}

function Shell({ field, label, help, required, maxLength, deidentify, children }: FieldShell & { field: FieldMetadata<unknown>; children: ReactNode }) {
  const value = typeof field.value === 'string' ? field.value : ''
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label}
        {required ? <span className="field__required">必須</span> : null}
      </label>
      {children}
      {maxLength ? <CharacterCount value={value} max={maxLength} /> : null}
      {help ? (
        <p id={field.descriptionId} className="field__help">
          {help}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
      {deidentify ? <DeidentifyHint fieldId={field.id} label={label} text={value} /> : null}
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
