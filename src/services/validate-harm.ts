import { InvalidInputError } from '../core/errors.js'
import type { Taxonomy } from '../core/taxonomy.js'

export function assertKnownHarm(taxonomy: Taxonomy, harm: string, field = 'harm'): void {
  if (!taxonomy.has(harm)) {
    throw new InvalidInputError(`unknown harm "${harm}"; see GET /v1/taxonomy for the list`, {
      field,
      value: harm,
    })
  }
}
