import { type EvidenceItem, isHoldActive, type LegalHold } from '../../../core/evidence.js'
import type { TrackedPreservationRequest } from '../../../services/preservation-requests.js'

const iso = (at: Date | null) => at?.toISOString() ?? null

export function presentEvidenceItem(item: EvidenceItem) {
  return {
    ...item,
    available: item.erasedAt === null && item.unavailableReason === null,
    preservedAt: item.preservedAt.toISOString(),
    retainUntil: item.retainUntil.toISOString(),
    erasedAt: iso(item.erasedAt),
  }
}

export function presentLegalHold(hold: LegalHold, now: Date) {
  return {
    ...hold,
    placedAt: hold.placedAt.toISOString(),
    expiresAt: iso(hold.expiresAt),
    releasedAt: iso(hold.releasedAt),
    active: isHoldActive(hold, now),
  }
}

export function presentPreservationRequest(request: TrackedPreservationRequest) {
  const { authorityReference, ...rest } = request
  return {
    ...rest,
    reference: authorityReference,
    receivedAt: request.receivedAt.toISOString(),
    preserveBy: request.preserveBy.toISOString(),
    preservedAt: iso(request.preservedAt),
    recordedAt: request.recordedAt.toISOString(),
  }
}
