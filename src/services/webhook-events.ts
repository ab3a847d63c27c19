import type { WebhookEventType } from '../core/webhook.js'
import type { Executor } from '../storage/database.js'
import type { JobQueue } from '../storage/job-queue.js'
import { insertDelivery, listSubscribedEndpoints } from '../storage/repos/webhook-repo.js'
import { JOB } from './service-context.js'

/**
 * Queues one delivery per subscribed endpoint, in the caller's transaction: the event is
 * delivered (at least once) exactly when the change that caused it commits.
 */
export async function emitWebhookEvent(
  tx: Executor,
  jobs: JobQueue,
  at: Date,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<number> {
  const endpoints = await listSubscribedEndpoints(tx, type)
  for (const endpoint of endpoints) {
    const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`
    await insertDelivery(tx, {
      id,
      endpointId: endpoint.id,
      eventType: type,
      payload: { type, timestamp: at.toISOString(), data },
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      createdAt: at,
      deliveredAt: null,
    })
    await jobs.send(tx, JOB.webhookDeliver, { deliveryId: id })
  }
  return endpoints.length
}
