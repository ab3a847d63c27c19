import { z } from 'zod'
import { SIGNAL_SOURCES } from '../../../core/signal.js'
import { VERDICTS } from '../../../core/subject.js'

export const signalSchema = z.object({
  id: z.string(),
  source: z.enum(SIGNAL_SOURCES),
  harm: z.string(),
  score: z.number(),
  action: z.enum(VERDICTS),
  matcher: z.string(),
  evidence: z.record(z.string(), z.unknown()),
})

export const ingestResponseSchema = z.object({
  subjectId: z.string(),
  verdict: z.enum(VERDICTS),
  signals: z.array(signalSchema),
  caseId: z.string().optional(),
  failures: z.array(z.object({ matcher: z.string(), reason: z.string() })).optional(),
})
