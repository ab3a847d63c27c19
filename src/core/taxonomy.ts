import { z } from 'zod'
import { DSA_CATEGORIES, DSA_KEYWORDS, type DsaKeyword } from './dsa.js'
import type { HarmGroup, HarmNode, NodeSpec } from './harm-node.js'
import { CHILDREN_PRIMARY, CHILDREN_PRIORITY } from './harms/children.js'
import { OTHER_ILLEGAL, TERMS } from './harms/other.js'
import { PRIORITY_ILLEGAL } from './harms/priority-illegal.js'

export { HARM_GROUPS, type HarmGroup, type HarmNode, type Severity } from './harm-node.js'

// @NOTE The harm taxonomy: Ofcom's kinds of priority illegal content (Risk Assessment Guidance
// V2.0), content harmful to children (OSA s.61/s.62), other illegal content and the service's own
// terms, each mapped to a DSA statement category and keywords. See research/regulation.md §2–§4c.
// Browser-safe: imports nothing but zod and core modules. The node data lives in ./harms/.

export type Taxonomy = {
  readonly nodes: readonly HarmNode[]
  get(id: string): HarmNode | undefined
  has(id: string): boolean
  /** Direct children, in taxonomy order; empty for leaves and unknown ids. */
  children(id: string): readonly HarmNode[]
  /** Parent first, root last; empty for roots and unknown ids. */
  ancestors(id: string): HarmNode[]
  /** True when `id` is `ancestorId` or lies below it; false for unknown ids. */
  isUnder(id: string, ancestorId: string): boolean
  leaves(): HarmNode[]
}

/** The root node of each group. */
export const GROUP_ROOTS: Readonly<Record<HarmGroup, string>> = Object.freeze({
  priority_illegal: 'illegal',
  children_primary_priority: 'children_primary',
  children_priority: 'children_priority',
  other_illegal: 'other_illegal',
  terms: 'terms',
})

export const CSEA_HARM_ID = 'illegal.csea'

function parentOf(id: string): string | undefined {
  const dot = id.lastIndexOf('.')
  return dot === -1 ? undefined : id.slice(0, dot)
}

function toNode(spec: NodeSpec, group: HarmGroup, illegal: boolean): HarmNode {
  const { id, label, description, ...rest } = spec
  const parent = parentOf(id)
  return { id, label, description, group, ...(parent ? { parent } : {}), illegal, ...rest }
}

function freezeNode(node: HarmNode): HarmNode {
  Object.freeze(node.dsaKeywords)
  if (node.offences) Object.freeze(node.offences)
  if (node.judgement) Object.freeze(node.judgement)
  return Object.freeze(node)
}

const BUILT_IN_NODES: readonly HarmNode[] = Object.freeze(
  [
    ...PRIORITY_ILLEGAL.map((spec) => toNode(spec, 'priority_illegal', true)),
    ...CHILDREN_PRIMARY.map((spec) => toNode(spec, 'children_primary_priority', false)),
    ...CHILDREN_PRIORITY.map((spec) => toNode(spec, 'children_priority', false)),
    ...OTHER_ILLEGAL.map((spec) => toNode(spec, 'other_illegal', true)),
    ...TERMS.map((spec) => toNode(spec, 'terms', false)),
  ].map(freezeNode),
)

export const termsNodeInputSchema = z.strictObject({
  id: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase slug such as "spam" or "off_topic"'),
  label: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(500).optional(),
  dsaCategory: z.enum(DSA_CATEGORIES).optional(),
  dsaKeywords: z.array(z.enum(DSA_KEYWORDS)).min(1).optional(),
  dsaKeywordOther: z.string().trim().min(1).max(500).optional(),
  severity: z.literal([1, 2, 3, 4, 5]).optional(),
})
export type TermsNodeInput = z.input<typeof termsNodeInputSchema>

function toTermsNode(input: TermsNodeInput, index: number): HarmNode {
  const parsed = termsNodeInputSchema.safeParse(input)
  if (!parsed.success) {
    const message = `invalid terms node #${index}: ${z.prettifyError(parsed.error)}`
    throw new Error(message, { cause: parsed.error })
  }
  const { id, label, description, dsaCategory, dsaKeywords, dsaKeywordOther, severity } =
    parsed.data
  const keywords = [...new Set<DsaKeyword>(dsaKeywords ?? ['KEYWORD_OTHER'])]
  const other = keywords.includes('KEYWORD_OTHER') ? (dsaKeywordOther ?? label) : undefined
  return freezeNode({
    id: `terms.${id}`,
    label,
    description: description ?? `Against this service’s rules: ${label}.`,
    group: 'terms',
    parent: 'terms',
    illegal: false,
    dsaCategory: dsaCategory ?? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    dsaKeywords: keywords,
    ...(other === undefined ? {} : { dsaKeywordOther: other }),
    severity: severity ?? 2,
  })
}

function indexNodes(nodes: readonly HarmNode[]) {
  const byId = new Map<string, HarmNode>()
  const kids = new Map<string, HarmNode[]>()
  for (const node of nodes) {
    if (byId.has(node.id)) throw new Error(`duplicate harm id "${node.id}"`)
    byId.set(node.id, node)
    kids.set(node.id, [])
  }
  for (const node of nodes) {
    if (node.parent === undefined) continue
    const siblings = kids.get(node.parent)
    if (!siblings) throw new Error(`harm "${node.id}" has unknown parent "${node.parent}"`)
    siblings.push(node)
  }
  for (const list of kids.values()) Object.freeze(list)
  return { byId, kids }
}

function createTaxonomy(nodes: readonly HarmNode[]): Taxonomy {
  const { byId, kids } = indexNodes(nodes)
  function ancestors(id: string): HarmNode[] {
    const chain: HarmNode[] = []
    let parent = byId.get(id)?.parent
    while (parent !== undefined) {
      const node = byId.get(parent)
      if (!node) break
      chain.push(node)
      parent = node.parent
    }
    return chain
  }
  return Object.freeze({
    nodes,
    get(id: string) {
      return byId.get(id)
    },
    has(id: string) {
      return byId.has(id)
    },
    children(id: string): readonly HarmNode[] {
      return kids.get(id) ?? []
    },
    ancestors,
    isUnder(id: string, ancestorId: string) {
      if (!byId.has(id)) return false
      return id === ancestorId || ancestors(id).some((node) => node.id === ancestorId)
    },
    leaves() {
      return nodes.filter((node) => kids.get(node.id)?.length === 0)
    },
  })
}

/** The built-in taxonomy plus the operator's terms-of-service nodes, as `terms.<slug>`. */
export function buildTaxonomy(termsNodes: TermsNodeInput[] = []): Taxonomy {
  const nodes = [...BUILT_IN_NODES, ...termsNodes.map(toTermsNode)]
  return createTaxonomy(Object.freeze(nodes))
}

export const DEFAULT_TAXONOMY: Taxonomy = buildTaxonomy()

/** Ids of the built-in nodes (no operator terms nodes). */
export const HARM_IDS: readonly string[] = Object.freeze(BUILT_IN_NODES.map((node) => node.id))

/** True for the CSEA node and every node below it; their media is restricted to a special role. */
export function isCsea(id: string): boolean {
  return DEFAULT_TAXONOMY.isUnder(id, CSEA_HARM_ID)
}

/** A harm id known to `taxonomy`. */
export function harmIdSchema(taxonomy: Taxonomy = DEFAULT_TAXONOMY) {
  return z.string().refine((id) => taxonomy.has(id), {
    error: (issue) => `unknown harm "${String(issue.input)}"; see GET /v1/taxonomy for the list`,
  })
}
