import { z } from 'zod'
import { SIGNAL_SOURCES, type SignalSource } from '../signal.js'
import { SURFACES } from '../subject.js'

export const queueIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'a queue id is lower-case letters, digits and _')

export const queueDefinitionSchema = z
  .strictObject({
    id: queueIdSchema,
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
  .refine((q) => q.legalDeadlineHours === undefined || q.slaHours <= q.legalDeadlineHours, {
    message: 'slaHours must not be later than legalDeadlineHours: the law sets the latest time',
    path: ['slaHours'],
  })
export type QueueDefinition = z.infer<typeof queueDefinitionSchema>

/** The first route whose every given condition holds picks the queue. */
export const queueRouteSchema = z.strictObject({
  queue: queueIdSchema,
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

/** How much each kind of source is trusted (Ofcom ICU C5): a factor of the priority. */
export const DEFAULT_SOURCE_TRUST: Readonly<Record<SignalSource, number>> = {
  authority: 1.5,
  trusted_flagger: 1.4,
  hash_match: 1.3,
  url_list: 1.2,
  rule: 1.15,
  keyword_list: 1.1,
  classifier: 1.1,
  user_report: 1,
}

const trustFactor = z.number().min(0.1).max(10)

const sourceTrustSchema = z.strictObject(
  Object.fromEntries(
    SIGNAL_SOURCES.map((source) => [source, trustFactor.default(DEFAULT_SOURCE_TRUST[source])]),
  ) as Record<SignalSource, z.ZodDefault<typeof trustFactor>>,
)

/**
 * priority = round(100 × severity × reach factor × source trust) + escalation boost, where
 * reach factor = min(reachMaxFactor, 1 + reachPerTenfold × log10(1 + max(views, followers))).
 */
export const priorityPolicySchema = z.strictObject({
  sourceTrust: sourceTrustSchema.default(sourceTrustSchema.parse({})),
  /** Added to the reach factor for every tenfold of views or followers. */
  reachPerTenfold: z.number().min(0).max(2).default(0.1),
  /** The reach factor never exceeds this (1.6 is reached at a million). */
  reachMaxFactor: z.number().min(1).max(10).default(1.6),
  /** Added to the priority when the escalation job marks a case nearing its deadline. */
  nearingBoost: z.number().int().min(0).max(10_000).default(100),
  /** Added again when the deadline passes. */
  overdueBoost: z.number().int().min(0).max(10_000).default(300),
})
export type PriorityPolicy = z.infer<typeof priorityPolicySchema>

export const queuePolicySchema = z
  .strictObject({
    /** In order of urgency: a case never moves to a queue later in this list. */
    definitions: z.array(queueDefinitionSchema).min(1).default(DEFAULT_QUEUE_DEFINITIONS),
    routes: z.array(queueRouteSchema).default(DEFAULT_QUEUE_ROUTES),
    /** Where a case goes when no route matches. */
    fallback: queueIdSchema.default('general'),
    /** The escalation job marks a case "nearing" when this share of its SLA time is left. */
    nearingShare: z.number().min(0).max(1).default(0.25),
    priority: priorityPolicySchema.default(priorityPolicySchema.parse({})),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>()
    policy.definitions.forEach((queue, i) => {
      if (seen.has(queue.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['definitions', i, 'id'],
          message: `queue "${queue.id}" is defined twice`,
        })
      }
      seen.add(queue.id)
    })
  })
export type QueuePolicy = z.infer<typeof queuePolicySchema>

export const DEFAULT_QUEUE_POLICY: QueuePolicy = queuePolicySchema.parse({})
