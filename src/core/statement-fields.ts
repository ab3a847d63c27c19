import type { ActionType, DecisionSource } from './decision.js'
import type {
  DsaAccountDecision,
  DsaAutomatedDecision,
  DsaCategory,
  DsaContentType,
  DsaDecisionGround,
  DsaKeyword,
  DsaMonetaryDecision,
  DsaProvisionDecision,
  DsaSourceType,
  DsaVisibilityDecision,
} from './dsa.js'
import type { SubjectKind } from './subject.js'

// @NOTE The structured statement of reasons (DSA Art. 17; research/regulation.md §4c). Field names
// are the Transparency Database's, in camelCase, with its enum values, so the EU export (issue 7)
// maps it field for field. `restrictions` and `redress` carry what the author is told beyond it.

export const STATEMENT_SCHEMA = 'vigil.statement_of_reasons.v1'

/** One restriction as the author is told it: where it applies and until when. */
export interface Restriction {
  action: ActionType
  /** ISO 3166-1 alpha-2 codes; null means everywhere. */
  territories: string[] | null
  durationHours: number | null
  /** ISO 8601; null when it has no end. */
  endsAt: string | null
  label: string | null
}

export interface Redress {
  /** DSA Art. 20: free, open for at least six months. */
  internalComplaint: { basis: 'DSA Art. 20'; windowDays: number; deadline: string }
  /** DSA Art. 21: a certified body of the person's choice (for people in the EU). */
  outOfCourtSettlement: { basis: 'DSA Art. 21' }
  judicialRedress: { basis: 'courts' }
}

export interface StatementOfReasons {
  schema: typeof STATEMENT_SCHEMA
  decisionId: string
  /** When the restriction starts (ISO 8601). */
  applicationDate: string
  /** When the content was posted, as far as Vigil knows (ISO 8601). */
  contentDate: string | null
  content: { id: string; kind: SubjectKind; url: string | null }
  contentType: DsaContentType[]
  contentTypeOther: string | null
  restrictions: Restriction[]
  decisionVisibility: DsaVisibilityDecision[]
  decisionMonetary: DsaMonetaryDecision | null
  decisionProvision: DsaProvisionDecision | null
  decisionAccount: DsaAccountDecision | null
  /** The union of the restrictions' territories; null when any applies everywhere. */
  territorialScope: string[] | null
  endDateVisibilityRestriction: string | null
  endDateMonetaryRestriction: string | null
  endDateServiceRestriction: string | null
  endDateAccountRestriction: string | null
  decisionGround: DsaDecisionGround
  illegalContentLegalGround: string | null
  illegalContentExplanation: string | null
  incompatibleContentGround: string | null
  incompatibleContentVersion: string | null
  incompatibleContentExplanation: string | null
  decisionGroundReferenceUrl: string | null
  harm: { id: string; label: string | null }
  category: DsaCategory | null
  categorySpecification: DsaKeyword[]
  categorySpecificationOther: string | null
  decisionFacts: string
  source: DecisionSource
  sourceType: DsaSourceType
  automatedDetection: boolean
  automatedDecision: DsaAutomatedDecision
  redress: Redress
  /** The same statement in plain words, as sent to the author. */
  plainText: string
}
