import { z } from 'zod'
import { appealPolicySchema } from './policy/appeals.js'
import { cseaReportingPolicySchema } from './policy/csea-reporting.js'
import { enforcementPolicySchema } from './policy/enforcement.js'
import { evidencePolicySchema } from './policy/evidence.js'
import { queuePolicySchema } from './policy/queues.js'
import { reportingPolicySchema } from './policy/reporting.js'
import { misusePolicySchema, strikePolicySchema } from './policy/strikes.js'

/**
 * The service's written moderation policy: queues and routing, reporting limits, appeals,
 * strikes, misuse, re-upload prevention and evidence. Read from VIGIL_POLICY_FILE (YAML or
 * JSON); every part has a default, so an empty document is a complete policy.
 */
export const policySchema = z
  .strictObject({
    queues: queuePolicySchema.default(queuePolicySchema.parse({})),
    reporting: reportingPolicySchema.default(reportingPolicySchema.parse({})),
    appeals: appealPolicySchema.default(appealPolicySchema.parse({})),
    strikes: strikePolicySchema.default(strikePolicySchema.parse({})),
    misuse: misusePolicySchema.default(misusePolicySchema.parse({})),
    enforcement: enforcementPolicySchema.default(enforcementPolicySchema.parse({})),
    cseaReporting: cseaReportingPolicySchema.default(cseaReportingPolicySchema.parse({})),
    evidence: evidencePolicySchema.default(evidencePolicySchema.parse({})),
  })
  .superRefine((policy, ctx) => {
    const known = new Set(policy.queues.definitions.map((queue) => queue.id))
    const mustExist = (id: string, path: (string | number)[]) => {
      if (!known.has(id)) {
        ctx.addIssue({ code: 'custom', path, message: `names queue "${id}", which is not defined` })
      }
    }
    mustExist(policy.queues.fallback, ['queues', 'fallback'])
    for (const [i, route] of policy.queues.routes.entries()) {
      mustExist(route.queue, ['queues', 'routes', i, 'queue'])
    }
    mustExist(policy.appeals.queue, ['appeals', 'queue'])
    mustExist(policy.appeals.expeditedQueue, ['appeals', 'expeditedQueue'])
    const ladder = policy.strikes.ladder
    if (ladder[0]?.action !== 'warning') {
      ctx.addIssue({
        code: 'custom',
        path: ['strikes', 'ladder', 0],
        message: 'the first step must be a warning (DSA Art. 23: never without a prior warning)',
      })
    }
    ladder.forEach((step, i) => {
      if (i > 0 && step.atPoints <= (ladder[i - 1]?.atPoints ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['strikes', 'ladder', i, 'atPoints'],
          message: 'steps must rise in points',
        })
      }
      if (step.action === 'suspension' && !step.hours) {
        ctx.addIssue({
          code: 'custom',
          path: ['strikes', 'ladder', i, 'hours'],
          message: 'a suspension needs hours',
        })
      }
    })
  })
export type Policy = z.infer<typeof policySchema>

export const DEFAULT_POLICY: Policy = policySchema.parse({})
