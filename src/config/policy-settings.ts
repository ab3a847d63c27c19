import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { type Policy, policySchema } from '../core/policy.js'
import { buildTaxonomy, type TermsNodeInput } from '../core/taxonomy.js'

/** The written moderation policy: YAML or JSON text (loadConfig reads VIGIL_POLICY_FILE into it). */
export const policySettingsShape = {
  VIGIL_POLICY: z.string().optional(),
}

/** Parses the policy text; a problem is named by its path in the document. */
export function parsePolicyText(text: string | undefined): { policy?: Policy; problems: string[] } {
  let document: unknown = {}
  if (text !== undefined && text.trim() !== '') {
    try {
      document = parseYaml(text) ?? {}
    } catch (error) {
      return { problems: [`VIGIL_POLICY: is not valid YAML or JSON: ${(error as Error).message}`] }
    }
  }
  const parsed = policySchema.safeParse(document)
  if (parsed.success) return { policy: parsed.data, problems: [] }
  return {
    problems: parsed.error.issues.map(
      (issue) =>
        `VIGIL_POLICY: ${issue.path.map(String).join('.') || '(document)'}: ${issue.message}`,
    ),
  }
}

/** A queue route naming a harm the taxonomy lacks would silently never match: refuse it. */
export function unknownRouteHarms(policy: Policy, terms: TermsNodeInput[]): string[] {
  const taxonomy = buildTaxonomy(terms)
  return policy.queues.routes.flatMap((route, i) =>
    (route.harms ?? [])
      .filter((harm) => !taxonomy.get(harm))
      .map(
        (harm) =>
          `VIGIL_POLICY: queues.routes.${i}.harms: "${harm}" is not a harm in the taxonomy (see GET /v1/taxonomy)`,
      ),
  )
}
