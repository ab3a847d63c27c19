import { z } from 'zod'

export const harmParams = z.object({
  id: z.string().min(1).max(120).describe('A harm id from GET /v1/taxonomy'),
})

export const judgementChecklistSchema = z.object({
  harm: z.string().describe('The harm whose checklist this is: the one asked for or an ancestor'),
  title: z.string(),
  items: z.array(
    z.object({
      id: z.string().describe('Give it back in a decision’s judgement.items[].id'),
      question: z.string(),
      guidance: z.string(),
    }),
  ),
})
