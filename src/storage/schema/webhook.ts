import type { Generated, JSONColumnType } from 'kysely'

export interface WebhookEndpointTable {
  id: string
  url: string
  secret: string
  events: JSONColumnType<string[]>
  description: string | null
  enabled: boolean
  created_at: Date
}

export interface WebhookDeliveryTable {
  id: string
  endpoint_id: string
  event_type: string
  payload: JSONColumnType<Record<string, unknown>>
  status: string
  attempts: Generated<number>
  last_status_code: number | null
  last_error: string | null
  created_at: Date
  delivered_at: Date | null
}

export interface WebhookAttemptTable {
  id: Generated<number>
  delivery_id: string
  attempted_at: Date
  status_code: number | null
  error: string | null
  duration_ms: number
}
