import type { Action, Ground } from '../../../../src/core/decision'
import type { JudgementInput } from '../../../../src/core/judgement'
import type { ApiClient } from '../../api/client'
import type { Answer, ConsoleUser } from '../../api/views'

export type CaseDetail = Answer<'/v1/cases/{id}'>
export type SubjectView = CaseDetail['subject']
/** A media item; `withheld: 'csea'` when only the child-safety team may open it. */
export type MediaView = SubjectView['media'][number]
export type SignalView = CaseDetail['signals'][number]
export type ReportView = CaseDetail['reports'][number]
export type DecisionView = CaseDetail['decisions'][number]
export type StandingView = Answer<'/v1/accounts/{accountId}/standing'>
export type JudgementChecklist = Answer<'/v1/harms/{id}/judgement'>
export type HarmView = Answer<'/v1/taxonomy'>['harms'][number]
export type RecordedDecision = Answer<'/v1/cases/{id}/decisions', 'post'>
export type StatementPreview = Answer<'/v1/cases/{id}/statement-preview', 'post'>

export interface DecisionBody {
  harm: string
  ground: Ground
  actions: Action[]
  statement: string
  judgement?: JudgementInput
}

export function loadCase(api: ApiClient, id: string): Promise<CaseDetail> {
  return api.get('/v1/cases/{id}', { params: { id } })
}

export async function loadHarms(api: ApiClient): Promise<HarmView[]> {
  return (await api.get('/v1/taxonomy')).harms
}

export function loadStanding(api: ApiClient, accountId: string): Promise<StandingView> {
  return api.get('/v1/accounts/{accountId}/standing', { params: { accountId } })
}

export function loadJudgement(api: ApiClient, harm: string): Promise<JudgementChecklist> {
  return api.get('/v1/harms/{id}/judgement', { params: { id: harm } })
}

export function recordDecision(
  api: ApiClient,
  id: string,
  body: DecisionBody,
): Promise<RecordedDecision> {
  return api.post('/v1/cases/{id}/decisions', { params: { id }, body })
}

export function previewStatement(
  api: ApiClient,
  id: string,
  body: DecisionBody,
): Promise<StatementPreview> {
  return api.post('/v1/cases/{id}/statement-preview', { params: { id }, body })
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
