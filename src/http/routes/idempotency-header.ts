import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type IdempotencyClaim, idempotencyClaim } from '../../services/idempotency.js'

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Retries with the same key and body get the first response; no duplicate is created'),
})

/** The request's claim on its Idempotency-Key, scoped to the caller and the kind of request. */
export function claimFromRequest(
  request: FastifyRequest,
  kind: string,
): IdempotencyClaim | undefined {
  const key = request.headers['idempotency-key']
  if (typeof key !== 'string') return undefined
  return idempotencyClaim(`${kind}:${request.actor.id}`, key, request.body)
}
