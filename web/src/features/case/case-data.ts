import type { Action, Decision, Ground } from '../../../../src/core/decision'
import type { HarmNode } from '../../../../src/core/harm-node'
import type { Report } from '../../../../src/core/report'
import type { PriorityBasis } from '../../../../src/core/routing'
import type { Signal } from '../../../../src/core/signal'
import type { AccountRestriction, Strike } from '../../../../src/core/strike'
import type { MediaRecord, Subject } from '../../../../src/core/subject'
import type { ApiClient } from '../../api/client'
import type { CaseView, ConsoleUser, Json } from '../../api/views'

// @TODO Hand-typed views of the case page's answers; swap in the generated types once every
// route here declares its response schema.

/** A media item; `withheld: 'csea'` when only the child-safety team may open it. */
export type MediaView = Json<MediaRecord> & { withheld?: 'csea' | null }
export type SubjectView = Omit<Json<Subject>, 'media'> & { media: MediaView[] }
export type SignalView = Json<Signal>
export type ReportView = Omit<Json<Report>, 'reporterEmail' | 'reporterName'> & {
  reporterContactGiven: boolean
}

export interface JudgementRecord {
  items: { id: string; met: boolean }[]
  note?: string
}

export type DecisionView = Json<Decision> & { judgement?: JudgementRecord | null }

export interface CaseDetail extends CaseView {
  priorityBreakdown: { value: number; formula: string; parts: PriorityBasis | null }
  subject: SubjectView
  signals: SignalView[]
  reports: ReportView[]
  decisions: DecisionView[]
}

export interface StandingView {
  accountId: string
  status: 'good' | 'warned' | 'suspended' | 'terminated'
  points: number
  liveStrikes: Json<Strike>[]
  restrictions: Json<AccountRestriction>[]
  suspendedUntil: string | null
  nextStep: { action: string; atPoints: number; pointsToGo: number } | null
  history: { strikes: Json<Strike>[]; restrictions: Json<AccountRestriction>[] }
}

export interface JudgementChecklist {
  harm: string
  title: string
  items: { id: string; question: string; guidance: string }[]
}

export type HarmView = HarmNode

export interface DecisionBody {
  harm: string
  ground: Ground
  actions: Action[]
  statement: string
  judgement?: JudgementRecord
}

export function loadCase(api: ApiClient, id: string): Promise<CaseDetail> {
  return api.get<'/v1/cases/{id}', CaseDetail>('/v1/cases/{id}', { params: { id } })
}

export async function loadHarms(api: ApiClient): Promise<HarmView[]> {
  const answer = await api.get<'/v1/taxonomy', { harms: HarmView[] }>('/v1/taxonomy')
  return answer.harms
}

export function loadStanding(api: ApiClient, accountId: string): Promise<StandingView> {
  return api.get<'/v1/accounts/{accountId}/standing', StandingView>(
    '/v1/accounts/{accountId}/standing',
    { params: { accountId } },
  )
}

export function loadJudgement(api: ApiClient, harm: string): Promise<JudgementChecklist> {
  return api.get('/v1/harms/{id}/judgement', { params: { id: harm } })
}

export function recordDecision(api: ApiClient, id: string, body: DecisionBody): Promise<unknown> {
  return api.post<'/v1/cases/{id}/decisions', unknown>('/v1/cases/{id}/decisions', {
    params: { id },
    body,
  })
}

export interface StatementPreview {
  plainText: string
}

export function previewStatement(
  api: ApiClient,
  id: string,
  body: DecisionBody,
): Promise<StatementPreview> {
  return api.post<'/v1/cases/{id}/statement-preview', StatementPreview>(
    '/v1/cases/{id}/statement-preview',
    { params: { id }, body },
  )
}

/** Saves the preference; the server answers with the session (`{ user, csrfToken }`). */
export async function saveRevealMedia(api: ApiClient, revealMedia: boolean): Promise<ConsoleUser> {
  const answer = await api.send<ConsoleUser | { user: ConsoleUser }>(
    'PATCH',
    '/console/api/session/preferences',
    { revealMedia },
  )
  // @NOTE The brief's contract said "the user"; the server sends the session body. Take either.
  return 'user' in answer ? answer.user : answer
}

/** The address of a media item's bytes, fetched by the server through its SSRF guard. */
export function mediaUrl(caseId: string, index: number): string {
  return `/v1/cases/${encodeURIComponent(caseId)}/media/${index}`
}

/** The harm and its ancestors, nearest first. */
export function harmLine(harms: readonly HarmView[], id: string): HarmView[] {
  const line: HarmView[] = []
  let node = harms.find((h) => h.id === id)
  while (node) {
    line.push(node)
    const parent = node.parent
    node = parent ? harms.find((h) => h.id === parent) : undefined
  }
  return line
}

/** The offence to cite for a harm: its own first, else its nearest ancestor's, else its label. */
export function defaultOffence(harms: readonly HarmView[], id: string): string {
  const line = harmLine(harms, id)
  return line.find((h) => h.offences?.length)?.offences?.[0] ?? line[0]?.label ?? id
}

export function harmLabel(harms: readonly HarmView[], id: string | null): string {
  if (!id) return 'no harm named'
  return harms.find((h) => h.id === id)?.label ?? id
}
