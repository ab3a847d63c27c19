import { z } from 'zod'
import {
  AUTOMATED_DECISION,
  actionSchema,
  DECISION_SOURCES,
  groundSchema,
} from '../../../core/decision.js'
import { judgementInputSchema } from '../../../core/judgement.js'
import { CASE_KINDS, CASE_STATUSES, ESCALATIONS } from '../../../core/moderation-case.js'
import { REPORT_CHANNELS, REPORT_OUTCOMES, REPORTER_KINDS } from '../../../core/report.js'
import { SIGNAL_SOURCES } from '../../../core/signal.js'
import { SUBJECT_KINDS, SURFACES, VERDICTS } from '../../../core/subject.js'

// @NOTE Response schemas of the case routes, so the OpenAPI document (and the console's
// generated types) describe what the presenters return.

const json = z.record(z.string(), z.unknown())

/** A case as stored, without the figures `presentCase` adds. */
export const moderationCaseSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  queue: z.string(),
  priority: z.number(),
  harm: z.string().nullable(),
  slaDeadline: z.date(),
  assignee: z.string().nullable().describe('"key:<id>" or "user:<id>" while claimed'),
  claimedUntil: z.date().nullable(),
  legalDeadline: z.date().nullable(),
  escalation: z.enum(ESCALATIONS).nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})

export const caseSchema = moderationCaseSchema.extend({
  slaRemainingSeconds: z.number(),
  overdue: z.boolean(),
  claimed: z.boolean(),
})

export const caseListSchema = z.object({ cases: z.array(caseSchema), total: z.number() })

const mediaItemSchema = z.object({
  sha256: z.string(),
  md5: z.string().optional(),
  pdq: z.string().optional(),
  pdqQuality: z.number().optional(),
  bytes: z.number(),
  mimeType: z.string().optional(),
  sourceUrl: z.string().optional().describe('Left out when the media is withheld'),
  withheld: z
    .enum(['csea'])
    .optional()
    .describe('"csea": only a child_safety console session may open it; show a placeholder'),
})

const subjectSchema = z.object({
  id: z.string(),
  externalId: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  surface: z.enum(SURFACES),
  authorId: z.string().nullable(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  media: z.array(mediaItemSchema).describe('Open item i with GET /v1/cases/{id}/media/{i}'),
  metadata: json,
  verdict: z.enum(VERDICTS).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})

const signalSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  source: z.enum(SIGNAL_SOURCES),
  harm: z.string(),
  score: z.number(),
  action: z.enum(VERDICTS),
  matcher: z.string(),
  evidence: json,
  createdAt: z.date(),
})

const reportSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseId: z.string(),
  subjectId: z.string(),
  harm: z.string(),
  explanation: z.string(),
  contentUrls: z.array(z.string()),
  reporterKind: z.enum(REPORTER_KINDS),
  reporterId: z.string().nullable(),
  reporterAddress: z.string().nullable(),
  filedBy: z.string(),
  channel: z.enum(REPORT_CHANNELS),
  followUp: z.boolean(),
  flaggerId: z.string().nullable(),
  declarations: json.nullable(),
  triage: z.string(),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  outcomeAt: z.date().nullable(),
  outcomeDecisionId: z.string().nullable(),
  createdAt: z.date(),
  reporterContactGiven: z.boolean(),
})

export const decisionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  subjectId: z.string(),
  harm: z.string(),
  ground: groundSchema,
  actions: z.array(actionSchema),
  statement: z.string(),
  automatedDetection: z.boolean(),
  automatedDecision: z.enum(AUTOMATED_DECISION),
  decidedBy: z.string(),
  decidedByName: z.string().nullable(),
  sourceType: z.enum(DECISION_SOURCES),
  statementOfReasons: json.nullable(),
  reversesDecisionId: z.string().nullable(),
  appealId: z.string().nullable(),
  judgement: judgementInputSchema
    .nullable()
    .describe('The illegal content judgement recorded with the decision, if any'),
  createdAt: z.date(),
})

const historySchema = z.object({
  at: z.date(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  data: json,
  sealed: z.boolean(),
})

export const caseViewSchema = caseSchema.extend({
  priorityBreakdown: z.object({
    value: z.number(),
    formula: z.string(),
    parts: z
      .object({
        harm: z.string().nullable(),
        severity: z.number(),
        source: z.enum(SIGNAL_SOURCES),
        trust: z.number(),
        reach: z.number(),
        reachFactor: z.number(),
        base: z.number(),
        ruleFloor: z.number().nullable(),
        escalationBoost: z.number(),
      })
      .nullable(),
  }),
  subject: subjectSchema,
  signals: z.array(signalSchema),
  reports: z.array(reportSchema),
  decisions: z.array(decisionSchema),
  history: z.array(historySchema),
})

export const queueSummarySchema = z.object({
  queues: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      defined: z.boolean().describe('False for a queue no longer in the policy'),
      slaHours: z.number().nullable(),
      legalDeadlineHours: z.number().nullable(),
      open: z.number(),
      claimed: z.number(),
      nearing: z.number(),
      overdue: z.number(),
      oldestOpenedAt: z.date().nullable(),
      nextDeadline: z.date().nullable(),
    }),
  ),
  nearingShare: z.number(),
  at: z.date(),
})
