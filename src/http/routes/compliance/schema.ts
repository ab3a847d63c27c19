import { z } from 'zod'
import {
  ASSESSMENT_STATUSES,
  harmAssessmentSchema,
  personSchema,
  RISK_LEVELS,
  riskAssessmentInputSchema,
  serviceProfileSchema,
} from '../../../core/risk-assessment.js'
import { liveEvidenceSchema } from '../../../core/risk-record.js'

export const assessmentParams = z.object({
  id: z.uuid({ error: 'a risk assessment id is a UUID' }),
})

const instant = z.string().describe('ISO 8601')

export const exportQuerySchema = z.strictObject({
  format: z.enum(['json', 'html']).default('json').describe('html: a self-contained page'),
})

export const matrixQuerySchema = z.strictObject({
  assessmentId: z
    .uuid()
    .optional()
    .describe('A version to work the matrix out for (e.g. a draft); default the approved one'),
  format: z.enum(['json', 'html']).default('json'),
})

export const assessmentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  profile: serviceProfileSchema,
  harms: z.array(
    harmAssessmentSchema.extend({
      level: z.enum(RISK_LEVELS),
      combinedLevel: z.enum(RISK_LEVELS).describe('The combination of likelihood and impact'),
    }),
  ),
  responsiblePerson: personSchema,
  completedBy: personSchema,
  completedOn: z.string(),
  reviewedOn: z.string().nullable(),
  riskProfilesConsulted: riskAssessmentInputSchema.shape.riskProfilesConsulted,
  notes: z.string().nullable(),
  liveEvidence: liveEvidenceSchema
    .nullable()
    .describe('Vigil’s figures per harm as they stood at approval; null for a draft'),
  createdBy: z.string().describe('The Vigil actor who recorded the version'),
  createdAt: instant,
  updatedAt: instant,
  approvedBy: personSchema.nullable(),
  approvedByActor: z.string().nullable(),
  approvedAt: instant.nullable(),
  supersededAt: instant.nullable(),
})

export const assessmentSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(ASSESSMENT_STATUSES),
  serviceName: z.string(),
  completedOn: z.string(),
  responsiblePerson: personSchema,
  approvedBy: personSchema.nullable(),
  approvedAt: instant.nullable(),
  supersededAt: instant.nullable(),
  createdAt: instant,
  levels: z.record(z.string(), z.enum(RISK_LEVELS)).describe('Risk level by kind'),
})

export const historySchema = z.object({
  assessments: z.array(assessmentSummarySchema).describe('Every version, newest first'),
})

export const assessmentExportSchema = z.object({
  assessment: assessmentSchema,
  liveEvidence: liveEvidenceSchema,
  liveEvidenceAsOf: z
    .enum(['approval', 'now'])
    .describe('The snapshot kept at approval, or for a draft the figures now'),
  history: z.array(assessmentSummarySchema),
})

export const alternativeSchema = z.object({
  id: z.string(),
  measure: z.string(),
  description: z.string(),
  howItComplies: z.string(),
  freedomOfExpression: z.string(),
  privacy: z.string(),
  recordedBy: personSchema,
  recordedByActor: z.string(),
  recordedAt: instant,
})

const statusSchema = z.object({
  status: z
    .enum(['met', 'partly', 'not_met', 'not_software', 'outside_vigil'])
    .describe(
      'Whether Vigil’s configuration carries it out; not_software: governance, record only; outside_vigil: only the service can',
    ),
  evidence: z.array(z.string()),
  gaps: z.array(z.string()).describe('What to configure'),
  outsideVigil: z.string().nullable(),
})

const matrixRowSchema = z.object({
  key: z.string().describe('e.g. "ICU C9"'),
  code: z.enum(['ICU', 'PCU']),
  id: z.string(),
  measure: z.string(),
  appliesTo: z.string(),
  impl: z.string(),
  unverified: z.boolean().describe('⚠: not checked against the primary text'),
  optional: z.boolean(),
  stage: z.enum(['in_force', 'not_yet_in_force', 'draft', 'not_in_force']),
  stageNote: z.string().nullable(),
  applies: z.enum(['yes', 'no', 'unknown']),
  reason: z.string(),
  owed: z.boolean().describe('Applies, binds now and is not optional'),
  status: statusSchema.nullable(),
  alternatives: z.array(alternativeSchema),
})

export const matrixSchema = z.object({
  generatedAt: instant,
  assessment: z.object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(ASSESSMENT_STATUSES),
    approvedAt: instant.nullable(),
    serviceName: z.string(),
  }),
  applicability: z.object({
    on: z.string(),
    large: z.object({ value: z.boolean(), reason: z.string() }),
    multiRisk: z.object({ value: z.boolean(), kinds: z.array(z.string()), reason: z.string() }),
    childrenLikely: z.boolean(),
  }),
  measures: z.array(matrixRowSchema),
  gaps: z.array(
    z.object({
      measures: z.array(z.string()).describe('The owed measures this gap holds back'),
      status: z.enum(['not_met', 'partly']),
      gap: z.string(),
      alternativeRecorded: z.boolean(),
    }),
  ),
  notes: z.array(z.string()),
})
