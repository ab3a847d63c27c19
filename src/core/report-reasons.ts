import { PLAIN_WORDS, type PlainWords } from './harms/plain-words.js'
import { isIntimateImageHarm } from './report.js'
import { GROUP_ROOTS, type HarmGroup, type HarmNode, type Taxonomy } from './taxonomy.js'

/** A reason a person can pick on the report page, in plain words. */
export interface ReportReason extends PlainWords {
  harm: string
}

export interface ReportReasonGroup {
  heading: string
  reasons: ReportReason[]
}

const GROUP_HEADINGS: readonly { heading: string; groups: readonly HarmGroup[] }[] = [
  { heading: 'It is against the law', groups: ['priority_illegal', 'other_illegal'] },
  {
    heading: 'It is harmful to children',
    groups: ['children_primary_priority', 'children_priority'],
  },
  { heading: 'It is against our rules', groups: ['terms'] },
]

const ROOT_IDS = new Set(Object.values(GROUP_ROOTS))

/** Every harm but a group's root that has narrower harms under it (pick one of those). */
export function isReportable(taxonomy: Taxonomy, node: HarmNode): boolean {
  return !(ROOT_IDS.has(node.id) && taxonomy.children(node.id).length > 0)
}

/** The plain words for a harm; an operator's own terms nodes use their own label. */
export function plainWordsFor(node: HarmNode): PlainWords {
  return PLAIN_WORDS[node.id] ?? { label: node.label, hint: node.description }
}

/**
 * The reasons the public page offers, grouped. `exclude` drops harms that have their own form
 * (intimate images go to /report/intimate-image).
 */
export function reportReasons(
  taxonomy: Taxonomy,
  exclude: (harm: string) => boolean = isIntimateImageHarm,
): ReportReasonGroup[] {
  return GROUP_HEADINGS.map(({ heading, groups }) => ({
    heading,
    reasons: taxonomy.nodes
      .filter((node) => groups.includes(node.group) && isReportable(taxonomy, node))
      .filter((node) => !exclude(node.id))
      .map((node) => ({ harm: node.id, ...plainWordsFor(node) })),
  })).filter((group) => group.reasons.length > 0)
}
