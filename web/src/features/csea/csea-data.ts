import { consoleMay } from '../../../../src/core/console-roles'
import type { ConsoleRole } from '../../../../src/core/roles'
import type { ApiClient } from '../../api/client'
import type { Answer } from '../../api/views'

export type CseaReportList = Answer<'/v1/csea-reports'>
export type CseaReportSummary = CseaReportList['reports'][number]
export type CseaReportView = Answer<'/v1/csea-reports/{id}'>
export type CseaStatus = CseaReportSummary['status']
export type CseaPriority = CseaReportSummary['priority']

/** The API roles of the CSEA report routes: admin keys; child safety specialists by grant. */
const CSEA_API_ROLES = ['admin'] as const

export function cseaRights(role: string) {
  const r = role as ConsoleRole
  return {
    read: consoleMay(r, 'GET', '/v1/csea-reports', CSEA_API_ROLES),
    approve: consoleMay(r, 'POST', '/v1/csea-reports/{id}/approve', CSEA_API_ROLES),
    send: consoleMay(r, 'POST', '/v1/csea-reports/{id}/send', CSEA_API_ROLES),
  }
}

export interface CseaFilter {
  status: CseaStatus | 'all'
  overdueOnly: boolean
}

export function loadCseaReports(api: ApiClient, filter: CseaFilter): Promise<CseaReportList> {
  return api.get('/v1/csea-reports', {
    query: {
      limit: 200,
      ...(filter.status === 'all' ? {} : { status: filter.status }),
      ...(filter.overdueOnly ? { overdue: 'true' as const } : {}),
    },
  })
}

export function loadCseaReport(api: ApiClient, id: string): Promise<CseaReportView> {
  return api.get('/v1/csea-reports/{id}', { params: { id } })
}

export interface ApproveChoices {
  priority: CseaPriority
  overrideReason: string
}

/** Approves with the declaration made; the server may refuse (second person, duplicate). */
export function approveReport(
  api: ApiClient,
  report: CseaReportView,
  choices: ApproveChoices,
): Promise<CseaReportView> {
  const override = choices.overrideReason.trim()
  return api.post('/v1/csea-reports/{id}/approve', {
    params: { id: report.id },
    body: {
      declaration: { truthful: true },
      ...(choices.priority !== report.priority ? { priority: choices.priority } : {}),
      ...(override ? { duplicateOverride: { reason: override } } : {}),
    },
  })
}

/** Queues a failed report again, once the worker has given up on it. */
export function resendReport(
  api: ApiClient,
  id: string,
  overrideReason: string,
): Promise<CseaReportView> {
  const override = overrideReason.trim()
  return api.post<'/v1/csea-reports/{id}/send', CseaReportView>('/v1/csea-reports/{id}/send', {
    params: { id },
    body: override ? { duplicateOverride: { reason: override } } : {},
  })
}

/** Whether the report still has to go: drafted, approved or failed. */
export function isUnsent(status: CseaStatus): boolean {
  return status === 'draft' || status === 'approved' || status === 'failed'
}

/** The server's order (unsent first, soonest due first), with unsent P1 reports above all. */
export function urgentFirst(reports: CseaReportSummary[]): CseaReportSummary[] {
  const urgent = (r: CseaReportSummary) => (r.priority === 'P1' && isUnsent(r.status) ? 0 : 1)
  return reports
    .map((report, index) => ({ report, index }))
    .sort((a, b) => urgent(a.report) - urgent(b.report) || a.index - b.index)
    .map(({ report }) => report)
}

export const CHANNEL_LABELS: Record<CseaReportSummary['channel'], string> = {
  nca: 'NCA',
  ncmec: 'NCMEC',
}

export const PRIORITY_LABELS: Record<CseaPriority, string> = {
  P1: 'P1: a child at imminent risk (immediately)',
  P2: 'P2: as soon as reasonably practicable',
  P3: 'P3: without undue delay',
}

export const STATUS_LABELS: Record<CseaStatus, string> = {
  draft: 'draft: waiting for review',
  approved: 'approved: waiting to be sent',
  sent: 'sent',
  failed: 'failed',
  retracted: 'retracted (the decision was reversed)',
}

/** What the approver declares when the API has no channel-specific text (NCMEC). */
export const GENERIC_DECLARATION =
  'I have reviewed this report and declare that the information in it is true to the best of my knowledge and belief.'
