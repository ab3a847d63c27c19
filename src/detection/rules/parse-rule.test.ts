import { describe, expect, it } from 'vitest'
import { buildTaxonomy } from '../../core/taxonomy.js'
import {
  parseRuleSource,
  type RuleProblem,
  unknownHarms,
  validateRuleDocument,
} from './parse-rule.js'

const YAML_RULE = `
name: new-account-scam-links
description: Scam links from accounts younger than a week
when:
  all:
    - signal: { source: url_list, harm: illegal.fraud, minScore: 0.5 }
    - author: { accountAgeDays: { lte: 7 } }
    - any:
        - surface: public
        - metadata: { path: community.size, gte: 1000 }
    - not: { kind: [profile, account] }
    - has: url
do:
  verdict: hold
  harm: illegal.fraud
  queue: trusted_flaggers
  priority: 450
  action:
    type: remove
    ground: { type: terms, clause: "4.2 Scams", version: "2026-01" }
    statement: Removed automatically as a scam link from a new account.
`

const JSON_RULE = JSON.stringify({
  name: 'new-account-scam-links',
  description: 'Scam links from accounts younger than a week',
  when: {
    all: [
      { signal: { source: 'url_list', harm: 'illegal.fraud', minScore: 0.5 } },
      { author: { accountAgeDays: { lte: 7 } } },
      { any: [{ surface: ['public'] }, { metadata: { path: 'community.size', gte: 1000 } }] },
      { not: { kind: ['profile', 'account'] } },
      { has: ['url'] },
    ],
  },
  do: {
    verdict: 'hold',
    harm: 'illegal.fraud',
    queue: 'trusted_flaggers',
    priority: 450,
    action: {
      type: 'remove',
      ground: { type: 'terms', clause: '4.2 Scams', version: '2026-01' },
      statement: 'Removed automatically as a scam link from a new account.',
    },
  },
})

function problems(document: unknown): RuleProblem[] {
  const parsed = validateRuleDocument(document)
  if (parsed.ok) throw new Error('expected the rule to be refused')
  return parsed.problems
}

const valid = { name: 'ok-rule', when: { kind: 'text' }, do: { priority: 300 } }

describe('parseRuleSource', () => {
  it('reads the same document from YAML and from JSON', () => {
    const yaml = parseRuleSource('yaml', YAML_RULE)
    const json = parseRuleSource('json', JSON_RULE)
    expect(yaml.ok).toBe(true)
    expect(yaml).toEqual(json)
  })

  it('reads a single kind, surface or presence as a list of one', () => {
    const parsed = parseRuleSource('yaml', YAML_RULE)
    if (!parsed.ok) throw new Error('expected a valid rule')
    const all = parsed.document.when.all ?? []
    expect(all[2]?.any?.[0]).toEqual({ surface: ['public'] })
    expect(all[4]).toEqual({ has: ['url'] })
  })

  it('reports YAML and JSON syntax errors at (source)', () => {
    const yaml = parseRuleSource('yaml', 'name: [unclosed\nwhen: {')
    expect(yaml.ok).toBe(false)
    if (!yaml.ok) expect(yaml.problems[0]).toMatchObject({ path: '(source)' })
    const json = parseRuleSource('json', '{"name": ')
    expect(json.ok).toBe(false)
    if (!json.ok) expect(json.problems[0]?.path).toBe('(source)')
  })

  it('refuses a document nested deep enough to exhaust the stack', () => {
    const deep = `${'{"not":'.repeat(5000)}{"kind":"text"}${'}'.repeat(5000)}`
    const parsed = parseRuleSource('json', `{"name":"deep","do":{"priority":1},"when":${deep}}`)
    expect(parsed).toEqual({
      ok: false,
      problems: [{ path: '(rule)', message: 'nests deeper than 64' }],
    })
  })

  it('refuses duplicate keys in YAML', () => {
    const parsed = parseRuleSource(
      'yaml',
      'name: a1\nname: a2\nwhen: { kind: text }\ndo: { priority: 1 }',
    )
    expect(parsed.ok).toBe(false)
  })
})

describe('validateRuleDocument reports every problem with its path', () => {
  it('accepts a minimal rule', () => {
    expect(validateRuleDocument(valid).ok).toBe(true)
  })

  it('names missing top-level keys', () => {
    expect(problems({ name: 'x1' }).map((p) => p.path)).toEqual(['when', 'do'])
  })

  it('names a bad rule name', () => {
    expect(problems({ ...valid, name: 'Has Spaces' })[0]).toMatchObject({
      path: 'name',
      message: expect.stringContaining('lowercase'),
    })
  })

  it('names an unknown key at its place', () => {
    const found = problems({ ...valid, when: { all: [{ kind: 'text' }, { sigal: {} }] } })
    expect(found).toContainEqual({ path: 'when.all[1].sigal', message: 'is not a known key' })
  })

  it('names a condition with two tests or none', () => {
    const two = problems({ ...valid, when: { kind: 'text', surface: 'public' } })
    expect(two[0]).toMatchObject({ path: 'when', message: expect.stringContaining('exactly one') })
    const none = problems({ ...valid, when: { any: [{}] } })
    expect(none[0]).toMatchObject({
      path: 'when.any[0]',
      message: expect.stringContaining('exactly one'),
    })
  })

  it('names an empty all or any', () => {
    expect(problems({ ...valid, when: { all: [] } })[0]?.path).toBe('when.all')
  })

  it('names a bad signal predicate field', () => {
    const found = problems({
      ...valid,
      when: { not: { signal: { minScore: 2, source: 'user_report', harm: 'Not A Harm' } } },
    })
    expect(found.map((p) => p.path).sort()).toEqual([
      'when.not.signal.harm',
      'when.not.signal.minScore',
      'when.not.signal.source',
    ])
    expect(found.find((p) => p.path.endsWith('source'))?.message).toContain(
      'detection signals only',
    )
  })

  it('names an unknown kind inside a list', () => {
    expect(problems({ ...valid, when: { kind: ['text', 'tweet'] } })[0]?.path).toBe('when.kind[1]')
  })

  it('names a metadata test without a test, or with a bad path', () => {
    expect(problems({ ...valid, when: { metadata: { path: 'a.b' } } })[0]).toMatchObject({
      path: 'when.metadata',
      message: 'give equals, in, gte, lte or exists',
    })
    expect(
      problems({ ...valid, when: { metadata: { path: 'a..b', exists: true } } })[0]?.path,
    ).toBe('when.metadata.path')
  })

  it('names author tests that are empty or out of range', () => {
    expect(problems({ ...valid, when: { author: {} } })[0]?.path).toBe('when.author')
    const window = problems({
      ...valid,
      when: { author: { recentSubjects: { withinHours: 0, gte: 3 } } },
    })
    expect(window[0]?.path).toBe('when.author.recentSubjects.withinHours')
    const range = problems({ ...valid, when: { author: { priorRemovals: {} } } })
    expect(range[0]).toMatchObject({
      path: 'when.author.priorRemovals',
      message: 'give gte, lte or both',
    })
  })

  it('names a `do` that does nothing, lacks a harm, or acts without a verdict', () => {
    expect(problems({ ...valid, do: {} })[0]).toMatchObject({ path: 'do' })
    expect(problems({ ...valid, do: { verdict: 'block' } })[0]).toMatchObject({ path: 'do.harm' })
    const action = {
      type: 'remove',
      ground: { type: 'terms', clause: '1', version: '1' },
      statement: 'Gone.',
    }
    const acting = problems({ ...valid, do: { harm: 'illegal.fraud', action } })
    expect(acting[0]).toMatchObject({
      path: 'do.action',
      message: expect.stringContaining('verdict'),
    })
  })

  it('names a bad verdict, queue, priority and automatic action', () => {
    const found = problems({
      ...valid,
      do: {
        verdict: 'allow',
        harm: 'illegal.fraud',
        queue: 'No Where!',
        priority: 5000,
        action: { type: 'restore', ground: { type: 'terms' }, statement: '' },
      },
    })
    expect(found.map((p) => p.path).sort()).toEqual([
      'do.action.ground.clause',
      'do.action.ground.version',
      'do.action.statement',
      'do.action.type',
      'do.priority',
      'do.queue',
      'do.verdict',
    ])
  })
})

describe('unknownHarms', () => {
  const taxonomy = buildTaxonomy()
  it('names harms the taxonomy does not know, wherever they are', () => {
    const parsed = validateRuleDocument({
      name: 'harms',
      when: {
        any: [{ signal: { harm: 'illegal.csea' } }, { not: { signal: { harm: 'illegal.nope' } } }],
      },
      do: { verdict: 'review', harm: 'terms.nope' },
    })
    if (!parsed.ok) throw new Error('expected a valid document')
    expect(unknownHarms(parsed.document, (id) => taxonomy.has(id))).toEqual([
      { path: 'when.any[1].not.signal.harm', message: expect.stringContaining('"illegal.nope"') },
      { path: 'do.harm', message: expect.stringContaining('"terms.nope"') },
    ])
  })
})
