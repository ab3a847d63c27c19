import { DSA_COUNTRIES, type DsaCountry } from '../../core/dsa.js'
import {
  EU_SOR_LIMITS,
  EU_SOR_PUID_PATTERN,
  EU_SOR_SPECS,
  type EuStatement,
} from '../../core/eu-sor.js'
import type { StatementOfReasons } from '../../core/statement-of-reasons.js'
import { neutralisePersonalData, type PersonalDataKind, type Redaction } from './personal-data.js'

/** What a stored statement of reasons becomes for the EU database. */
export type EuMapping =
  | { kind: 'statement'; statement: EuStatement; redactions: Redaction[] }
  /** The restriction applies only outside the EU and EEA: the database does not take it. */
  | { kind: 'not_applicable'; reason: string }

/** Free-text fields: the moderator's words, neutralised before they leave. */
const FREE_TEXT = [
  'decision_facts',
  'illegal_content_legal_ground',
  'illegal_content_explanation',
  'incompatible_content_ground',
  'incompatible_content_explanation',
  'category_specification_other',
] as const

/**
 * The EU statement (API field names) for a decision's stored statement of reasons, with no
 * personal data: no user, reporter or moderator ids or names, no content id or link, and free
 * text neutralised (see personal-data.ts). `known` lists the identifiers of the people involved.
 * `puid` is the decision id: stable, unique per platform and within the API's pattern.
 */
export function toEuStatement(sor: StatementOfReasons, known: readonly string[]): EuMapping {
  const scope = territorialScope(sor.territorialScope)
  if (scope.length === 0) {
    const where = (sor.territorialScope ?? []).join(', ')
    return {
      kind: 'not_applicable',
      reason: `the restriction applies only outside the EU and EEA (${where}), so no statement is owed to the EU database`,
    }
  }
  const draft: Record<string, unknown> = {
    ...restrictionFields(sor),
    ...groundFields(sor),
    content_type: [...sor.contentType],
    content_type_other: sor.contentTypeOther ?? undefined,
    category: sor.category ?? fallbackCategory(sor),
    category_specification: sor.categorySpecification.length
      ? [...sor.categorySpecification]
      : undefined,
    category_specification_other: sor.categorySpecification.includes('KEYWORD_OTHER')
      ? (sor.categorySpecificationOther ?? undefined)
      : undefined,
    territorial_scope: scope,
    content_date: day(sor.contentDate),
    application_date: day(sor.applicationDate),
    end_date_account_restriction: day(sor.endDateAccountRestriction),
    end_date_monetary_restriction: day(sor.endDateMonetaryRestriction),
    end_date_service_restriction: day(sor.endDateServiceRestriction),
    end_date_visibility_restriction: day(sor.endDateVisibilityRestriction),
    decision_facts: sor.decisionFacts,
    source_type: sor.sourceType,
    automated_detection: sor.automatedDetection ? 'Yes' : 'No',
    automated_decision: sor.automatedDecision,
    puid: puidOf(sor.decisionId),
  }
  const redactions = neutraliseFreeText(draft, known)
  return { kind: 'statement', statement: inApiOrder(draft), redactions }
}

/** The decision id, with anything outside the API's puid pattern replaced by `_`. */
export function puidOf(decisionId: string): string {
  if (EU_SOR_PUID_PATTERN.test(decisionId)) return decisionId
  return decisionId.replace(/[^a-zA-Z0-9_-]/g, '_') || 'decision'
}

function restrictionFields(sor: StatementOfReasons) {
  return {
    decision_visibility: sor.decisionVisibility.length ? [...sor.decisionVisibility] : undefined,
    decision_monetary: sor.decisionMonetary ?? undefined,
    decision_provision: sor.decisionProvision ?? undefined,
    decision_account: sor.decisionAccount ?? undefined,
  }
}

function groundFields(sor: StatementOfReasons) {
  if (sor.decisionGround === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    return {
      decision_ground: sor.decisionGround,
      illegal_content_legal_ground: sor.illegalContentLegalGround ?? undefined,
      illegal_content_explanation: sor.illegalContentExplanation ?? undefined,
    }
  }
  return {
    decision_ground: sor.decisionGround,
    decision_ground_reference_url: sor.decisionGroundReferenceUrl ?? undefined,
    incompatible_content_ground: clauseWithVersion(sor),
    incompatible_content_explanation: sor.incompatibleContentExplanation ?? undefined,
  }
}

/** The clause and the version of the terms it is from (DSA Art. 17(3)(e)), when both fit. */
function clauseWithVersion(sor: StatementOfReasons): string | undefined {
  const clause = sor.incompatibleContentGround ?? undefined
  if (!clause || !sor.incompatibleContentVersion) return clause
  const both = `${clause} (terms version ${sor.incompatibleContentVersion})`
  return [...both].length <= EU_SOR_LIMITS.otherText ? both : clause
}

/** A terms decision whose harm has no DSA category is, by the database's own list, "other". */
function fallbackCategory(sor: StatementOfReasons) {
  return sor.decisionGround === 'DECISION_GROUND_INCOMPATIBLE_CONTENT'
    ? 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC'
    : undefined
}

/** Everywhere (null) is every EU/EEA country; a list keeps its EU/EEA countries only. */
function territorialScope(territories: string[] | null): DsaCountry[] {
  if (territories === null) return [...DSA_COUNTRIES]
  const eea = new Set<string>(DSA_COUNTRIES)
  return [...new Set(territories)].filter((code): code is DsaCountry => eea.has(code)).sort()
}

/** YYYY-MM-DD (UTC) of an ISO 8601 time. */
function day(iso: string | null): string | undefined {
  return iso ? new Date(iso).toISOString().slice(0, 10) : undefined
}

function neutraliseFreeText(draft: Record<string, unknown>, known: readonly string[]) {
  const redactions: Redaction[] = []
  for (const field of FREE_TEXT) {
    const value = draft[field]
    if (typeof value !== 'string') continue
    const { text, removed } = neutralisePersonalData(value, known)
    draft[field] = text
    for (const [kind, count] of Object.entries(removed)) {
      redactions.push({ field, kind: kind as PersonalDataKind, count })
    }
  }
  return redactions
}

/** The fields in the API's documented order, leaving out the ones not given. */
function inApiOrder(draft: Record<string, unknown>): EuStatement {
  const ordered: Record<string, unknown> = {}
  for (const { field } of EU_SOR_SPECS) {
    if (draft[field] !== undefined) ordered[field] = draft[field]
  }
  return ordered as unknown as EuStatement
}
