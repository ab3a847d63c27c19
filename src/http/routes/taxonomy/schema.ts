import { z } from 'zod'
import { DSA_CATEGORIES, DSA_KEYWORDS } from '../../../core/dsa.js'
import { HARM_GROUPS } from '../../../core/harm-node.js'

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

export const harmNodeSchema = z.object({
  id: z.string().describe("Dotted; the parent's id is every segment but the last"),
  label: z.string(),
  description: z.string(),
  group: z.enum(HARM_GROUPS),
  parent: z.string().optional(),
  dsaCategory: z.enum(DSA_CATEGORIES),
  dsaKeywords: z.array(z.enum(DSA_KEYWORDS)),
  dsaKeywordOther: z.string().optional().describe('Present when KEYWORD_OTHER is used'),
  severity: z.number().int().min(1).max(5).describe('5 is the most severe'),
  ofcomKind: z.number().optional().describe("Ofcom's 1–18 numbering of priority illegal content"),
  illegal: z.boolean(),
  offences: z.array(z.string()).optional().describe('Named UK offences or legislation'),
  judgement: z
    .array(z.string())
    .optional()
    .describe('What must be true for the illegal content judgement, in plain words'),
})

export const taxonomySchema = z.object({ harms: z.array(harmNodeSchema) })
