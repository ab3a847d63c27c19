import { AppError, ForbiddenError } from '../core/errors.js'
import { EVIDENCE_REFUSAL, mayHandleEvidence, purposeProblem } from '../core/evidence.js'
import type { Actor } from '../core/roles.js'

/** Refuses anyone but admins and the evidence console roles (the routes check this first too). */
export function assertMayHandleEvidence(actor: Actor): void {
  if (!mayHandleEvidence(actor)) throw new ForbiddenError(EVIDENCE_REFUSAL, { reason: 'evidence' })
}

/** A purpose of at least 10 characters, or a 400 `purpose_required`; the trimmed purpose. */
export function requirePurpose(purpose: string | undefined): string {
  const problem = purposeProblem(purpose)
  if (problem) throw new AppError('purpose_required', problem, { details: { field: 'purpose' } })
  return (purpose ?? '').trim()
}
