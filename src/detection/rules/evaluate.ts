import type {
  AuthorPredicate,
  Condition,
  MetadataPredicate,
  Range,
  RuleDocument,
  RuleEffect,
  RuleMode,
  SignalPredicate,
} from '../../core/rule.js'
import type { SignalInput } from '../../core/signal.js'
import type { RuleFacts } from './rule-facts.js'

/** A rule version this process applies: live ones act, shadow ones are only recorded. */
export interface ActiveRule {
  ruleId: string
  name: string
  version: number
  mode: RuleMode
  document: RuleDocument
}

/** A rule that matched, with what it asks for. */
export interface RuleOutcome {
  ruleId: string
  ruleName: string
  version: number
  mode: RuleMode
  effect: RuleEffect
}

export interface RuleEvaluation {
  live: RuleOutcome[]
  shadow: RuleOutcome[]
}

/** Runs every rule over the facts; pure. */
export function evaluateRules(rules: readonly ActiveRule[], facts: RuleFacts): RuleEvaluation {
  const result: RuleEvaluation = { live: [], shadow: [] }
  for (const rule of rules) {
    if (!conditionHolds(rule.document.when, facts)) continue
    result[rule.mode].push({
      ruleId: rule.ruleId,
      ruleName: rule.name,
      version: rule.version,
      mode: rule.mode,
      effect: rule.document.do,
    })
  }
  return result
}

export function conditionHolds(c: Condition, facts: RuleFacts): boolean {
  if (c.all) return c.all.every((inner) => conditionHolds(inner, facts))
  if (c.any) return c.any.some((inner) => conditionHolds(inner, facts))
  if (c.not) return !conditionHolds(c.not, facts)
  if (c.signal) return signalHolds(c.signal, facts.signals)
  if (c.kind) return c.kind.includes(facts.kind)
  if (c.surface) return c.surface.includes(facts.surface)
  if (c.metadata) return metadataHolds(c.metadata, facts.metadata)
  if (c.author) return authorHolds(c.author, facts)
  if (c.has) return c.has.every((fact) => facts.present.has(fact))
  return false
}

/** True for the harm itself and anything below it: `illegal.csea` covers `illegal.csea.grooming`. */
export function harmIsUnder(harm: string, prefix: string): boolean {
  return harm === prefix || harm.startsWith(`${prefix}.`)
}

function signalHolds(p: SignalPredicate, signals: readonly SignalInput[]): boolean {
  let count = 0
  for (const s of signals) {
    if (p.source !== undefined && s.source !== p.source) continue
    if (p.harm !== undefined && !harmIsUnder(s.harm, p.harm)) continue
    if (p.matcher !== undefined && s.matcher !== p.matcher) continue
    if (p.minScore !== undefined && s.score < p.minScore) continue
    count += 1
  }
  return count >= (p.atLeast ?? 1)
}

function inRange(value: number | null | undefined, range: Range): boolean {
  if (value === null || value === undefined) return false
  if (range.gte !== undefined && value < range.gte) return false
  if (range.lte !== undefined && value > range.lte) return false
  return true
}

/** The value at a dotted path in the metadata; undefined when any step is missing. */
export function metadataAt(metadata: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = metadata
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      return undefined
    }
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function metadataHolds(p: MetadataPredicate, metadata: Readonly<Record<string, unknown>>) {
  const value = metadataAt(metadata, p.path)
  const present = value !== undefined && value !== null
  if (p.exists !== undefined && p.exists !== present) return false
  if (p.equals !== undefined && value !== p.equals) return false
  if (p.in !== undefined && !p.in.some((candidate) => candidate === value)) return false
  if (p.gte !== undefined || p.lte !== undefined) {
    return typeof value === 'number' && inRange(value, { gte: p.gte, lte: p.lte })
  }
  return true
}

/** Every author fact named must hold; an unknown fact (no author, no createdAt) never does. */
function authorHolds(p: AuthorPredicate, facts: RuleFacts): boolean {
  const author = facts.author
  if (!author) return false
  if (p.accountAgeDays && !inRange(author.accountAgeDays, p.accountAgeDays)) return false
  if (p.priorRemovals && !inRange(author.priorRemovals, p.priorRemovals)) return false
  if (p.recentSubjects) {
    const { withinHours, ...range } = p.recentSubjects
    if (!inRange(author.recentSubjects[withinHours], range)) return false
  }
  return true
}
