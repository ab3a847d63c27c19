import { z } from 'zod'

export const WEBHOOK_EVENTS = [
  'decision.recorded',
  'action.requested',
  'content.blocked',
  'notification.requested',
  'case.escalated',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]

export const webhookInputSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  secret: z
    .string()
    .min(24, 'use a secret of at least 24 characters')
    .max(200)
    .describe('Shared secret; the Standard Webhooks "whsec_" base64 form or any string'),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1)
    .default([...WEBHOOK_EVENTS]),
  description: z.string().max(200).optional(),
})
export type WebhookInput = z.infer<typeof webhookInputSchema>

export interface WebhookEndpoint {
  id: string
  url: string
  events: WebhookEventType[]
  description: string | null
  enabled: boolean
  createdAt: Date
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'retrying', 'dead'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export interface WebhookDelivery {
  id: string
  endpointId: string
  eventType: WebhookEventType
  payload: Record<string, unknown>
  status: DeliveryStatus
  attempts: number
  lastStatusCode: number | null
  lastError: string | null
  createdAt: Date
  deliveredAt: Date | null
}
