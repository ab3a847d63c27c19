import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../../context.js'
import { DELIVERY_STATUSES, webhookInputSchema } from '../../../core/webhook.js'
import {
  disableWebhook,
  getWebhookDelivery,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook,
} from '../../../services/webhooks.js'

const ROLES = ['platform', 'admin'] as const
const idParams = z.object({ id: z.uuid({ error: 'a webhook id is a UUID' }) })

export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/webhooks',
      {
        config: { roles: ROLES },
        schema: {
          tags: ['webhooks'],
          summary: 'Register an endpoint for signed events (Standard Webhooks)',
          body: webhookInputSchema,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registerWebhook(ctx, request.actor, request.body)),
    )
    app.get(
      '/webhooks',
      {
        config: { roles: ROLES },
        schema: { tags: ['webhooks'], summary: 'Registered endpoints (secrets are never shown)' },
      },
      async () => ({ webhooks: await listWebhooks(ctx) }),
    )
    app.delete(
      '/webhooks/:id',
      {
        config: { roles: ROLES },
        schema: { tags: ['webhooks'], summary: 'Disable an endpoint', params: idParams },
      },
      async (request, reply) => {
        await disableWebhook(ctx, request.actor, request.params.id)
        return reply.status(204).send()
      },
    )
    app.get(
      '/webhooks/:id/deliveries',
      {
        config: { roles: ROLES },
        schema: {
          tags: ['webhooks'],
          summary: 'The delivery log of an endpoint, newest first',
          params: idParams,
          querystring: z.object({
            status: z.enum(DELIVERY_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          }),
        },
      },
      async (request) => ({
        deliveries: await listWebhookDeliveries(ctx, request.params.id, request.query),
      }),
    )
    app.get(
      '/webhook-deliveries/:id',
      {
        config: { roles: ROLES },
        schema: {
          tags: ['webhooks'],
          summary: 'One delivery with every attempt',
          params: z.object({ id: z.string().max(100) }),
        },
      },
      async (request) => getWebhookDelivery(ctx, request.params.id),
    )
  }
}
