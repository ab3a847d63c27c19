import { z } from 'zod'
import { strikeStepSchema } from '../../../core/policy/strikes.js'
import { RESTRICTION_KINDS } from '../../../core/strike.js'

export const accountParams = z.object({
  accountId: z.string().min(1).max(200).describe("The platform's own id for the account"),
})

const strikeSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  decisionId: z.string(),
  harm: z.string(),
  severity: z.number().describe("Points: the harm's severity in the taxonomy (1–5)"),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  removedAt: z.date().nullable().describe('Set when the decision was reversed'),
  removedReason: z.string().nullable(),
})

const restrictionSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  kind: z.enum(RESTRICTION_KINDS),
  reason: z.string(),
  strikePoints: z.number().nullable().describe('Live strike points when it was given'),
  decisionId: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date().nullable().describe('When a suspension ends; null for the other kinds'),
  liftedAt: z.date().nullable(),
  liftedReason: z.string().nullable(),
  createdAt: z.date(),
})

export const standingSchema = z.object({
  accountId: z.string(),
  at: z.date().describe('When the standing was computed'),
  status: z.enum(['good', 'warned', 'suspended', 'terminated']),
  points: z.number(),
  liveStrikes: z.array(strikeSchema),
  restrictions: z
    .array(restrictionSchema)
    .describe('Suspensions and terminations in force, and warnings still on record'),
  suspendedUntil: z.date().nullable(),
  nextStep: z
    .object({
      ...strikeStepSchema.shape,
      pointsToGo: z.number(),
      warningFirst: z.boolean().describe('A warning comes first: none is on record'),
    })
    .nullable()
    .describe('The next step of the ladder above the points'),
  history: z
    .object({ strikes: z.array(strikeSchema), restrictions: z.array(restrictionSchema) })
    .describe('The whole record, removed and expired strikes and lifted restrictions included'),
})
