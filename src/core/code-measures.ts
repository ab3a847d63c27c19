import { ICU_MEASURES } from './code-measures-icu.js'
import { PCU_MEASURES } from './code-measures-pcu.js'
import {
  factsOf,
  type Impl,
  largeWords,
  type MeasureFacts,
  type MeasureRow,
  multiRiskWords,
  type Stage,
} from './measure-tests.js'
import type { RiskLevels, ServiceProfile } from './risk-assessment.js'
import { riskKind } from './risk-kinds.js'

export { ICU_MEASURES } from './code-measures-icu.js'
export { PCU_MEASURES } from './code-measures-pcu.js'
export { LARGE_USERS, type MeasureRow, type Stage } from './measure-tests.js'

/** A measure of a Code with the answer to its application test for one service. */
export interface MeasureApplication {
  code: 'ICU' | 'PCU'
  id: string
  measure: string
  appliesTo: string
  impl: Impl
  /** ⚠: the row was not checked against the primary text (research/regulation.md). */
  unverified: boolean
  optional: boolean
  stage: 'in_force' | 'not_yet_in_force' | 'draft' | 'not_in_force'
  /** Words for the stage, e.g. "in force from 2026-09-30" or "draft, laid 18 Jun 2026". */
  stageNote: string | null
  applies: 'yes' | 'no' | 'unknown'
  /** "applies: large (8,000,000 > 7,000,000 monthly UK users)". */
  reason: string
  /** The service must follow it (or record an alternative): it applies, binds now, is not optional. */
  owed: boolean
}

export interface MeasureApplicability {
  /** The day the tests were answered for (YYYY-MM-DD): measures in force from a date depend on it. */
  on: string
  large: { value: boolean; reason: string }
  multiRisk: { value: boolean; kinds: string[]; reason: string }
  childrenLikely: boolean
  measures: MeasureApplication[]
}

function stageOf(
  stage: Stage | undefined,
  on: string,
): Pick<MeasureApplication, 'stage' | 'stageNote'> {
  if (!stage || stage.kind === 'in_force') return { stage: 'in_force', stageNote: null }
  if (stage.kind === 'draft')
    return { stage: 'draft', stageNote: `draft, ${stage.note}; not in force` }
  if (stage.kind === 'not_in_force') return { stage: 'not_in_force', stageNote: 'not in force' }
  return on >= stage.date
    ? { stage: 'in_force', stageNote: `in force from ${stage.date}` }
    : { stage: 'not_yet_in_force', stageNote: `in force from ${stage.date}; not yet on ${on}` }
}

function answer(
  row: MeasureRow,
  facts: MeasureFacts,
): Pick<MeasureApplication, 'applies' | 'reason'> {
  const unassessed = (row.needs ?? []).filter((kind) => facts.levels[kind] === undefined)
  if (unassessed.length > 0) {
    const names = unassessed.map((k) => riskKind(k)?.label ?? k).join(', ')
    return { applies: 'unknown', reason: `to check: not assessed: ${names}` }
  }
  return row.test(facts)
}

function apply(row: MeasureRow, facts: MeasureFacts, on: string): MeasureApplication {
  const { applies, reason } = answer(row, facts)
  const stage = stageOf(row.stage, on)
  return {
    code: row.code,
    id: row.id,
    measure: row.measure,
    appliesTo: row.appliesTo,
    impl: row.impl,
    unverified: row.unverified ?? false,
    optional: row.optional ?? false,
    ...stage,
    applies,
    reason,
    owed: applies === 'yes' && stage.stage === 'in_force' && !row.optional,
  }
}

/**
 * Which measures of the ICU Code (and of the PCU Code when children are likely to access the
 * service) apply to a service with this profile and these risk levels, on the day `on`, each
 * with its reason in words. Pure: the same inputs always give the same matrix.
 */
export function applicableMeasures(
  profile: ServiceProfile,
  levels: RiskLevels,
  on: string,
): MeasureApplicability {
  const facts = factsOf(profile, levels)
  const childrenLikely = profile.children.likelyToAccess
  const rows = childrenLikely ? [...ICU_MEASURES, ...PCU_MEASURES] : ICU_MEASURES
  return {
    on,
    large: { value: facts.large, reason: largeWords(facts) },
    multiRisk: {
      value: facts.multiRisk,
      kinds: facts.multiRiskKinds,
      reason: multiRiskWords(facts),
    },
    childrenLikely,
    measures: rows.map((row) => apply(row, facts, on)),
  }
}

/** `ICU C9`: how a measure is named across both Codes. */
export function measureKey(m: { code: string; id: string }): string {
  return `${m.code} ${m.id}`
}
