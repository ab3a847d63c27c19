import { z } from 'zod'

/** One step of the repeat-offender ladder: reached when live strike points reach `atPoints`. */
export const strikeStepSchema = z.strictObject({
  atPoints: z.number().int().min(1).max(1000),
  action: z.enum(['warning', 'suspension', 'termination']),
  /** For a suspension: how long it lasts. */
  hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 3650)
    .optional(),
})
export type StrikeStep = z.infer<typeof strikeStepSchema>

/** Repeat offenders (DSA Art. 23(1)): strikes expire; the ladder never skips its warning. */
export const strikePolicySchema = z.strictObject({
  expiryDays: z.number().int().min(1).max(3650).default(365),
  ladder: z
    .array(strikeStepSchema)
    .min(1)
    .default([
      { atPoints: 1, action: 'warning' },
      { atPoints: 3, action: 'suspension', hours: 72 },
      { atPoints: 6, action: 'suspension', hours: 24 * 30 },
      { atPoints: 9, action: 'termination' },
    ]),
})
export type StrikePolicy = z.infer<typeof strikePolicySchema>

/** Misuse of the notice system (DSA Art. 23(2)). */
export const misusePolicySchema = z.strictObject({
  windowDays: z.number().int().min(1).max(3650).default(90),
  /** Manifestly unfounded notices in the window that earn a warning, then a restriction. */
  unfoundedThreshold: z.number().int().min(1).max(10_000).default(5),
  /** Share of the reporter's decided notices that must be unfounded too. */
  unfoundedShare: z.number().min(0).max(1).default(0.8),
  restriction: z.enum(['deprioritise', 'refuse']).default('deprioritise'),
  restrictionDays: z.number().int().min(1).max(3650).default(30),
})
export type MisusePolicy = z.infer<typeof misusePolicySchema>
