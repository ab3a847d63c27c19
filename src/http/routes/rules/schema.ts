import { z } from 'zod'
import { RULE_STATES, ruleNameSchema, ruleSourceInputSchema } from '../../../core/rule.js'

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
