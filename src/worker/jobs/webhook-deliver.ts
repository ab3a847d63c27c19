import type { AppContext } from '../../context.js'
import { deliverWebhook } from '../../services/deliver-webhook.js'
import type { JobHandler } from '../job-handler.js'

export const webhookDeliverJob: JobHandler<{ deliveryId: string }> = {
  name: 'webhook.deliver',
  batchSize: 10,
  run: (ctx: AppContext, job) =>
    deliverWebhook(ctx, {
      deliveryId: job.data.deliveryId,
      final: job.retryCount >= job.retryLimit,
    }),
}
