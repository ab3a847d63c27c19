import { describe, expect, it } from 'vitest'
import {
  euSorFixtures as fixtures,
  euStatementFor as statementFor,
} from '../../test/eu-sor-fixtures.js'
import { EU_SOR_SPECS, validateEuStatement } from './eu-sor.js'

describe('validateEuStatement', () => {
  it('accepts the valid fixture statement', () => {
    expect(validateEuStatement(fixtures.valid)).toEqual([])
  })

  it.each(fixtures.bad.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    expect(validateEuStatement(statementFor(c))).toEqual([
      { field: c.field, rule: c.rule, message: expect.stringContaining(c.message as string) },
    ])
  })

  it.each(fixtures.accepted.map((c) => [c.name, c] as const))('accepts %s', (_name, c) => {
    expect(validateEuStatement(statementFor(c))).toEqual([])
  })

  it('covers every rule kind and every field of the API with a bad case', () => {
    const rules = new Set(fixtures.bad.map((c) => c.rule))
    expect([...rules].sort()).toEqual(
      [
        'date_format',
        'date_max',
        'date_min',
        'date_order',
        'ean13',
        'list',
        'max_length',
        'one_of',
        'pattern',
        'required',
        'required_with',
        'restriction_required',
        'type',
        'unknown_field',
        'url',
      ].sort(),
    )
    const fields = new Set(fixtures.bad.map((c) => c.field?.split('.')[0]))
    const untested = EU_SOR_SPECS.map((s) => s.field).filter((f) => !fields.has(f))
    expect(untested).toEqual([])
  })

  it('reports every problem of a statement at once, in the API field order', () => {
    const problems = validateEuStatement({ puid: 'a b', content_date: '2026-13-01' })
    expect(problems.map((p) => `${p.field}:${p.rule}`)).toEqual([
      'decision_visibility:restriction_required',
      'decision_ground:required',
      'content_type:required',
      'category:required',
      'territorial_scope:required',
      'content_date:date_format',
      'application_date:required',
      'decision_facts:required',
      'source_type:required',
      'automated_detection:required',
      'automated_decision:required',
      'puid:pattern',
    ])
  })

  it('refuses what is not an object, and never quotes free text in a message', () => {
    expect(validateEuStatement([])).toEqual([
      { field: 'statement', rule: 'type', message: expect.stringContaining('JSON object') },
    ])
    const secret = 'call me on jane@example.org'.repeat(200)
    const [problem] = validateEuStatement({ ...fixtures.valid, decision_facts: secret })
    expect(problem?.rule).toBe('max_length')
    expect(problem?.message).not.toContain('jane@example.org')
  })
})
