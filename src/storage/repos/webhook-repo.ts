import type { Selectable } from 'kysely'
import type {
  DeliveryStatus,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEventType,
} from '../../core/webhook.js'
import type { Executor } from '../database.js'
import type {
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from '../schema/webhook.js'

type EndpointRow = Selectable<WebhookEndpointTable>

export function rowToEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.enabled,
    createdAt: row.created_at,
  }
}

export async function insertEndpoint(
  db: Executor,
  endpoint: WebhookEndpoint & { secret: string },
): Promise<void> {
  await db
    .insertInto('webhook_endpoint')
    .values({
      id: endpoint.id,
      url: endpoint.url,
      secret: endpoint.secret,
      events: JSON.stringify(endpoint.events),
      description: endpoint.description,
      enabled: endpoint.enabled,
      created_at: endpoint.createdAt,
    })
    .execute()
}

export async function listEndpoints(db: Executor): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoint').selectAll().orderBy('created_at').execute()
  return rows.map(rowToEndpoint)
}

export async function findEndpoint(db: Executor, id: string) {
  const row = await db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? { ...rowToEndpoint(row), secret: row.secret } : undefined
}

export async function setEndpointEnabled(db: Executor, id: string, enabled: boolean) {
  const result = await db
    .updateTable('webhook_endpoint')
    .set({ enabled })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function listSubscribedEndpoints(db: Executor, eventType: WebhookEventType) {
  const endpoints = await listEndpoints(db)
  return endpoints.filter((e) => e.enabled && e.events.includes(eventType))
}

type DeliveryRow = Selectable<WebhookDeliveryTable>

export function rowToDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventType: row.event_type as WebhookEventType,
    payload: row.payload,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }
}

export async function insertDelivery(db: Executor, d: WebhookDelivery): Promise<void> {
  await db
    .insertInto('webhook_delivery')
    .values({
      id: d.id,
      endpoint_id: d.endpointId,
      event_type: d.eventType,
      payload: JSON.stringify(d.payload),
      status: d.status,
      attempts: d.attempts,
      last_status_code: d.lastStatusCode,
      last_error: d.lastError,
      created_at: d.createdAt,
      delivered_at: d.deliveredAt,
    })
    .execute()
}

export async function findDelivery(db: Executor, id: string) {
  const row = await db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? rowToDelivery(row) : undefined
}

export async function recordAttempt(
  db: Executor,
  attempt: Omit<WebhookAttemptTable, 'id'>,
  outcome: { status: DeliveryStatus; deliveredAt: Date | null },
): Promise<void> {
  await db.insertInto('webhook_attempt').values(attempt).execute()
  await db
    .updateTable('webhook_delivery')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: outcome.status,
      last_status_code: attempt.status_code,
      last_error: attempt.error,
      delivered_at: outcome.deliveredAt,
    }))
    .where('id', '=', attempt.delivery_id)
    .execute()
}

export async function listDeliveries(
  db: Executor,
  filter: { endpointId?: string; status?: DeliveryStatus; limit: number },
): Promise<WebhookDelivery[]> {
  let query = db.selectFrom('webhook_delivery').selectAll()
  if (filter.endpointId) query = query.where('endpoint_id', '=', filter.endpointId)
  if (filter.status) query = query.where('status', '=', filter.status)
  const rows = await query.orderBy('created_at', 'desc').limit(filter.limit).execute()
  return rows.map(rowToDelivery)
}

export async function listAttempts(db: Executor, deliveryId: string) {
  return db
    .selectFrom('webhook_attempt')
    .select(['attempted_at', 'status_code', 'error', 'duration_ms'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute()
}
