import { EU_SOR_LIMITS, type FieldSpec, type Statement } from './eu-sor-fields.js'

// @NOTE The checks behind validateEuStatement (core/eu-sor.ts), one per kind of field.

export type EuSorRule =
  | 'required'
  | 'required_with'
  | 'restriction_required'
  | 'type'
  | 'list'
  | 'one_of'
  | 'max_length'
  | 'pattern'
  | 'url'
  | 'date_format'
  | 'date_min'
  | 'date_max'
  | 'date_order'
  | 'ean13'
  | 'unknown_field'

/** One broken rule: the field, the rule, and what to do about it. */
export interface EuSorProblem {
  field: string
  rule: EuSorRule
  message: string
}

/** `puid`: letters, digits, `-` and `_` only. */
export const EU_SOR_PUID_PATTERN = /^[a-zA-Z0-9_-]+$/

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function checkText(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const { field } = spec
  if (typeof value !== 'string') return [problem(field, 'type', `${field} must be text`)]
  const length = [...value].length
  const max = spec.max ?? Number.POSITIVE_INFINITY
  if (length > max) {
    return [
      problem(
        field,
        'max_length',
        `${field} is ${length} characters long; the limit is ${max}: shorten it`,
      ),
    ]
  }
  if (field === 'puid' && !EU_SOR_PUID_PATTERN.test(value)) {
    return [
      problem(
        field,
        'pattern',
        `puid ${quote(value)} may hold only letters a-z and A-Z, digits, "-" and "_" ` +
          '(no spaces, new lines or other characters)',
      ),
    ]
  }
  return []
}

export function checkEnum(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const values = spec.values ?? []
  if (typeof value === 'string' && values.includes(value)) return []
  const upper = typeof value === 'string' ? value.toUpperCase() : undefined
  const hint =
    upper && values.includes(upper) ? `; codes are upper case: write ${quote(upper)}` : ''
  return [
    problem(
      spec.field,
      'one_of',
      `${spec.field} must be ${choices(values)}${hint}; got ${quote(value)}`,
    ),
  ]
}

export function checkList(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const { field } = spec
  if (!Array.isArray(value)) {
    return [problem(field, 'list', `${field} must be a list (a JSON array) of ${spec.what}`)]
  }
  const values = spec.values ?? []
  const wrong = value.filter((item) => typeof item !== 'string' || !values.includes(item))
  if (wrong.length === 0) return []
  const got = wrong.map(quote).join(', ')
  return [problem(field, 'one_of', `every item of ${field} must be ${choices(values)}; got ${got}`)]
}

export function checkDate(spec: FieldSpec, value: unknown, s: Statement): EuSorProblem[] {
  const { field } = spec
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    const got = quote(value)
    const message = `${field} must be a date written YYYY-MM-DD, e.g. 2025-07-01; got ${got}`
    return [problem(field, 'date_format', message)]
  }
  if (spec.min && value < spec.min) {
    const message = `${field} is ${value}; the Transparency Database accepts ${spec.min} or later`
    return [problem(field, 'date_min', message)]
  }
  if (value > EU_SOR_LIMITS.latestDate) {
    const message = `${field} is ${value}; the Transparency Database accepts dates up to ${EU_SOR_LIMITS.latestDate}`
    return [problem(field, 'date_max', message)]
  }
  const start = s.application_date
  if (
    field.startsWith('end_date_') &&
    typeof start === 'string' &&
    isCalendarDate(start) &&
    value < start
  ) {
    const message = `${field} (${value}) is before application_date (${start}): a restriction cannot end before it starts`
    return [problem(field, 'date_order', message)]
  }
  return []
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function checkUrl(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const { field } = spec
  const max = spec.max ?? Number.POSITIVE_INFINITY
  if (typeof value === 'string' && [...value].length > max) {
    return [problem(field, 'max_length', `${field} is longer than ${max} characters: shorten it`)]
  }
  if (typeof value === 'string' && URL.canParse(value)) {
    const url = new URL(value)
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')) {
      return []
    }
  }
  return [
    problem(field, 'url', `${field} must be a full web address such as https://example.com/terms`),
  ]
}

export function checkContentId(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const { field } = spec
  const shape = `${field} must be an object {"EAN-13": "<13 digits>"}`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [problem(field, 'type', shape)]
  }
  const keys = Object.keys(value)
  if (keys.some((key) => key !== 'EAN-13')) {
    return [problem(field, 'unknown_field', `${shape}: EAN-13 is the only key the API accepts`)]
  }
  const ean = (value as Record<string, unknown>)['EAN-13']
  if (ean === undefined || (typeof ean === 'string' && /^[0-9]{13}$/.test(ean))) return []
  return [
    problem(
      `${field}.EAN-13`,
      'ean13',
      `${field}.EAN-13 must be exactly 13 digits, as text; got ${quote(ean)}`,
    ),
  ]
}

function choices(values: readonly string[]): string {
  return values.length <= 8
    ? `one of ${values.join(', ')}`
    : `one of the ${values.length} codes the Transparency Database lists (see docs/eu-transparency-database.md)`
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

export function problem(field: string, rule: EuSorRule, message: string): EuSorProblem {
  return { field, rule, message }
}
