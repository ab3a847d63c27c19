import type { RuleFormat, RuleState } from '../../../../src/core/rule'
import type { ApiClient } from '../../api/client'
import { ApiError } from '../../api/client'
import type { Answer } from '../../api/views'

export type RuleDetail = Answer<'/v1/rules/{id}'>
export type BacktestView = Answer<'/v1/rules/{id}/backtest', 'post'>

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
  const { rules } = await api.get('/v1/rules')
  return Promise.all(rules.map((rule) => loadRule(api, rule.id)))
}

export function loadRule(api: ApiClient, id: string): Promise<RuleDetail> {
  return api.get('/v1/rules/{id}', { params: { id } })
}

export function addVersion(
  api: ApiClient,
  id: string,
  body: { format: RuleFormat; source: string },
): Promise<RuleDetail> {
  return api.post(VERSIONS_PATH, { params: { id }, body })
}

export function changeState(api: ApiClient, id: string, state: RuleState): Promise<RuleDetail> {
  return api.post(STATE_PATH, {
    params: { id },
    body: { state },
  })
}

export function backtest(
  api: ApiClient,
  id: string,
  body: { since: string; version?: number },
): Promise<BacktestView> {
  return api.post(BACKTEST_PATH, { params: { id }, body })
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
