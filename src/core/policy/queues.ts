import { z } from 'zod'
import { SIGNAL_SOURCES } from '../signal.js'
import { SURFACES } from '../subject.js'

const queueId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'a queue id is lower-case letters, digits and _')

export const queueDefinitionSchema = z.strictObject({
  id: queueId,
  label: z.string().min(1).max(120),
  /** Hours from the case opening to its SLA deadline. */
  slaHours: z
    .number()
    .positive()
    .max(24 * 90),
  /** A deadline set by law, in hours from the report (e.g. 48 for intimate images, OSA s.10(3A)). */
  legalDeadlineHours: z
    .number()
    .positive()
    .max(24 * 90)
    .optional(),
})
export type QueueDefinition = z.infer<typeof queueDefinitionSchema>

/** The first route whose every given condition holds picks the queue. */
export const queueRouteSchema = z.strictObject({
  queue: queueId,
  /** Harm ids; a case matches a harm or anything under it. */
  harms: z.array(z.string().min(1).max(120)).min(1).optional(),
  sources: z.array(z.enum(SIGNAL_SOURCES)).min(1).optional(),
  surfaces: z.array(z.enum(SURFACES)).min(1).optional(),
})
export type QueueRoute = z.infer<typeof queueRouteSchema>

export const DEFAULT_QUEUE_DEFINITIONS: QueueDefinition[] = [
  { id: 'child_safety', label: 'Child safety', slaHours: 1 },
  { id: 'terrorism', label: 'Terrorism', slaHours: 1 },
  {
    id: 'intimate_images',
    label: 'Intimate images (48-hour duty)',
    slaHours: 24,
    legalDeadlineHours: 48,
  },
  { id: 'trusted_flaggers', label: 'Trusted flaggers and authorities', slaHours: 12 },
  { id: 'general', label: 'General', slaHours: 72 },
  { id: 'appeals_expedited', label: 'Appeals and complaints (expedited)', slaHours: 24 },
  { id: 'appeals', label: 'Appeals and complaints', slaHours: 168 },
]

export const DEFAULT_QUEUE_ROUTES: QueueRoute[] = [
  { queue: 'child_safety', harms: ['illegal.csea'] },
  { queue: 'terrorism', harms: ['illegal.terrorism'] },
  { queue: 'intimate_images', harms: ['illegal.intimate_image_abuse'] },
  { queue: 'trusted_flaggers', sources: ['authority', 'trusted_flagger'] },
]

export const queuePolicySchema = z.strictObject({
  /** In order of urgency: a case never moves to a queue later in this list. */
  definitions: z.array(queueDefinitionSchema).min(1).default(DEFAULT_QUEUE_DEFINITIONS),
  routes: z.array(queueRouteSchema).default(DEFAULT_QUEUE_ROUTES),
  /** Where a case goes when no route matches. */
  fallback: queueId.default('general'),
  /** The escalation job marks a case "nearing" when this share of its SLA time is left. */
  nearingShare: z.number().min(0).max(1).default(0.25),
})
export type QueuePolicy = z.infer<typeof queuePolicySchema>
