import { readFileSync } from 'node:fs'

/** A change to the valid fixture statement (test/fixtures/eu-sor-statements.json). */
export interface EuSorCase {
  name: string
  set?: Record<string, unknown>
  unset?: string[]
  repeat?: { field: string; text: string; times: number }
  field?: string
  rule?: string
  message?: string
}

export const euSorFixtures = JSON.parse(
  readFileSync(new URL('./fixtures/eu-sor-statements.json', import.meta.url), 'utf8'),
) as { valid: Record<string, unknown>; bad: EuSorCase[]; accepted: EuSorCase[] }

/** The valid statement with a case's changes, under `puid` when given. */
export function euStatementFor(c: EuSorCase, puid?: string): Record<string, unknown> {
  const statement: Record<string, unknown> = { ...euSorFixtures.valid, ...c.set }
  for (const field of c.unset ?? []) delete statement[field]
  if (c.repeat) statement[c.repeat.field] = c.repeat.text.repeat(c.repeat.times)
  if (puid !== undefined && !c.unset?.includes('puid') && c.field !== 'puid') statement.puid = puid
  return statement
}
