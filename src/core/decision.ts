import { z } from 'zod'
import { judgementInputSchema, judgementProblem, type RecordedJudgement } from './judgement.js'
import { NOTICE_ASSESSMENTS } from './misuse.js'

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
  restores: z
    .enum(ACTION_TYPES)
    .optional()
    .describe('On a restore action (a reversal): the action of the reversed decision it undoes'),
})
export type Action = z.infer<typeof actionSchema>

const explanation = z
  .string()
  .min(1)
  .max(2000)
  .optional()
  .describe('Why the content falls under this ground; the statement text is used when absent')

export const groundSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('illegal'),
    offence: z.string().min(1).max(500).describe('The offence, e.g. "Terrorism Act 2000 s.58"'),
    explanation,
  }),
  z.strictObject({
    type: z.literal('terms'),
    clause: z.string().min(1).max(500).describe('The terms of service clause'),
    version: z
      .string({ error: 'a terms ground needs the version of the terms, e.g. "2026-01"' })
      .min(1, 'a terms ground needs the version of the terms, e.g. "2026-01"')
      .max(100)
      .describe('The version of the terms the clause is from (DSA Art. 17(3)(e))'),
    referenceUrl: z.url().max(500).optional().describe('Where the clause can be read'),
    explanation,
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
    noticeAssessment: z
      .enum(NOTICE_ASSESSMENTS)
      .optional()
      .describe(
        "How the case's notices were judged; manifestly_unfounded counts towards misuse (DSA Art. 23(2))",
      ),
    judgement: judgementInputSchema.optional(),
  })
  .superRefine((input, ctx) => {
    for (const problem of actionProblems(input.actions)) {
      ctx.addIssue({ code: 'custom', path: ['actions', ...problem.path], message: problem.message })
    }
    const problem = input.judgement && judgementProblem(input.harm, input.judgement)
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['judgement', ...problem.path],
        message: problem.message,
      })
    }
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

/** A notice on a case, as far as the decision's source is concerned. */
export interface NoticeOrigin {
  reporterKind: string
  /** The kind of the registered flagger that filed it, if one did. */
  flaggerKind: 'trusted_flagger' | 'authority' | null
}

/**
 * What led to a decision, from the notices on its case: an authority's notice outranks a trusted
 * flagger's, which outranks anyone else's; with no notice the service acted on its own initiative.
 */
export function decisionSourceOf(notices: readonly NoticeOrigin[]): DecisionSource {
  const kinds = new Set(notices.map((n) => n.flaggerKind ?? n.reporterKind))
  if (kinds.has('authority')) return 'authority'
  if (kinds.has('trusted_flagger')) return 'trusted_flagger'
  return notices.length > 0 ? 'notice' : 'own_initiative'
}

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
  /** The moderator's illegal content judgement (Ofcom ICU C1), when one was recorded. */
  judgement?: RecordedJudgement
  createdAt: Date
}

/** What is wrong with a decision's list of actions, if anything; shared by the API and rules. */
export function actionProblems(
  actions: readonly Action[],
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  actions.forEach((action, i) => {
    if (action.type === 'geo_restrict' && !action.territories?.length) {
      problems.push({
        path: [i, 'territories'],
        message: 'a geo_restrict action needs territories',
      })
    }
    if (action.restores && action.type !== 'restore') {
      problems.push({ path: [i, 'restores'], message: 'restores belongs to restore actions only' })
    }
    if (action.type === 'restore') {
      problems.push({
        path: [i, 'type'],
        message: 'restore is recorded by reversing the decision: POST /v1/decisions/{id}/reverse',
      })
    }
  })
  if (actions.length > 1 && actions.some((a) => a.type === 'no_action')) {
    problems.push({ path: [], message: 'no_action cannot be combined with other actions' })
  }
  return problems
}

/** True when the decision restricts something, so a statement of reasons is owed (DSA Art. 17). */
export function isRestrictive(actions: readonly Action[]): boolean {
  return actions.some((action) => action.type !== 'no_action' && action.type !== 'restore')
}

export const reversalInputSchema = z.strictObject({
  reasons: z
    .string()
    .min(1)
    .max(5000)
    .describe('Why the decision is reversed, in plain words; the author is told'),
})
export type ReversalInput = z.infer<typeof reversalInputSchema> & {
  /** The appeal the reversal settles (the appeal flow sets it). */
  appealId?: string
}

/** A reversal's actions: one restore for each restriction of the original, where it applied. */
export function restoreActions(original: readonly Action[]): Action[] {
  return original
    .filter((a) => a.type !== 'no_action' && a.type !== 'restore')
    .map((a) => ({
      type: 'restore' as const,
      restores: a.type,
      ...(a.territories?.length ? { territories: [...a.territories] } : {}),
    }))
}
