import type { ApiClient } from '../../api/client'
import type { Answer } from '../../api/views'

export type AppealListView = Answer<'/v1/appeals'>
export type AppealSummary = AppealListView['appeals'][number]
export type AppealDetail = Answer<'/v1/appeals/{id}'>
export type DecisionView = NonNullable<AppealDetail['decision']>
export type AppealSettlement = Answer<'/v1/appeals/{id}/decision', 'post'>

export interface HarmOption {
  id: string
  label: string
}

export type AppealStatusFilter = 'open' | 'upheld' | 'reversed' | 'resolved' | 'all'

export function loadAppeals(api: ApiClient, status: AppealStatusFilter): Promise<AppealListView> {
  return api.get('/v1/appeals', {
    query: { limit: 200, ...(status === 'all' ? {} : { status }) },
  })
}

export function loadAppeal(api: ApiClient, id: string): Promise<AppealDetail> {
  return api.get('/v1/appeals/{id}', { params: { id } })
}

export async function loadHarms(api: ApiClient): Promise<HarmOption[]> {
  const { harms } = await api.get('/v1/taxonomy')
  return harms.map(({ id, label }) => ({ id, label }))
}

/** The new decision a reversal records when the decision under appeal restricted nothing. */
export interface ReplacementDecision {
  harm: string
  ground: { type: 'illegal'; offence: string } | { type: 'terms'; clause: string; version: string }
  actions: { type: string }[]
  statement: string
}

export interface AppealDecisionBody {
  outcome: 'upheld' | 'reversed' | 'resolved'
  reasons: string
  decision?: ReplacementDecision
}

export function decideAppeal(
  api: ApiClient,
  id: string,
  body: AppealDecisionBody,
): Promise<AppealSettlement> {
  return api.post(
    '/v1/appeals/{id}/decision',
    // @NOTE The generated body type is the route's zod input; ours is narrower by construction.
    { params: { id }, body: body as never },
  )
}

/** Whether the decision restricted nothing (no action): a reversal then needs a new decision. */
export function restrictedNothing(decision: DecisionView): boolean {
  return !decision.actions.some((a) => a.type !== 'no_action' && a.type !== 'restore')
}

const KIND_LABELS: Record<string, string> = {
  decision: 'Appeal against a decision',
  proactive_technology: 'Proactive technology',
  duty_breach: 'Complaint: duty breach',
  age_assessment: 'Complaint: age assessment',
  other: 'Complaint',
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind
}

const APPELLANT_LABELS: Record<string, string> = {
  author: 'the content’s author',
  reporter: 'a reporter',
  user: 'a user',
  non_user: 'a non-user',
}

export function appellantLabel(role: string): string {
  return APPELLANT_LABELS[role] ?? role
}

export function actionsText(actions: readonly { type: string }[]): string {
  return actions.map((a) => a.type.replace(/_/g, ' ')).join(', ')
}
