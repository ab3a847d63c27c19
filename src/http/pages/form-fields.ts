import { z } from 'zod'
import type { FormValues } from './form-body.js'
import type { FieldError } from './html.js'

// @NOTE Checks for the public forms' answers, one field at a time, so each problem gets its own
// message beside its field.

export const EMAIL_LIMIT = 320

/** A form as shown: the person's answers and a message beside each problem. */
export interface FormState {
  values: FormValues
  errors: readonly FieldError[]
  /** Shown above the form, e.g. when the reporter must wait before sending again. */
  alert?: string
}

export class ErrorList {
  readonly list: FieldError[] = []
  add(field: string, message: string): void {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message })
  }
  /** The problems in the order the fields appear on the page. */
  ordered(order: readonly string[]): FieldError[] {
    const rank = (field: string) => {
      const i = order.indexOf(field)
      return i === -1 ? order.length : i
    }
    return [...this.list].sort((a, b) => rank(a.field) - rank(b.field))
  }
}

export function text(values: FormValues, name: string): string {
  return (values[name] ?? '').replace(/\r\n/g, '\n').trim()
}

export function ticked(values: FormValues, name: string): boolean {
  return values[name] !== undefined && values[name] !== ''
}

function tooLong(count: number, limit: number): string {
  return `Use ${limit.toLocaleString('en-GB')} characters or fewer (you used ${count.toLocaleString('en-GB')})`
}

/** Checks a free-text answer; empty is allowed unless `required` says what to ask for. */
export function checkText(
  values: FormValues,
  name: string,
  limit: number,
  errors: ErrorList,
  required?: string,
): string {
  const value = text(values, name)
  if (!value && required) errors.add(name, required)
  else if (value.length > limit) errors.add(name, tooLong(value.length, limit))
  return value
}

const emailSchema = z.email().max(EMAIL_LIMIT)

/** True for a whole email address of a usable length. */
export function isEmailAddress(value: string): boolean {
  return emailSchema.safeParse(value).success
}
