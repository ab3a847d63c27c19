import type { Condition } from '../../core/rule.js'
import type { ActiveRule } from './evaluate.js'

/** Which author facts the active rules need, so ingest looks up only those. */
export interface AuthorNeeds {
  /** Hours of each `recentSubjects` window asked about. */
  windows: number[]
  priorRemovals: boolean
}

/**
 * The live and shadow rules this process applies, held in memory and replaced whole when the
 * rule revision moves (like the bank matchers).
 */
export class RuleSet {
  #rules: readonly ActiveRule[] = []
  #needs: AuthorNeeds = { windows: [], priorRemovals: false }
  #revision = -1

  /** The rule revision this set holds (-1 before the first load). */
  get revision(): number {
    return this.#revision
  }

  get rules(): readonly ActiveRule[] {
    return this.#rules
  }

  get authorNeeds(): AuthorNeeds {
    return this.#needs
  }

  load(rules: readonly ActiveRule[], revision: number): void {
    this.#rules = Object.freeze([...rules])
    this.#needs = authorNeeds(rules.map((rule) => rule.document.when))
    this.#revision = revision
  }
}

/** Walks the conditions for author history facts; account age needs no lookup. */
export function authorNeeds(conditions: readonly Condition[]): AuthorNeeds {
  const windows = new Set<number>()
  let priorRemovals = false
  const visit = (c: Condition): void => {
    for (const inner of [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])]) {
      visit(inner)
    }
    if (c.author?.recentSubjects) windows.add(c.author.recentSubjects.withinHours)
    if (c.author?.priorRemovals) priorRemovals = true
  }
  for (const condition of conditions) visit(condition)
  return { windows: [...windows].sort((a, b) => a - b), priorRemovals }
}
