import { InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type { DeliveryStatus, WebhookEndpoint, WebhookInput } from '../core/webhook.js'
import { assertFetchableUrl, OutboundRequestError } from '../net/guarded-request.js'
import {
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listAttempts,
  listDeliveries,
  listEndpoints,
  setEndpointEnabled,
} from '../storage/repos/webhook-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export async function registerWebhook(
  ctx: ServiceContext,
  actor: Actor,
  input: WebhookInput,
): Promise<WebhookEndpoint> {
  try {
    assertFetchableUrl(input.url, ctx.settings.network.allowPrivate)
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error
    throw new InvalidInputError(`url: ${error.message}`, { field: 'url', reason: error.reason })
  }
  const endpoint: WebhookEndpoint = {
    id: crypto.randomUUID(),
    url: input.url,
    events: input.events,
    description: input.description ?? null,
    enabled: true,
    createdAt: ctx.clock.now(),
  }
  await ctx.db.transaction().execute(async (tx) => {
    await insertEndpoint(tx, { ...endpoint, secret: input.secret })
    await recordAudit(tx, actor, endpoint.createdAt, [
      {
        action: 'webhook.registered',
        entityType: 'webhook_endpoint',
        entityId: endpoint.id,
        data: { url: endpoint.url, events: endpoint.events },
      },
    ])
  })
  return endpoint
}

export async function disableWebhook(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await setEndpointEnabled(tx, id, false))) throw new NotFoundError('webhook', id)
    await recordAudit(tx, actor, ctx.clock.now(), [
      { action: 'webhook.disabled', entityType: 'webhook_endpoint', entityId: id },
    ])
  })
}

export function listWebhooks(ctx: ServiceContext) {
  return listEndpoints(ctx.db)
}

export async function listWebhookDeliveries(
  ctx: ServiceContext,
  endpointId: string,
  filter: { status?: DeliveryStatus; limit: number },
) {
  if (!(await findEndpoint(ctx.db, endpointId))) throw new NotFoundError('webhook', endpointId)
  return listDeliveries(ctx.db, { endpointId, ...filter })
}

export async function getWebhookDelivery(ctx: ServiceContext, deliveryId: string) {
  const delivery = await findDelivery(ctx.db, deliveryId)
  if (!delivery) throw new NotFoundError('delivery', deliveryId)
  return { ...delivery, attemptLog: await listAttempts(ctx.db, deliveryId) }
}
