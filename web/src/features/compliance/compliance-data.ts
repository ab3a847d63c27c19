import { type ApiClient, ApiError, type ResponseOf } from '../../api/client'
import type { paths } from '../../api/schema'

export type History = ResponseOf<paths['/v1/risk-assessments']['get']>
export type VersionSummary = History['assessments'][number]
/** The JSON export (the route also answers HTML, as a string, for format=html). */
export type AssessmentExport = Exclude<
  ResponseOf<paths['/v1/risk-assessments/{id}']['get']>,
  string
>
export type Assessment = AssessmentExport['assessment']
export type LiveKind = AssessmentExport['liveEvidence']['kinds'][number]
export type Matrix = Exclude<ResponseOf<paths['/v1/compliance/measures']['get']>, string>
export type MatrixRow = Matrix['measures'][number]

/** The version to show first: the approved one, else the newest. */
export function currentVersion(history: History): VersionSummary | undefined {
  return history.assessments.find((a) => a.status === 'approved') ?? history.assessments[0]
}

export function loadHistory(api: ApiClient): Promise<History> {
  return api.get('/v1/risk-assessments')
}

export function loadAssessment(api: ApiClient, id: string): Promise<AssessmentExport> {
  return api.get('/v1/risk-assessments/{id}', { params: { id }, query: { format: 'json' } })
}

/** The matrix of the approved assessment; null when none is approved yet. */
export async function loadMatrix(api: ApiClient): Promise<Matrix | null> {
  try {
    return await api.get('/v1/compliance/measures', { query: { format: 'json' } })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** The self-contained HTML page of a version (outside the console, read with the session). */
export function assessmentPageHref(id: string): string {
  return `/v1/risk-assessments/${encodeURIComponent(id)}?format=html`
}

export const MATRIX_PAGE_HREF = '/v1/compliance/measures?format=html'

export const STATUS_WORDS: Record<string, string> = {
  met: 'Met',
  partly: 'Partly met',
  not_met: 'Not met',
  not_software: 'Governance: record only',
  outside_vigil: 'Outside Vigil',
}

export function appliesWords(row: MatrixRow): string {
  if (row.applies === 'no') return 'No'
  if (row.applies === 'unknown') return 'To check'
  if (row.optional) return 'Yes (optional)'
  if (row.stage === 'draft') return 'Would apply (draft)'
  if (row.stage === 'not_yet_in_force') return 'Yes, not yet in force'
  return 'Yes'
}
