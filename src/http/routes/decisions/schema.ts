import { z } from 'zod'
import { ACTION_TYPES, DECISION_SOURCES } from '../../../core/decision.js'
import {
  DSA_ACCOUNT_DECISIONS,
  DSA_AUTOMATED_DECISIONS,
  DSA_CATEGORIES,
  DSA_CONTENT_TYPES,
  DSA_DECISION_GROUNDS,
  DSA_KEYWORDS,
  DSA_MONETARY_DECISIONS,
  DSA_PROVISION_DECISIONS,
  DSA_SOURCE_TYPES,
  DSA_VISIBILITY_DECISIONS,
} from '../../../core/dsa.js'
import { STATEMENT_SCHEMA } from '../../../core/statement-of-reasons.js'
import { SUBJECT_KINDS } from '../../../core/subject.js'

export const decisionParams = z.object({ id: z.uuid({ error: 'a decision id is a UUID' }) })
export const caseParams = z.object({ id: z.uuid({ error: 'a case id is a UUID' }) })

const isoTime = z.string().describe('ISO 8601')

const restrictionSchema = z.object({
  action: z.enum(ACTION_TYPES),
  territories: z.array(z.string()).nullable().describe('ISO 3166-1 alpha-2; null: everywhere'),
  durationHours: z.number().nullable(),
  endsAt: isoTime.nullable().describe('Null when it has no end'),
  label: z.string().nullable(),
})

const redressSchema = z.object({
  internalComplaint: z.object({
    basis: z.literal('DSA Art. 20'),
    windowDays: z.number(),
    deadline: isoTime,
  }),
  outOfCourtSettlement: z.object({ basis: z.literal('DSA Art. 21') }),
  judicialRedress: z.object({ basis: z.literal('courts') }),
})

/** The statement of reasons (DSA Art. 17), with the Transparency Database's field names. */
export const statementOfReasonsSchema = z.object({
  schema: z.literal(STATEMENT_SCHEMA),
  decisionId: z.string(),
  applicationDate: isoTime.describe('When the restriction starts'),
  contentDate: isoTime.nullable().describe('When the content was posted, as far as Vigil knows'),
  content: z.object({ id: z.string(), kind: z.enum(SUBJECT_KINDS), url: z.string().nullable() }),
  contentType: z.array(z.enum(DSA_CONTENT_TYPES)),
  contentTypeOther: z.string().nullable(),
  restrictions: z.array(restrictionSchema),
  decisionVisibility: z.array(z.enum(DSA_VISIBILITY_DECISIONS)),
  decisionMonetary: z.enum(DSA_MONETARY_DECISIONS).nullable(),
  decisionProvision: z.enum(DSA_PROVISION_DECISIONS).nullable(),
  decisionAccount: z.enum(DSA_ACCOUNT_DECISIONS).nullable(),
  territorialScope: z.array(z.string()).nullable(),
  endDateVisibilityRestriction: isoTime.nullable(),
  endDateMonetaryRestriction: isoTime.nullable(),
  endDateServiceRestriction: isoTime.nullable(),
  endDateAccountRestriction: isoTime.nullable(),
  decisionGround: z.enum(DSA_DECISION_GROUNDS),
  illegalContentLegalGround: z.string().nullable(),
  illegalContentExplanation: z.string().nullable(),
  incompatibleContentGround: z.string().nullable(),
  incompatibleContentVersion: z.string().nullable(),
  incompatibleContentExplanation: z.string().nullable(),
  decisionGroundReferenceUrl: z.string().nullable(),
  harm: z.object({ id: z.string(), label: z.string().nullable() }),
  category: z.enum(DSA_CATEGORIES).nullable(),
  categorySpecification: z.array(z.enum(DSA_KEYWORDS)),
  categorySpecificationOther: z.string().nullable(),
  decisionFacts: z.string(),
  source: z.enum(DECISION_SOURCES),
  sourceType: z.enum(DSA_SOURCE_TYPES),
  automatedDetection: z.boolean(),
  automatedDecision: z.enum(DSA_AUTOMATED_DECISIONS),
  redress: redressSchema,
  plainText: z.string().describe('The same statement in plain words, as sent to the author'),
})
