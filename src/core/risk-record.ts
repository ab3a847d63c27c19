import { z } from 'zod'
import { ICU_MEASURES, measureKey, PCU_MEASURES } from './code-measures.js'
import {
  type AssessmentStatus,
  type HarmAssessment,
  type Person,
  personSchema,
  type RiskAssessmentInput,
  type ServiceProfile,
} from './risk-assessment.js'

// @NOTE The stored records of the risk assessment (s.9, s.23): a version with its approval, the
// live evidence drawn from Vigil's own data, and alternative measures (s.23(4)).

const count = z.number().int()
const pair = z.object({ current: count, previous: count })

export const TRENDS = ['up', 'down', 'flat'] as const

export const liveKindSchema = z.object({
  kind: z.string().describe('The harm taxonomy id; counts include every harm below it'),
  row: z.string(),
  label: z.string(),
  reports: pair.describe('Notices filed about this kind'),
  detections: pair.describe('Signals from hash banks, URL and keyword lists, classifiers, rules'),
  restricted: pair.describe('Original decisions on this kind that restricted something'),
  trend: z
    .enum(TRENDS)
    .describe('Reports and detections together, last 12 months on the 12 before'),
  trendText: z.string().describe('e.g. "up: 40 → 64 reports and detections (+60%)"'),
  periods: z
    .array(count)
    .describe('Reports and detections in 24 equal periods of 730/24 days, oldest first'),
})
export type LiveKind = z.infer<typeof liveKindSchema>

export const liveEvidenceSchema = z.object({
  generatedAt: z.string(),
  current: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  kinds: z.array(liveKindSchema),
  notes: z.array(z.string()),
})
export type LiveEvidence = z.infer<typeof liveEvidenceSchema>

export interface RiskAssessment {
  id: string
  version: number
  status: AssessmentStatus
  profile: ServiceProfile
  harms: HarmAssessment[]
  responsiblePerson: Person
  completedBy: Person
  completedOn: string
  reviewedOn: string | null
  riskProfilesConsulted: RiskAssessmentInput['riskProfilesConsulted']
  notes: string | null
  /** The live evidence as it stood at approval; null for drafts. */
  liveEvidence: LiveEvidence | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
  approvedBy: Person | null
  approvedByActor: string | null
  approvedAt: Date | null
  supersededAt: Date | null
}

/** Every measure of both Codes, as `ICU C9` or `PCU B1`. */
export const MEASURE_KEYS: readonly string[] = [...ICU_MEASURES, ...PCU_MEASURES].map(measureKey)

const text = (max: number) => z.string().trim().min(1).max(max)

export const alternativeMeasureInputSchema = z.strictObject({
  measure: z
    .string()
    .refine((key) => MEASURE_KEYS.includes(key), {
      message: 'name a measure as the matrix does, e.g. "ICU C9" or "PCU B1"',
    })
    .describe('The Code measure not taken, e.g. "ICU C9"'),
  description: text(4000).describe('What was done instead'),
  howItComplies: text(4000).describe('How it meets the duty the measure serves'),
  freedomOfExpression: text(4000).describe('Its effect on freedom of expression'),
  privacy: text(4000).describe('Its effect on privacy'),
  recordedBy: personSchema,
})
export type AlternativeMeasureInput = z.infer<typeof alternativeMeasureInputSchema>

export interface AlternativeMeasure extends AlternativeMeasureInput {
  id: string
  recordedByActor: string
  recordedAt: Date
}
