import type { FastifyInstance } from 'fastify'

/** A posted form: each field's value as text (the first one when a name repeats). */
export type FormValues = Record<string, string>

/** Parses application/x-www-form-urlencoded bodies, for the public pages' plugins only. */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const values: FormValues = {}
      for (const [name, value] of new URLSearchParams(body as string)) {
        if (!(name in values)) values[name] = value
      }
      done(null, values)
    },
  )
}

/** The form values of a request body, or none when it was not a form. */
export function formValues(body: unknown): FormValues {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {}
  const values: FormValues = {}
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') values[name] = value
  }
  return values
}

/** One value of a parsed query string or form, when it is text. */
export function textParam(values: unknown, name: string): string | undefined {
  const value = (values as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}
