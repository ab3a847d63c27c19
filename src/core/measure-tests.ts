import { atLeast, type RiskLevel, type RiskLevels, type ServiceProfile } from './risk-assessment.js'
import { CHILDREN_KINDS, RISK_KINDS, riskKind } from './risk-kinds.js'

// @NOTE The definitions of the Codes (§5, quoted in research/regulation.md §1) and small helpers
// that word each application test, so every measure says why it applies or does not.

/** "Large": more than 7 million monthly active UK users. */
export const LARGE_USERS = 7_000_000
/** The user threshold of C9, C10 and C14 only. */
export const C9_C10_C14_USERS = 700_000

export interface MeasureFacts {
  profile: ServiceProfile
  levels: RiskLevels
  large: boolean
  multiRisk: boolean
  /** The counted kinds (rows 1–18, not 2A–2C) at medium or high risk, as labels. */
  multiRiskKinds: string[]
}

export interface TestResult {
  applies: 'yes' | 'no' | 'unknown'
  reason: string
}

export function yes(why: string): TestResult {
  return { applies: 'yes', reason: `applies: ${why}` }
}

export function no(why: string): TestResult {
  return { applies: 'no', reason: `does not apply: ${why}` }
}

export function toCheck(why: string): TestResult {
  return { applies: 'unknown', reason: `to check: ${why}` }
}

export function count(n: number): string {
  return n.toLocaleString('en-GB')
}

/**
 * Multi-risk: medium or high risk of 2 or more kinds of harm, counting CSEA once by its own
 * row (2) and never its sub-kinds 2A–2C (grooming, image-based CSAM, CSAM URLs) as kinds of
 * their own; non-priority illegal content is not a row of the table and is not counted.
 */
export function factsOf(profile: ServiceProfile, levels: RiskLevels): MeasureFacts {
  const multiRiskKinds = RISK_KINDS.filter(
    (k) => k.countsForMultiRisk && atLeast(levels[k.id] ?? 'negligible', 'medium'),
  ).map((k) => k.label)
  return {
    profile,
    levels,
    large: profile.monthlyUkUsers > LARGE_USERS,
    multiRisk: multiRiskKinds.length >= 2,
    multiRiskKinds,
  }
}

export function largeWords(f: MeasureFacts): string {
  const users = count(f.profile.monthlyUkUsers)
  return f.large
    ? `large (${users} > ${count(LARGE_USERS)} monthly UK users)`
    : `not large (${users} ≤ ${count(LARGE_USERS)} monthly UK users)`
}

export function multiRiskWords(f: MeasureFacts): string {
  const n = f.multiRiskKinds.length
  const listed = n === 0 ? 'none' : f.multiRiskKinds.join(', ')
  return f.multiRisk
    ? `multi-risk (medium or high risk of ${n} kinds: ${listed})`
    : `not multi-risk (medium or high risk of ${n} kind${n === 1 ? '' : 's'}: ${listed}; 2 needed, CSEA sub-kinds 2A–2C not counted)`
}

export function over700k(f: MeasureFacts): boolean {
  return f.profile.monthlyUkUsers > C9_C10_C14_USERS
}

export function usersWords(f: MeasureFacts): string {
  const users = count(f.profile.monthlyUkUsers)
  return over700k(f)
    ? `${users} > ${count(C9_C10_C14_USERS)} monthly UK users`
    : `${users} ≤ ${count(C9_C10_C14_USERS)} monthly UK users`
}

export function levelOf(f: MeasureFacts, kind: string): RiskLevel {
  return f.levels[kind] ?? 'negligible'
}

/** "image-based CSAM risk high" (the kind's label, lower-cased after any "CSEA: "). */
export function levelWords(f: MeasureFacts, kind: string): string {
  const label = (riskKind(kind)?.label ?? kind).replace(/^CSEA: /, '')
  return `${label} risk ${levelOf(f, kind)}`
}

export function fileSharing(f: MeasureFacts): boolean {
  return f.profile.serviceTypes.includes('file_sharing')
}

export function largeOrMultiRisk(f: MeasureFacts): TestResult {
  if (f.large) return yes(largeWords(f))
  if (f.multiRisk) return yes(multiRiskWords(f))
  return no(`${largeWords(f)} and ${multiRiskWords(f)}`)
}

/** The priority kinds (sub-kinds included) at medium or high risk. */
export function mediumOrHighKinds(f: MeasureFacts): string[] {
  return RISK_KINDS.filter((k) => k.required && atLeast(levelOf(f, k.id), 'medium')).map(
    (k) => k.label,
  )
}

/** "Large or medium/high risk of any harm" (D4, D6; with children, D3, D5). */
export function largeOrAnyMediumHigh(f: MeasureFacts): TestResult {
  if (f.large) return yes(largeWords(f))
  const kinds = mediumOrHighKinds(f)
  if (kinds.length > 0) return yes(`medium or high risk of ${kinds.join(', ')}`)
  return no(`${largeWords(f)} and no kind of illegal harm at medium or high risk`)
}

/** Children's kinds at medium or high risk; undefined when no children's levels are recorded. */
export function childrenMediumHigh(f: MeasureFacts, prefix = ''): string[] | undefined {
  const levels = f.profile.children.levels
  if (!levels) return undefined
  return CHILDREN_KINDS.filter(
    (k) => k.startsWith(prefix) && atLeast(levels[k] ?? 'negligible', 'medium'),
  )
}

export const NO_CHILDREN_LEVELS =
  'record the levels of the children’s risk assessment (profile.children.levels) to decide it'

export type Impl = 'SW' | 'SW+' | 'GOV' | 'GOV/SW+' | 'SW+/GOV' | 'GOV (SW+ audit log)' | '—'

/** When a measure binds: in force (the default), from a date, a draft, or not in force. */
export type Stage =
  | { kind: 'in_force' }
  | { kind: 'from'; date: string }
  | { kind: 'draft'; note: string }
  | { kind: 'not_in_force' }

/** One row of a Code's table, as research/regulation.md gives it, with its application test. */
export interface MeasureRow {
  code: 'ICU' | 'PCU'
  id: string
  measure: string
  /** The "Applies to" cell, word for word. */
  appliesTo: string
  impl: Impl
  /** ⚠ in research/regulation.md: not checked against the primary text. */
  unverified?: boolean
  optional?: boolean
  stage?: Stage
  /** Kinds whose level the test reads; unassessed ones make the answer "to check". */
  needs?: readonly string[]
  test(f: MeasureFacts): TestResult
}

/** Builds a row; `extra` carries the optional fields. */
export function row(
  code: MeasureRow['code'],
  id: string,
  measure: string,
  appliesTo: string,
  impl: Impl,
  test: MeasureRow['test'],
  extra: Partial<Pick<MeasureRow, 'unverified' | 'optional' | 'stage' | 'needs'>> = {},
): MeasureRow {
  return { code, id, measure, appliesTo, impl, test, ...extra }
}

/** A row's arguments after its code. */
export type RowArgs = Parameters<typeof row> extends [unknown, ...infer R] ? R : never

export function all(): TestResult {
  return yes('all services')
}
