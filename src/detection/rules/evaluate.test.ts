import { describe, expect, it } from 'vitest'
import type { Condition } from '../../core/rule.js'
import type { SignalInput } from '../../core/signal.js'
import { BacktestTally } from './backtest-tally.js'
import { type ActiveRule, conditionHolds, evaluateRules, metadataAt } from './evaluate.js'
import { actingOutcome, outcomeSignal, routingOverride } from './outcomes.js'
import { validateRuleDocument } from './parse-rule.js'
import { type AuthorFacts, accountAgeDays, buildRuleFacts, type RuleFacts } from './rule-facts.js'
import { authorNeeds, RuleSet } from './rule-set.js'

function signal(overrides: Partial<SignalInput> = {}): SignalInput {
  return {
    source: 'keyword_list',
    harm: 'illegal.harassment.threat_to_life',
    score: 1,
    action: 'review',
    matcher: 'keyword_list',
    evidence: {},
    ...overrides,
  }
}

const author: AuthorFacts = {
  accountAgeDays: 3,
  recentSubjects: { 1: 4, 24: 30 },
  priorRemovals: 2,
}

function facts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return { ...baseFacts(), ...overrides }
}

function baseFacts(): RuleFacts {
  return buildRuleFacts(
    {
      kind: 'text',
      surface: 'public',
      metadata: { community: { id: 'c1', size: 5000, nsfw: false }, lang: 'en' },
      hasText: true,
      hasUrl: false,
      mediaCount: 0,
      authorId: 'user-1',
    },
    [
      signal(),
      signal({ source: 'url_list', harm: 'illegal.fraud', score: 0.6, matcher: 'url_list' }),
    ],
    author,
  )
}

const holds = (c: Condition, f: RuleFacts = facts()) => conditionHolds(c, f)

describe('signal predicates', () => {
  it('match on source, harm prefix at a dot, matcher, score and count', () => {
    expect(holds({ signal: { source: 'url_list' } })).toBe(true)
    expect(holds({ signal: { source: 'hash_match' } })).toBe(false)
    expect(holds({ signal: { harm: 'illegal.harassment' } })).toBe(true)
    expect(holds({ signal: { harm: 'illegal.harass' } })).toBe(false)
    expect(holds({ signal: { harm: 'illegal.fraud', minScore: 0.6 } })).toBe(true)
    expect(holds({ signal: { harm: 'illegal.fraud', minScore: 0.61 } })).toBe(false)
    expect(holds({ signal: { matcher: 'keyword_list' } })).toBe(true)
    expect(holds({ signal: { matcher: 'pdq' } })).toBe(false)
    expect(holds({ signal: { harm: 'illegal', atLeast: 2 } })).toBe(true)
    expect(holds({ signal: { harm: 'illegal', atLeast: 3 } })).toBe(false)
    expect(holds({ signal: {} }, facts({ signals: [] }))).toBe(false)
  })
})

describe('subject predicates', () => {
  it('match kind and surface against a list', () => {
    expect(holds({ kind: ['image', 'text'] })).toBe(true)
    expect(holds({ kind: ['image'] })).toBe(false)
    expect(holds({ surface: ['private', 'group'] })).toBe(false)
    expect(holds({ surface: ['public'] })).toBe(true)
  })

  it('test metadata at a dotted path with equals, in, gte, lte and exists', () => {
    expect(holds({ metadata: { path: 'community.id', equals: 'c1' } })).toBe(true)
    expect(holds({ metadata: { path: 'community.id', equals: 'c2' } })).toBe(false)
    expect(holds({ metadata: { path: 'lang', in: ['de', 'en'] } })).toBe(true)
    expect(holds({ metadata: { path: 'lang', in: ['de'] } })).toBe(false)
    expect(holds({ metadata: { path: 'community.size', gte: 1000, lte: 5000 } })).toBe(true)
    expect(holds({ metadata: { path: 'community.size', gte: 5001 } })).toBe(false)
    expect(holds({ metadata: { path: 'lang', gte: 0 } })).toBe(false)
    expect(holds({ metadata: { path: 'community.nsfw', equals: false } })).toBe(true)
    expect(holds({ metadata: { path: 'community.nsfw', exists: true } })).toBe(true)
    expect(holds({ metadata: { path: 'community.owner', exists: false } })).toBe(true)
    expect(holds({ metadata: { path: 'community.owner', exists: true } })).toBe(false)
    expect(holds({ metadata: { path: 'lang.x', equals: 'en' } })).toBe(false)
  })

  it('does not walk into inherited properties', () => {
    expect(metadataAt({ a: {} }, 'a.constructor')).toBeUndefined()
    expect(metadataAt({ a: { b: [1, 2] } }, 'a.b.1')).toBe(2)
  })

  it('test what is present', () => {
    expect(holds({ has: ['text', 'author'] })).toBe(true)
    expect(holds({ has: ['text', 'url'] })).toBe(false)
    expect(holds({ has: ['media'] })).toBe(false)
  })
})

describe('author predicates', () => {
  it('test account age, recent subjects in a window and prior removals', () => {
    expect(holds({ author: { accountAgeDays: { lte: 7 } } })).toBe(true)
    expect(holds({ author: { accountAgeDays: { gte: 30 } } })).toBe(false)
    expect(holds({ author: { recentSubjects: { withinHours: 24, gte: 30 } } })).toBe(true)
    expect(holds({ author: { recentSubjects: { withinHours: 1, gte: 5 } } })).toBe(false)
    expect(holds({ author: { priorRemovals: { gte: 1 } } })).toBe(true)
    expect(holds({ author: { priorRemovals: { lte: 1 } } })).toBe(false)
  })

  it('needs every fact it names', () => {
    const both = { accountAgeDays: { lte: 7 }, priorRemovals: { gte: 3 } }
    expect(holds({ author: both })).toBe(false)
  })

  it('never holds on an unknown fact: no author, no createdAt, a window not looked up', () => {
    expect(holds({ author: { accountAgeDays: { gte: 0 } } }, facts({ author: null }))).toBe(false)
    const unknownAge = facts({ author: { ...author, accountAgeDays: null } })
    expect(holds({ author: { accountAgeDays: { gte: 0 } } }, unknownAge)).toBe(false)
    expect(holds({ author: { recentSubjects: { withinHours: 2, gte: 0 } } })).toBe(false)
  })

  it('computes account age in days from the creation time', () => {
    const at = new Date('2026-11-22T12:00:00Z')
    expect(accountAgeDays(new Date('2026-11-20T00:00:00Z'), at)).toBe(2.5)
    expect(accountAgeDays(null, at)).toBeNull()
  })
})

describe('all, any and not', () => {
  const yes: Condition = { kind: ['text'] }
  const no: Condition = { kind: ['image'] }
  it('combine tests', () => {
    expect(holds({ all: [yes, yes] })).toBe(true)
    expect(holds({ all: [yes, no] })).toBe(false)
    expect(holds({ any: [no, yes] })).toBe(true)
    expect(holds({ any: [no, no] })).toBe(false)
    expect(holds({ not: no })).toBe(true)
    expect(holds({ not: { all: [yes, { any: [no, { not: yes }] }] } })).toBe(true)
  })
})

/** A rule as it would be written: the input shape, validated. */
function rule(name: string, mode: ActiveRule['mode'], doc: Record<string, unknown>): ActiveRule {
  const parsed = validateRuleDocument({ name, when: { kind: 'text' }, do: { priority: 1 }, ...doc })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return { ruleId: `id-${name}`, name, version: 2, mode, document: parsed.document }
}

const action = {
  type: 'remove' as const,
  ground: { type: 'terms' as const, clause: '4.2', version: '2026-01' },
  statement: 'Removed.',
}

describe('evaluateRules', () => {
  it('separates live from shadow outcomes and leaves out rules that do not match', () => {
    const rules = [
      rule('live-hit', 'live', { do: { verdict: 'hold', harm: 'illegal.fraud' } }),
      rule('shadow-hit', 'shadow', { do: { verdict: 'block', harm: 'illegal.fraud' } }),
      rule('live-miss', 'live', {
        when: { kind: 'image' },
        do: { verdict: 'block', harm: 'illegal.fraud' },
      }),
    ]
    const { live, shadow } = evaluateRules(rules, facts())
    expect(live.map((o) => o.ruleName)).toEqual(['live-hit'])
    expect(shadow.map((o) => o.ruleName)).toEqual(['shadow-hit'])
    expect(shadow[0]).toMatchObject({ ruleId: 'id-shadow-hit', version: 2, mode: 'shadow' })
  })

  it('turns an outcome with a verdict into a rule signal, and one without into none', () => {
    const [hit] = evaluateRules(
      [rule('r1', 'live', { do: { verdict: 'hold', harm: 'illegal.fraud' } })],
      facts(),
    ).live
    expect(outcomeSignal(hit as never)).toEqual({
      source: 'rule',
      harm: 'illegal.fraud',
      score: 1,
      action: 'hold',
      matcher: 'rule:r1',
      evidence: { ruleId: 'id-r1', rule: 'r1', version: 2 },
    })
    const [routing] = evaluateRules(
      [rule('r2', 'live', { do: { queue: 'general' } })],
      facts(),
    ).live
    expect(outcomeSignal(routing as never)).toBeUndefined()
  })

  it('asks for the most urgent queue and the highest priority of the live outcomes', () => {
    const { live } = evaluateRules(
      [
        rule('a1', 'live', { do: { queue: 'general', priority: 700 } }),
        rule('b1', 'live', { do: { queue: 'terrorism', priority: 300 } }),
        rule('c1', 'live', { do: { verdict: 'review', harm: 'illegal.fraud' } }),
      ],
      facts(),
    )
    expect(routingOverride(live)).toEqual({ queue: 'terrorism', priority: 700 })
    expect(routingOverride(live.slice(2))).toBeUndefined()
  })

  it('takes one automatic action: the strictest verdict, then the first name', () => {
    const { live } = evaluateRules(
      [
        rule('b-review', 'live', { do: { verdict: 'review', harm: 'illegal.fraud', action } }),
        rule('c-block', 'live', { do: { verdict: 'block', harm: 'illegal.fraud', action } }),
        rule('a-block', 'live', { do: { verdict: 'block', harm: 'illegal.hate', action } }),
        rule('d-plain', 'live', { do: { verdict: 'block', harm: 'illegal.fraud' } }),
      ],
      facts(),
    )
    expect(actingOutcome(live)?.ruleName).toBe('a-block')
    expect(actingOutcome(live.filter((o) => !o.effect.action))).toBeUndefined()
  })
})

describe('RuleSet', () => {
  it('holds the rules and the author facts they need', () => {
    const set = new RuleSet()
    expect(set.revision).toBe(-1)
    set.load(
      [
        rule('w1', 'live', {
          when: { not: { author: { recentSubjects: { withinHours: 24, gte: 5 } } } },
        }),
        rule('w2', 'shadow', {
          when: {
            any: [{ author: { recentSubjects: { withinHours: 1, gte: 2 } } }, { kind: 'text' }],
          },
        }),
      ],
      7,
    )
    expect(set.revision).toBe(7)
    expect(set.rules).toHaveLength(2)
    expect(set.authorNeeds).toEqual({ windows: [1, 24], priorRemovals: false })
  })

  it('asks for no lookup when only account age is used', () => {
    expect(authorNeeds([{ author: { accountAgeDays: { lte: 1 } } }])).toEqual({
      windows: [],
      priorRemovals: false,
    })
    expect(authorNeeds([{ all: [{ author: { priorRemovals: { gte: 1 } } }] }]).priorRemovals).toBe(
      true,
    )
  })
})

describe('BacktestTally', () => {
  it('counts the buckets and divides precision and recall, leaving undecided subjects out', () => {
    const tally = new BacktestTally(2)
    const rows: [boolean, 'positive' | 'negative' | null][] = [
      [true, 'positive'],
      [true, 'positive'],
      [true, 'positive'],
      [true, 'negative'],
      [false, 'positive'],
      [false, 'negative'],
      [false, 'negative'],
      [true, null],
      [false, null],
    ]
    for (const [i, [matched, label]] of rows.entries()) tally.add(`s${i}`, matched, label)
    const score = tally.score()
    expect(score.counts).toEqual({ tp: 3, fp: 1, fn: 1, tn: 2 })
    expect(score.precision).toBe(0.75)
    expect(score.recall).toBe(0.75)
    expect(score).toMatchObject({ subjects: 9, matched: 5, undecided: { subjects: 2, matched: 1 } })
    expect(score.examples).toEqual({ tp: ['s0', 's1'], fp: ['s3'], fn: ['s4'], tn: ['s5', 's6'] })
  })

  it('gives no precision or recall when there is nothing to divide by', () => {
    const tally = new BacktestTally()
    tally.add('s1', false, 'negative')
    expect(tally.score()).toMatchObject({ precision: null, recall: null })
  })
})
