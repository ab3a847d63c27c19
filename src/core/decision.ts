import { z } from 'zod'

/** What the platform is told to do; each maps to a DSA restriction type. */
export const ACTION_TYPES = [
  'no_action',
  'remove',
  'disable',
  'demote',
  'age_restrict',
  'restrict_interaction',
  'label',
  'geo_restrict',
  'demonetise',
  'suspend_account',
  'terminate_account',
  'restore',
] as const
export type ActionType = (typeof ACTION_TYPES)[number]

const territory = z
  .string()
  .regex(/^[A-Z]{2}$/, 'a territory is an ISO 3166-1 alpha-2 code such as GB or DE')

export const actionSchema = z.strictObject({
  type: z.enum(ACTION_TYPES),
  territories: z
    .array(territory)
    .max(60)
    .optional()
    .describe('Where the action applies; absent means everywhere'),
  durationHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365 * 10)
    .optional()
    .describe('How long the action lasts; absent means indefinitely'),
  label: z.string().max(200).optional(),
})
export type Action = z.infer<typeof actionSchema>

export const groundSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('illegal'),
    offence: z.string().min(1).max(500).describe('The offence, e.g. "Terrorism Act 2000 s.58"'),
  }),
  z.strictObject({
    type: z.literal('terms'),
    clause: z.string().min(1).max(500).describe('The terms of service clause'),
    version: z.string().max(100).optional(),
  }),
])
export type Ground = z.infer<typeof groundSchema>

export const AUTOMATED_DECISION = ['fully', 'partially', 'not'] as const

export const decisionInputSchema = z
  .strictObject({
    harm: z.string().min(1).max(120),
    ground: groundSchema,
    actions: z.array(actionSchema).min(1).max(10),
    statement: z
      .string()
      .min(1)
      .max(5000)
      .describe('The statement of reasons in plain words: facts and reasoning'),
    automatedDetection: z.boolean().default(false),
    automatedDecision: z.enum(AUTOMATED_DECISION).default('not'),
  })
  .refine((input) => !input.actions.some((a) => a.type === 'geo_restrict' && !a.territories), {
    message: 'a geo_restrict action needs territories',
    path: ['actions'],
  })
export type DecisionInput = z.infer<typeof decisionInputSchema>

/**
 * What led to the decision, as the DSA statement of reasons states it: a notice (Art. 16), a
 * trusted flagger's notice (Art. 22), another notice such as an authority's order, or the
 * service's own initiative.
 */
export const DECISION_SOURCES = [
  'notice',
  'trusted_flagger',
  'authority',
  'own_initiative',
] as const
export type DecisionSource = (typeof DECISION_SOURCES)[number]

export interface Decision {
  id: string
  caseId: string
  subjectId: string
  harm: string
  ground: Ground
  actions: Action[]
  statement: string
  automatedDetection: boolean
  automatedDecision: (typeof AUTOMATED_DECISION)[number]
  decidedBy: string
  /** The decider's display name, for the statement of reasons and the console. */
  decidedByName: string | null
  sourceType: DecisionSource
  /** The structured statement of reasons (DSA Art. 17) built when the decision was made. */
  statementOfReasons: Record<string, unknown> | null
  /** Set on a reversal: the decision it reverses. */
  reversesDecisionId: string | null
  /** Set when the decision settles an appeal. */
  appealId: string | null
  createdAt: Date
}

/** True when the decision restricts something, so a statement of reasons is owed (DSA Art. 17). */
export function isRestrictive(actions: readonly Action[]): boolean {
  return actions.some((action) => action.type !== 'no_action' && action.type !== 'restore')
}
