import { parseDocument } from 'yaml'
import type { z } from 'zod'
import {
  type Condition,
  type RuleDocument,
  type RuleFormat,
  ruleDocumentSchema,
} from '../../core/rule.js'

/** One thing wrong with a rule, where `path` names the place (e.g. `when.all[1].signal.minScore`). */
export interface RuleProblem {
  path: string
  message: string
}

export type ParsedRule =
  | { ok: true; document: RuleDocument }
  | { ok: false; problems: RuleProblem[] }

/** Reads a rule written as JSON or YAML and validates it, reporting every problem at once. */
export function parseRuleSource(format: RuleFormat, source: string): ParsedRule {
  const read = format === 'yaml' ? readYaml(source) : readJson(source)
  if (!read.ok) return read
  return validateRuleDocument(read.value)
}

const MAX_DEPTH = 64

export function validateRuleDocument(value: unknown): ParsedRule {
  if (deeperThan(value, MAX_DEPTH)) {
    return { ok: false, problems: [{ path: '(rule)', message: `nests deeper than ${MAX_DEPTH}` }] }
  }
  const parsed = ruleDocumentSchema.safeParse(value)
  if (parsed.success) return { ok: true, document: parsed.data }
  return { ok: false, problems: parsed.error.issues.flatMap(toProblems) }
}

/** Harms the document names that the taxonomy does not know (the taxonomy is configurable). */
export function unknownHarms(
  document: RuleDocument,
  isKnown: (harm: string) => boolean,
): RuleProblem[] {
  const named: { path: PropertyKey[]; harm: string }[] = []
  const visit = (c: Condition, path: PropertyKey[]): void => {
    for (const [i, inner] of (c.all ?? []).entries()) visit(inner, [...path, 'all', i])
    for (const [i, inner] of (c.any ?? []).entries()) visit(inner, [...path, 'any', i])
    if (c.not) visit(c.not, [...path, 'not'])
    if (c.signal?.harm) named.push({ path: [...path, 'signal', 'harm'], harm: c.signal.harm })
  }
  visit(document.when, ['when'])
  if (document.do.harm) named.push({ path: ['do', 'harm'], harm: document.do.harm })
  return named
    .filter(({ harm }) => !isKnown(harm))
    .map(({ path, harm }) => ({
      path: formatPath(path),
      message: `unknown harm "${harm}"; see GET /v1/taxonomy for the list`,
    }))
}

/** "when.all[1].signal: message; do.harm: message" */
export function describeProblems(problems: readonly RuleProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ')
}

/** Guards the recursive schema against documents built to exhaust the stack. */
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false
  if (limit === 0) return true
  return Object.values(value).some((inner) => deeperThan(inner, limit - 1))
}

type Read = { ok: true; value: unknown } | { ok: false; problems: RuleProblem[] }

function readJson(source: string): Read {
  try {
    return { ok: true, value: JSON.parse(source) as unknown }
  } catch (error) {
    return { ok: false, problems: [{ path: '(source)', message: (error as Error).message }] }
  }
}

function readYaml(source: string): Read {
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      path: '(source)',
      message: e.linePos ? `line ${e.linePos[0].line}: ${e.message}` : e.message,
    }))
    return { ok: false, problems }
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 50 }) as unknown }
}

function toProblems(issue: z.core.$ZodIssue): RuleProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: 'is not a known key',
    }))
  }
  return [{ path: formatPath(issue.path), message: issue.message }]
}

/** `['when', 'all', 1, 'signal']` → `when.all[1].signal`; the root is `(rule)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(rule)' : out
}

/** The rule's queue, when the service's policy defines no such queue. */
export function unknownQueue(
  document: RuleDocument,
  isKnown: (queue: string) => boolean,
): RuleProblem[] {
  const queue = document.do.queue
  if (queue === undefined || isKnown(queue)) return []
  return [
    { path: 'do.queue', message: `unknown queue "${queue}"; see GET /v1/queues for the list` },
  ]
}
