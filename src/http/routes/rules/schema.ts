import { z } from 'zod'
import {
  RULE_FORMATS,
  RULE_STATES,
  ruleNameSchema,
  ruleSourceInputSchema,
} from '../../../core/rule.js'

export const ruleParams = z.object({
  id: z.string().min(1).max(120).describe("The rule's id or its name"),
})

export const createRuleBody = ruleSourceInputSchema.extend({
  name: ruleNameSchema.optional().describe("When given, it must match the document's name"),
  state: z.enum(RULE_STATES).default('draft'),
})

export const ruleVersionBody = ruleSourceInputSchema.extend({
  state: z.enum(RULE_STATES).optional().describe('Change the state with the new version'),
})

export const ruleStateBody = z.strictObject({ state: z.enum(RULE_STATES) })

export const backtestBody = z.strictObject({
  since: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .describe('Replay subjects first seen from this date or time on'),
  version: z.int().min(1).optional().describe("The version to replay; the rule's current one"),
})

const json = z.record(z.string(), z.unknown())

/** A stored rule document; `when` and `do` are as docs/rules.md describes them. */
const ruleDocumentViewSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  when: z.unknown().describe('The condition: one test, or all/any/not over tests'),
  do: json.describe('What happens when the condition holds'),
})

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(RULE_STATES),
  currentVersion: z.number(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
})

export const ruleListSchema = z.object({ rules: z.array(ruleSchema) })

const ruleVersionSchema = z.object({
  ruleId: z.string(),
  version: z.number(),
  format: z.enum(RULE_FORMATS),
  source: z.string().describe('The document as it was written'),
  document: ruleDocumentViewSchema,
  createdBy: z.string(),
  createdAt: z.date(),
})

export const ruleDetailSchema = ruleSchema.extend({
  description: z.string().nullable().describe("The current version's description"),
  document: ruleDocumentViewSchema.nullable().describe("The current version's document"),
  versions: z.array(ruleVersionSchema),
  outcomes: z
    .object({ live: z.number(), shadow: z.number(), since: z.date() })
    .describe('Outcomes recorded since `since` (the last 7 days)'),
})

function buckets<T extends z.ZodType>(item: T) {
  return z.object({ tp: item, fp: item, fn: item, tn: item })
}

export const backtestSchema = z.object({
  rule: z.object({ id: z.string(), name: z.string() }),
  version: z.number(),
  since: z.date(),
  until: z.date(),
  subjects: z.number().describe('Subjects replayed'),
  matched: z.number().describe('Subjects the rule matched, labelled or not'),
  counts: buckets(z.number()),
  precision: z.number().nullable().describe('tp / (tp + fp); null when nothing decided matched'),
  recall: z.number().nullable().describe('tp / (tp + fn); null when nothing decided was positive'),
  undecided: z
    .object({ subjects: z.number(), matched: z.number() })
    .describe('Subjects without a decision: outside the counts'),
  examples: buckets(z.array(z.string())).describe('A few subject ids per bucket'),
})
