import { InvalidInputError, NotFoundError } from '../core/errors.js'
import {
  type PreservationRequest,
  type PreservationRequestInput,
  type PreservationRequestStatus,
  requestStanding,
} from '../core/evidence.js'
import type { Actor } from '../core/roles.js'
import type { Executor } from '../storage/database.js'
import { findCase } from '../storage/repos/case-repo.js'
import {
  insertPreservationRequest,
  listPreservationRequests,
} from '../storage/repos/preservation-request-repo.js'
import { recordAudit } from './audit-log.js'
import { assertMayHandleEvidence } from './evidence-access.js'
import { harmOfCase, queuePreservation } from './evidence-preserve.js'
import { requireKeyring } from './evidence-vault.js'
import { placeHoldIn } from './legal-holds.js'
import type { ServiceContext } from './service-context.js'

const DAY_MS = 86_400_000

/** A request with whether it was met (preserved by its deadline) or is overdue. */
export type TrackedPreservationRequest = PreservationRequest & { met: boolean; overdue: boolean }

/**
 * Records an authority's preservation request. In one transaction: a legal hold on the case
 * until the deadline plus the policy's `evidence.requestHoldDays`, the request, and the
 * preservation of the case (the worker marks the request preserved when it is done).
 */
export async function recordPreservationRequest(
  ctx: ServiceContext,
  actor: Actor,
  input: PreservationRequestInput,
): Promise<TrackedPreservationRequest> {
  assertMayHandleEvidence(actor)
  requireKeyring(ctx.evidence)
  const at = ctx.clock.now()
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : at
  const preserveBy = new Date(input.preserveBy)
  if (preserveBy <= receivedAt) {
    throw new InvalidInputError('preserveBy must be after the request was received', {
      field: 'preserveBy',
    })
  }
  const found = await findCase(ctx.db, input.caseId)
  if (!found) throw new NotFoundError('case', input.caseId)
  const pending: PendingRequest = {
    input,
    caseId: found.id,
    subjectId: found.subjectId,
    harm: await harmOfCase(ctx.db, found.id),
    receivedAt,
    preserveBy,
    at,
  }
  const request = await ctx.db
    .transaction()
    .execute((tx) => recordRequestIn(tx, ctx, actor, pending))
  return { ...request, ...requestStanding(request, at) }
}

interface PendingRequest {
  input: PreservationRequestInput
  caseId: string
  subjectId: string
  harm: string | null
  receivedAt: Date
  preserveBy: Date
  at: Date
}

/** The hold, the queued preservation, the request and its audit entry. */
async function recordRequestIn(
  tx: Executor,
  ctx: ServiceContext,
  actor: Actor,
  pending: PendingRequest,
): Promise<PreservationRequest> {
  const { input, caseId, preserveBy, at } = pending
  const reason = `preservation request ${input.reference} from ${input.authority}`
  const holdDays = ctx.policy.evidence.requestHoldDays
  const hold = await placeHoldIn(tx, ctx, actor, {
    caseId,
    subjectId: null,
    reason,
    requester: input.authority,
    expiresAt: new Date(preserveBy.getTime() + holdDays * DAY_MS),
  })
  const job = await queuePreservation(tx, ctx, {
    caseId,
    harm: pending.harm,
    reason,
    requestedBy: actor.id,
  })
  const request: PreservationRequest = {
    id: crypto.randomUUID(),
    authority: input.authority,
    authorityReference: input.reference,
    caseId,
    subjectId: pending.subjectId,
    receivedAt: pending.receivedAt,
    preserveBy,
    status: 'pending',
    preservedAt: null,
    preservationId: job.preservationId,
    holdId: hold.id,
    notes: input.notes ?? null,
    recordedBy: actor.id,
    recordedAt: at,
  }
  await insertPreservationRequest(tx, request)
  await recordAudit(tx, actor, at, [recordedEvent(request)])
  return request
}

function recordedEvent(request: PreservationRequest) {
  return {
    action: 'preservation_request.recorded',
    entityType: 'preservation_request',
    entityId: request.id,
    data: {
      authority: request.authority,
      reference: request.authorityReference,
      caseId: request.caseId,
      preserveBy: request.preserveBy.toISOString(),
      holdId: request.holdId,
      preservationId: request.preservationId,
    },
  }
}

/** Requests, soonest deadline first, each with whether it was met or is overdue. */
export async function listTrackedPreservationRequests(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  filter: { status?: PreservationRequestStatus; caseId?: string; limit: number },
): Promise<TrackedPreservationRequest[]> {
  const at = ctx.clock.now()
  const requests = await listPreservationRequests(ctx.db, filter)
  return requests.map((r) => ({ ...r, ...requestStanding(r, at) }))
}
