import { z } from 'zod'
import { ACTION_TYPES, actionSchema, groundSchema } from './decision.js'
import { queueIdSchema } from './policy/queues.js'
import { SUBJECT_KINDS, SURFACES, type SubjectKind, type Surface } from './subject.js'

// @NOTE The rule language (docs/rules.md): a document names a condition over facts about one
// piece of content and what to do when it holds. Browser-safe, so the console can validate too.

export const RULE_STATES = ['draft', 'shadow', 'live'] as const
export type RuleState = (typeof RULE_STATES)[number]

export const RULE_FORMATS = ['json', 'yaml'] as const
export type RuleFormat = (typeof RULE_FORMATS)[number]

/** Rules see what detection found at ingest, never reports or other rules. */
export const RULE_SIGNAL_SOURCES = ['hash_match', 'url_list', 'keyword_list', 'classifier'] as const

/** What `has` can ask about. */
export const PRESENCE_FACTS = ['text', 'url', 'media', 'author'] as const
export type PresenceFact = (typeof PRESENCE_FACTS)[number]

/** The actions a rule may take by itself: restrictive ones only (no_action and restore need a person). */
export const AUTOMATIC_ACTION_TYPES = ACTION_TYPES.filter(
  (type) => type !== 'no_action' && type !== 'restore',
) as Exclude<(typeof ACTION_TYPES)[number], 'no_action' | 'restore'>[]

export const ruleNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'a rule name is 2-63 lowercase letters, digits, - or _')

const harmId = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'a harm is a taxonomy id such as illegal.fraud')

/** A single value or a list, read as a list. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).min(1).max(50))
}

function hasAny(value: object): boolean {
  return Object.values(value).some((v) => v !== undefined)
}

const bounds = { gte: z.number().optional(), lte: z.number().optional() }
const rangeSchema = z
  .strictObject(bounds)
  .refine((r) => r.gte !== undefined || r.lte !== undefined, 'give gte, lte or both')
export type Range = z.infer<typeof rangeSchema>

const signalPredicateSchema = z.strictObject({
  source: z
    .enum(RULE_SIGNAL_SOURCES, {
      error: `rules see detection signals only: ${RULE_SIGNAL_SOURCES.join(', ')}`,
    })
    .optional(),
  harm: harmId.optional().describe('the harm or any harm below it, e.g. illegal.csea'),
  matcher: z.string().min(1).max(200).optional(),
  minScore: z.number().min(0).max(1).optional(),
  atLeast: z.int().min(1).max(1000).optional().describe('how many such signals; default 1'),
})
export type SignalPredicate = z.infer<typeof signalPredicateSchema>

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()])
const metadataPredicateSchema = z
  .strictObject({
    path: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'a path is keys joined by dots: a.b.c'),
    equals: scalar.optional(),
    in: z.array(scalar).min(1).max(100).optional(),
    ...bounds,
    exists: z.boolean().optional(),
  })
  .refine(({ path: _p, ...tests }) => hasAny(tests), 'give equals, in, gte, lte or exists')
export type MetadataPredicate = z.infer<typeof metadataPredicateSchema>

const recentSchema = z
  .strictObject({
    withinHours: z
      .int()
      .min(1)
      .max(24 * 90),
    ...bounds,
  })
  .refine((r) => r.gte !== undefined || r.lte !== undefined, 'give gte, lte or both')
const authorPredicateSchema = z
  .strictObject({
    accountAgeDays: rangeSchema.optional(),
    recentSubjects: recentSchema.optional(),
    priorRemovals: rangeSchema.optional(),
  })
  .refine(hasAny, 'give accountAgeDays, recentSubjects or priorRemovals')
export type AuthorPredicate = z.infer<typeof authorPredicateSchema>

/** One test, or all/any/not over tests. Exactly one key per condition object. */
export interface Condition {
  all?: Condition[]
  any?: Condition[]
  not?: Condition
  signal?: SignalPredicate
  kind?: SubjectKind[]
  surface?: Surface[]
  metadata?: MetadataPredicate
  author?: AuthorPredicate
  has?: PresenceFact[]
}

export const CONDITION_KEYS = [
  'all',
  'any',
  'not',
  'signal',
  'kind',
  'surface',
  'metadata',
  'author',
  'has',
] as const

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      all: z.array(conditionSchema).min(1).max(50).optional(),
      any: z.array(conditionSchema).min(1).max(50).optional(),
      not: conditionSchema.optional(),
      signal: signalPredicateSchema.optional(),
      kind: oneOrMany(z.enum(SUBJECT_KINDS)).optional(),
      surface: oneOrMany(z.enum(SURFACES)).optional(),
      metadata: metadataPredicateSchema.optional(),
      author: authorPredicateSchema.optional(),
      has: oneOrMany(z.enum(PRESENCE_FACTS)).optional(),
    })
    .refine(
      (c) => Object.values(c).filter((v) => v !== undefined).length === 1,
      `a condition has exactly one of: ${CONDITION_KEYS.join(', ')}`,
    ),
)

const automaticActionSchema = actionSchema
  .extend({
    type: z.enum(AUTOMATIC_ACTION_TYPES, {
      error: `an automatic action restricts: ${AUTOMATIC_ACTION_TYPES.join(', ')}`,
    }),
    ground: groundSchema,
    statement: z.string().min(1).max(5000).describe('The statement of reasons sent to the user'),
  })
  .refine((a) => a.type !== 'geo_restrict' || a.territories, {
    message: 'a geo_restrict action needs territories',
    path: ['territories'],
  })
export type AutomaticAction = z.infer<typeof automaticActionSchema>

const effectSchema = z
  .strictObject({
    verdict: z.enum(['review', 'hold', 'block']).optional(),
    harm: harmId.optional(),
    queue: queueIdSchema
      .optional()
      .describe("A queue of the service's policy; checked against it when the rule is saved"),
    priority: z.int().min(0).max(1000).optional(),
    action: automaticActionSchema.optional(),
  })
  .superRefine((effect, ctx) => {
    if (!hasAny(effect)) {
      ctx.addIssue({ code: 'custom', message: 'give verdict, queue, priority or action' })
    }
    if ((effect.verdict || effect.action) && !effect.harm) {
      ctx.addIssue({
        code: 'custom',
        path: ['harm'],
        message: 'a rule with a verdict or an action names the harm it found',
      })
    }
    if (effect.action && !effect.verdict) {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'an automatic action needs a verdict that opens a case: review, hold or block',
      })
    }
  })
export type RuleEffect = z.infer<typeof effectSchema>

export const ruleDocumentSchema = z.strictObject({
  name: ruleNameSchema,
  description: z.string().max(1000).optional(),
  when: conditionSchema,
  do: effectSchema.describe('What happens when the condition holds'),
})
export type RuleDocument = z.infer<typeof ruleDocumentSchema>

export const ruleSourceInputSchema = z.strictObject({
  format: z.enum(RULE_FORMATS),
  source: z.string().min(1).max(50_000).describe('The rule document as JSON or YAML text'),
})

export interface Rule {
  id: string
  name: string
  state: RuleState
  currentVersion: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** One immutable version of a rule's document. */
export interface RuleVersion {
  ruleId: string
  version: number
  format: RuleFormat
  source: string
  document: RuleDocument
  createdBy: string
  createdAt: Date
}

export const RULE_MODES = ['live', 'shadow'] as const
export type RuleMode = (typeof RULE_MODES)[number]
