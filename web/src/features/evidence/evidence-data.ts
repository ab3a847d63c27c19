import { consoleMay } from '../../../../src/core/console-roles'
import { VIEWABLE_IMAGE_TYPES } from '../../../../src/core/media-access'
import type { ConsoleRole } from '../../../../src/core/roles'
import type { ApiClient } from '../../api/client'
import type { paths } from '../../api/schema'
import type { Answer } from '../../api/views'
import { sizeText as byteText } from '../case/ContentPanel'

export type EvidenceItemView = Answer<'/v1/cases/{id}/evidence'>['items'][number]
export type LegalHoldView = Answer<'/v1/legal-holds'>['holds'][number]
export type PreservationRequestView = Answer<'/v1/preservation-requests'>['requests'][number]
export type LegalHoldBody = PostBody<'/v1/legal-holds'>
export type PreservationRequestBody = PostBody<'/v1/preservation-requests'>

type PostBody<P extends keyof paths> = paths[P] extends {
  post: { requestBody: { content: { 'application/json': infer B } } }
}
  ? B
  : never

/** The API roles of the evidence routes: admin keys; console roles get them by grant. */
const EVIDENCE_API_ROLES = ['admin'] as const

/** What a console role may do with evidence, by the table the server enforces. */
export function evidenceRights(role: string) {
  const r = role as ConsoleRole
  return {
    read: consoleMay(r, 'GET', '/v1/cases/{id}/evidence', EVIDENCE_API_ROLES),
    open: consoleMay(r, 'GET', '/v1/evidence/{id}/content', EVIDENCE_API_ROLES),
    preserve: consoleMay(r, 'POST', '/v1/cases/{id}/evidence', EVIDENCE_API_ROLES),
    export: consoleMay(r, 'GET', '/v1/cases/{id}/evidence/package', EVIDENCE_API_ROLES),
    holds: consoleMay(r, 'GET', '/v1/legal-holds', EVIDENCE_API_ROLES),
    placeHold: consoleMay(r, 'POST', '/v1/legal-holds', EVIDENCE_API_ROLES),
    releaseHold: consoleMay(r, 'POST', '/v1/legal-holds/{id}/release', EVIDENCE_API_ROLES),
    recordRequest: consoleMay(r, 'POST', '/v1/preservation-requests', EVIDENCE_API_ROLES),
  }
}

export async function loadEvidence(api: ApiClient, caseId: string): Promise<EvidenceItemView[]> {
  return (await api.get('/v1/cases/{id}/evidence', { params: { id: caseId } })).items
}

/** The live holds covering the case itself or its subject (every case about it). */
export async function loadCaseHolds(
  api: ApiClient,
  caseId: string,
  subjectId: string,
): Promise<LegalHoldView[]> {
  const [byCase, bySubject] = await Promise.all([
    api.get('/v1/legal-holds', { query: { caseId, active: 'true', limit: 200 } }),
    api.get('/v1/legal-holds', { query: { subjectId, active: 'true', limit: 200 } }),
  ])
  return [...byCase.holds, ...bySubject.holds]
}

export function preserveCase(api: ApiClient, caseId: string, reason: string): Promise<unknown> {
  return api.post('/v1/cases/{id}/evidence', { params: { id: caseId }, body: { reason } })
}

/** What an opened item shows: an image (by blob URL), pretty-printed JSON, or a file to save. */
export type OpenedContent =
  | { kind: 'image'; url: string; contentType: string }
  | { kind: 'json'; text: string }
  | { kind: 'file'; url: string; contentType: string }

/** Opens an item with the stated purpose (the server records it before reading the bytes). */
export async function openItem(
  api: ApiClient,
  item: EvidenceItemView,
  purpose: string,
): Promise<OpenedContent> {
  const { blob, contentType } = await api.getFile('/v1/evidence/{id}/content', {
    params: { id: item.id },
    query: { purpose },
  })
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (VIEWABLE_IMAGE_TYPES.includes(type)) {
    return { kind: 'image', url: URL.createObjectURL(blob), contentType: type }
  }
  if (type === 'application/json') return { kind: 'json', text: prettyJson(await blob.text()) }
  return { kind: 'file', url: URL.createObjectURL(blob), contentType: type }
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** Fetches the case's signed evidence package and hands it to the browser as a download. */
export async function downloadPackage(
  api: ApiClient,
  caseId: string,
  purpose: string,
): Promise<string> {
  const { blob } = await api.getFile('/v1/cases/{id}/evidence/package', {
    params: { id: caseId },
    query: { purpose },
  })
  const name = `evidence-${caseId}.zip`
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}

/** Whether a live hold covers the item (its case, or its subject in every case). */
export function isHeld(item: EvidenceItemView, holds: LegalHoldView[]): boolean {
  return holds.some((h) => h.active && (h.caseId === item.caseId || h.subjectId === item.subjectId))
}

export type HoldState = 'active' | 'expired' | 'released'

export function holdState(hold: LegalHoldView): HoldState {
  if (hold.releasedAt) return 'released'
  return hold.active ? 'active' : 'expired'
}

export async function loadHolds(api: ApiClient): Promise<LegalHoldView[]> {
  return (await api.get('/v1/legal-holds', { query: { limit: 200 } })).holds
}

export async function loadRequests(api: ApiClient): Promise<PreservationRequestView[]> {
  return (await api.get('/v1/preservation-requests', { query: { limit: 200 } })).requests
}

export function placeHold(api: ApiClient, body: LegalHoldBody): Promise<LegalHoldView> {
  return api.post('/v1/legal-holds', { body })
}

export function releaseHold(api: ApiClient, id: string, reason: string): Promise<LegalHoldView> {
  return api.post('/v1/legal-holds/{id}/release', { params: { id }, body: { reason } })
}

export function recordRequest(
  api: ApiClient,
  body: PreservationRequestBody,
): Promise<PreservationRequestView> {
  return api.post('/v1/preservation-requests', { body })
}

/** `2026-12-01T09:30` from a datetime-local field, read as UTC, as an ISO instant. */
export function utcInstant(local: string): string | undefined {
  if (!local) return undefined
  const at = new Date(`${local.length === 16 ? `${local}:00` : local}Z`)
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString()
}

/** An item's size, or "not kept" when its bytes were never stored. */
export function sizeText(bytes: number | null): string {
  return bytes === null ? 'not kept' : byteText(bytes)
}
