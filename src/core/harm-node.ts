import type { DsaCategory, DsaKeyword } from './dsa.js'

export const HARM_GROUPS = [
  'priority_illegal',
  'children_primary_priority',
  'children_priority',
  'other_illegal',
  'terms',
] as const
export type HarmGroup = (typeof HARM_GROUPS)[number]

/** 5 is the most severe (CSEA, terrorism, threats to life); 1 the least. */
export type Severity = 1 | 2 | 3 | 4 | 5

export type HarmNode = {
  /** Dotted lowercase snake case; the parent's id is every segment but the last. */
  id: string
  /** Plain words a child can read. */
  label: string
  /** One short sentence. */
  description: string
  group: HarmGroup
  parent?: string
  dsaCategory: DsaCategory
  /** At least one; `KEYWORD_OTHER` only when nothing else fits, with `dsaKeywordOther`. */
  dsaKeywords: DsaKeyword[]
  /** The DSA `category_specification_other` text, present when `KEYWORD_OTHER` is used. */
  dsaKeywordOther?: string
  severity: Severity
  /** Ofcom's 1–18 numbering of the kinds of priority illegal content. */
  ofcomKind?: number
  illegal: boolean
  /** Named UK offences or legislation. */
  offences?: string[]
  /** What must be true for the illegal content judgement, in plain words. */
  judgement?: string[]
}

/** A built-in node as written in the catalogue; group, parent and legality are derived. */
export type NodeSpec = Omit<HarmNode, 'group' | 'parent' | 'illegal'>
