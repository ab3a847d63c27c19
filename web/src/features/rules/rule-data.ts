import type { Rule, RuleFormat, RuleState, RuleVersion } from '../../../../src/core/rule'
import type { ApiClient } from '../../api/client'
import { ApiError } from '../../api/client'
import type { Json } from '../../api/views'

// @TODO GET /v1/rules, GET /v1/rules/{id} and the rule writes declare no response schema yet, so
// the generated schema.d.ts types their answers as unknown. These views state what the console
// reads; replace them with the generated types once the routes declare them.

export type RuleView = Json<Rule>
export type RuleVersionView = Json<RuleVersion>

export interface RuleOutcomes {
  live: number
  shadow: number
  since: string
}

export type RuleDetail = RuleView & {
  description: string | null
  versions: RuleVersionView[]
  outcomes: RuleOutcomes
}

export type Bucket = 'tp' | 'fp' | 'fn' | 'tn'

export interface BacktestView {
  rule: { id: string; name: string }
  version: number
  since: string
  until: string
  subjects: number
  matched: number
  counts: Record<Bucket, number>
  precision: number | null
  recall: number | null
  undecided: { subjects: number; matched: number }
  examples: Record<Bucket, string[]>
}

export interface RuleProblem {
  path: string
  message: string
}

export const RULE_STATE_LABELS: Record<RuleState, string> = {
  draft: 'Draft: not evaluated',
  shadow: 'Shadow: evaluated and recorded, nothing applied',
  live: 'Live: evaluated and applied',
}

export const VERSIONS_PATH = '/v1/rules/{id}/versions'
export const STATE_PATH = '/v1/rules/{id}/state'
export const BACKTEST_PATH = '/v1/rules/{id}/backtest'

/** Every rule with its outcome counts of the last 7 days (one detail request per rule). */
export async function loadRules(api: ApiClient): Promise<RuleDetail[]> {
  const { rules } = await api.get<'/v1/rules', { rules: RuleView[] }>('/v1/rules')
  return Promise.all(rules.map((rule) => loadRule(api, rule.id)))
}

export function loadRule(api: ApiClient, id: string): Promise<RuleDetail> {
  return api.get<'/v1/rules/{id}', RuleDetail>('/v1/rules/{id}', { params: { id } })
}

export function addVersion(
  api: ApiClient,
  id: string,
  body: { format: RuleFormat; source: string },
): Promise<RuleDetail> {
  return api.post<'/v1/rules/{id}/versions', RuleDetail>(VERSIONS_PATH, { params: { id }, body })
}

export function changeState(api: ApiClient, id: string, state: RuleState): Promise<RuleDetail> {
  return api.post<'/v1/rules/{id}/state', RuleDetail>(STATE_PATH, {
    params: { id },
    body: { state },
  })
}

export function backtest(
  api: ApiClient,
  id: string,
  body: { since: string; version?: number },
): Promise<BacktestView> {
  return api.post<'/v1/rules/{id}/backtest', BacktestView>(BACKTEST_PATH, { params: { id }, body })
}

/** The problems a refused rule document came back with, each with its path. */
export function problemsOf(error: unknown): RuleProblem[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details as { problems?: unknown } | undefined
  if (!Array.isArray(details?.problems)) return []
  return details.problems.filter(
    (p): p is RuleProblem => typeof p === 'object' && p !== null && 'path' in p && 'message' in p,
  )
}

/** 0.8 as "80%", or "not defined" when there was nothing to divide by. */
export function percent(value: number | null): string {
  return value === null ? 'not defined' : `${Math.round(value * 1000) / 10}%`
}
