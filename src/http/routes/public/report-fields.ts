import { createHash } from 'node:crypto'
import { z } from 'zod'
import { SUBJECT_KINDS, SURFACES, type SubjectKind, type Surface } from '../../../core/subject.js'
import type { FormValues } from '../../pages/form-body.js'
import { checkText, type ErrorList, isEmailAddress, text } from '../../pages/form-fields.js'

// @NOTE The "what and where" and contact answers of the two report forms. Limits match the
// API's (reportInputSchema) so a form that passes here passes there.

export const LIMITS = { explanation: 4000, where: 500, name: 200, urls: 20, url: 2000 }

const webAddress = z.url({ protocol: /^https?$/ }).max(LIMITS.url)

/** One web address a line; each must be a whole http(s) address. */
export function checkUrls(values: FormValues, errors: ErrorList): string[] {
  const urls = text(values, 'urls')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  if (urls.length > LIMITS.urls) {
    errors.add('urls', `Enter ${LIMITS.urls} web addresses or fewer, one on each line`)
  }
  const bad = urls.find((url) => !webAddress.safeParse(url).success)
  if (bad !== undefined) {
    const shown = bad.length > 60 ? `${bad.slice(0, 60)}…` : bad
    errors.add(
      'urls',
      bad.length > LIMITS.url
        ? 'A web address is too long. Copy it again from your browser'
        : `"${shown}" is not a full web address. Copy it from your browser: it starts with https://`,
    )
  }
  return urls
}

export interface Location {
  subjectId: string
  kind: SubjectKind
  surface: Surface
  urls: string[]
  where: string
}

export function asKind(value: string | undefined): SubjectKind | undefined {
  return SUBJECT_KINDS.find((k) => k === value)
}

export function asSurface(value: string | undefined): Surface | undefined {
  return SURFACES.find((s) => s === value)
}

/** A platform id passed by the platform's report button, if it is a usable one. */
export function asSubjectId(value: string | undefined): string | undefined {
  const id = value?.trim()
  return id && id.length <= 200 ? id : undefined
}

/**
 * Where the content is: the platform's id when its report button passed one, else the first
 * web address, else (a private message with no address) a fresh id of its own.
 */
function subjectIdFor(given: string | undefined, urls: readonly string[]): string {
  if (given) return given
  const first = urls[0]
  if (!first) return `page:${crypto.randomUUID()}`
  const key = `url:${first}`
  return key.length <= 200 ? key : `url:sha256:${createHash('sha256').update(first).digest('hex')}`
}

/** The "where is it" answers shared by both report forms. */
export function checkLocation(
  values: FormValues,
  errors: ErrorList,
  defaultKind?: SubjectKind,
): Location {
  const subjectId = asSubjectId(values.subject)
  const surface = asSurface(values.surface)
  if (!surface) errors.add('surface', 'Choose where you saw it')
  const kind = asKind(values.kind) ?? defaultKind
  if (!kind) errors.add('kind', 'Choose what you are reporting')
  const urls = checkUrls(values, errors)
  const where = checkText(values, 'where', LIMITS.where, errors)
  const private_ = surface === 'private' || surface === 'group'
  if (!subjectId && urls.length === 0 && !errors.list.some((e) => e.field === 'urls')) {
    if (!private_) errors.add('urls', 'Enter the web address (link) of what you are reporting')
    else if (!where) errors.add('where', 'Tell us where to find it, like who sent it and when')
  }
  return {
    subjectId: subjectIdFor(subjectId, urls),
    kind: kind ?? 'text',
    surface: surface ?? 'public',
    urls,
    where,
  }
}

/** Name and email; both needed unless `optional` (child sexual abuse, DSA Art. 16(2)(c)). */
export function checkContact(
  values: FormValues,
  errors: ErrorList,
  optional: boolean,
): { name?: string; email?: string } {
  const name = checkText(
    values,
    'name',
    LIMITS.name,
    errors,
    optional ? undefined : 'Enter your name',
  )
  const email = text(values, 'email')
  if (!email && !optional) errors.add('email', 'Enter your email address, like name@example.com')
  else if (email && !isEmailAddress(email)) {
    errors.add('email', 'Enter a real email address, like name@example.com')
  }
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) }
}

/** What the moderator reads: the reporter's words, then where to find the content. */
export function explanationWith(explanation: string, where: string): string {
  return where ? `${explanation}\n\nWhere to find it: ${where}` : explanation
}
