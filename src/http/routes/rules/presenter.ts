import type { RuleDetail } from '../../../services/rules.js'

/** A rule with its current document, every version and its recent outcome counts. */
export function presentRule(detail: RuleDetail) {
  const { rule, versions, outcomes } = detail
  const current = versions.find((v) => v.version === rule.currentVersion)
  return {
    ...rule,
    description: current?.document.description ?? null,
    document: current?.document ?? null,
    versions,
    outcomes,
  }
}
