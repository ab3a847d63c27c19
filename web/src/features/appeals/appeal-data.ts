import type { Appeal } from '../../../../src/core/appeal'
import type { Decision } from '../../../../src/core/decision'
import type { ModerationCase } from '../../../../src/core/moderation-case'
import type { ApiClient } from '../../api/client'
import type { Json } from '../../api/views'

// @TODO GET /v1/appeals, GET /v1/appeals/{id} and POST /v1/appeals/{id}/decision declare no
// response schema yet, so the generated schema.d.ts types their answers as unknown. These views
// state what the console reads; replace them with the generated types once the routes declare them.

export type AppealSummary = Json<Appeal> & {
  slaDeadline: string | null
  legalDeadline: string | null
}

export interface AppealListView {
  appeals: AppealSummary[]
  total: number
}

export type DecisionView = Json<Decision>

export type AppealDetail = Json<Appeal> & {
  decision: DecisionView | null
  case: Json<ModerationCase> | null
  notifications: {
    id: string
    kind: string
    recipientRole: string
    status: string
    subjectLine: string
    createdAt: string
  }[]
}

export interface HarmOption {
  id: string
  label: string
}

export type AppealStatusFilter = 'open' | 'upheld' | 'reversed' | 'resolved' | 'all'

export function loadAppeals(api: ApiClient, status: AppealStatusFilter): Promise<AppealListView> {
  return api.get<'/v1/appeals', AppealListView>('/v1/appeals', {
    query: { limit: 200, ...(status === 'all' ? {} : { status }) },
  })
}

export function loadAppeal(api: ApiClient, id: string): Promise<AppealDetail> {
  return api.get<'/v1/appeals/{id}', AppealDetail>('/v1/appeals/{id}', { params: { id } })
}

export async function loadHarms(api: ApiClient): Promise<HarmOption[]> {
  const answer = await api.get<'/v1/taxonomy', { harms: HarmOption[] }>('/v1/taxonomy')
  return answer.harms.map(({ id, label }) => ({ id, label }))
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
): Promise<{ appeal: Json<Appeal>; reversal: DecisionView | null }> {
  return api.post<
    '/v1/appeals/{id}/decision',
    { appeal: Json<Appeal>; reversal: DecisionView | null }
  >(
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
