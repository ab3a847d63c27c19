import { SYSTEM_ACTOR } from '../core/roles.js'
import { guardedRequest } from '../net/guarded-request.js'
import { signWebhook } from '../net/standard-webhooks.js'
import { findDelivery, findEndpoint, recordAttempt } from '../storage/repos/webhook-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export class DeliveryFailed extends Error {
  override name = 'DeliveryFailed'
}

export interface DeliveryAttempt {
  deliveryId: string
  /** This is the last try: a failure marks the delivery dead instead of retrying. */
  final: boolean
}

/**
 * Sends one delivery, signed the Standard Webhooks way, and logs the attempt. Throws
 * DeliveryFailed on anything but a 2xx so the job queue retries it with backoff.
 */
export async function deliverWebhook(ctx: ServiceContext, attempt: DeliveryAttempt): Promise<void> {
  const delivery = await findDelivery(ctx.db, attempt.deliveryId)
  if (!delivery || delivery.status === 'delivered') return
  const endpoint = await findEndpoint(ctx.db, delivery.endpointId)
  if (!endpoint?.enabled) {
    const outcome = { statusCode: null, error: 'the endpoint was disabled', durationMs: 0 }
    await finishAttempt(ctx, { ...attempt, final: true }, { ...outcome, started: ctx.clock.now() })
    return
  }
  const body = JSON.stringify(delivery.payload)
  const started = ctx.clock.now()
  const headers = signWebhook({
    id: delivery.id,
    timestamp: started,
    body,
    secret: endpoint.secret,
  })
  const t0 = performance.now()
  let statusCode: number | null = null
  let error: string | null = null
  try {
    const response = await guardedRequest(
      endpoint.url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'user-agent': 'Vigil-Webhooks/1',
        },
        body,
      },
      {
        allowPrivate: ctx.settings.network.allowPrivate,
        timeoutMs: ctx.settings.webhooks.timeoutMs,
        maxResponseBytes: 64 * 1024,
      },
    )
    statusCode = response.status
    if (response.status < 200 || response.status >= 300) {
      error = `endpoint answered HTTP ${response.status}`
    }
  } catch (failure) {
    error = (failure as Error).message
  }
  await finishAttempt(ctx, attempt, {
    statusCode,
    error,
    started,
    durationMs: performance.now() - t0,
  })
  if (error) throw new DeliveryFailed(error)
}

async function finishAttempt(
  ctx: ServiceContext,
  attempt: DeliveryAttempt,
  outcome: { statusCode: number | null; error: string | null; started: Date; durationMs: number },
): Promise<void> {
  const status = outcome.error ? (attempt.final ? 'dead' : 'retrying') : 'delivered'
  await ctx.db.transaction().execute(async (tx) => {
    await recordAttempt(
      tx,
      {
        delivery_id: attempt.deliveryId,
        attempted_at: outcome.started,
        status_code: outcome.statusCode,
        error: outcome.error,
        duration_ms: Math.round(outcome.durationMs),
      },
      { status, deliveredAt: outcome.error ? null : ctx.clock.now() },
    )
    await recordAudit(tx, SYSTEM_ACTOR, ctx.clock.now(), [
      {
        action: `webhook.${status}`,
        entityType: 'webhook_delivery',
        entityId: attempt.deliveryId,
        data: { statusCode: outcome.statusCode, error: outcome.error },
      },
    ])
  })
}
