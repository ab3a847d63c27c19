import type {
  DsaAccountDecision,
  DsaAccountType,
  DsaAutomatedDecision,
  DsaCategory,
  DsaContentType,
  DsaCountry,
  DsaDecisionGround,
  DsaKeyword,
  DsaMonetaryDecision,
  DsaProvisionDecision,
  DsaSourceType,
  DsaVisibilityDecision,
  DsaYesNo,
} from './dsa.js'
import {
  checkContentId,
  checkDate,
  checkEnum,
  checkList,
  checkText,
  checkUrl,
  type EuSorProblem,
  problem,
} from './eu-sor-checks.js'
import {
  EU_SOR_RESTRICTION_FIELDS,
  EU_SOR_SPECS,
  type FieldSpec,
  type Statement,
} from './eu-sor-fields.js'

export {
  EU_SOR_PUID_PATTERN,
  type EuSorProblem,
  type EuSorRule,
} from './eu-sor-checks.js'
export { EU_SOR_LIMITS, EU_SOR_RESTRICTION_FIELDS, EU_SOR_SPECS } from './eu-sor-fields.js'

// @NOTE A statement of reasons as the EU DSA Transparency Database API takes it
// (`POST /api/v1/statement(s)`), field for field, and the rules it applies. Sources:
// research/regulation.md §4c; digital-services-act/transparency-database at 69e80a0,
// app/Http/Requests/StatementStoreRequest.php and app/Services/GroupedSubmissionsService.php
// (rules), resources/markdown/api-documentation.md (the documented contract). Written from that
// contract, not copied. Where the documentation is stricter than the code (territorial_scope is
// required; an end date may not precede application_date) Vigil follows the documentation, and
// it refuses fields the API does not know, so nothing else can leave with a statement.

export interface EuStatement {
  decision_visibility?: DsaVisibilityDecision[] | null
  decision_visibility_other?: string | null
  decision_monetary?: DsaMonetaryDecision | null
  decision_monetary_other?: string | null
  decision_provision?: DsaProvisionDecision | null
  decision_account?: DsaAccountDecision | null
  account_type?: DsaAccountType | null
  decision_ground: DsaDecisionGround
  decision_ground_reference_url?: string | null
  illegal_content_legal_ground?: string
  illegal_content_explanation?: string
  incompatible_content_ground?: string
  incompatible_content_explanation?: string
  incompatible_content_illegal?: DsaYesNo
  content_type: DsaContentType[]
  content_type_other?: string
  category: DsaCategory
  category_addition?: DsaCategory[]
  category_specification?: DsaKeyword[] | null
  category_specification_other?: string | null
  territorial_scope: DsaCountry[]
  content_language?: string | null
  /** YYYY-MM-DD */
  content_date: string
  /** YYYY-MM-DD */
  application_date: string
  end_date_account_restriction?: string | null
  end_date_monetary_restriction?: string | null
  end_date_service_restriction?: string | null
  end_date_visibility_restriction?: string | null
  decision_facts: string
  source_type: DsaSourceType
  source_identity?: string | null
  automated_detection: DsaYesNo
  automated_decision: DsaAutomatedDecision
  puid: string
  content_id?: { 'EAN-13': string } | null
}

const KNOWN = new Set(EU_SOR_SPECS.map((spec) => spec.field))

/**
 * Every rule the Transparency Database applies to one statement, and the stricter documented
 * ones Vigil adds; an empty list means the API would accept it. Messages never quote free text,
 * which may be long or sensitive; they quote codes, dates and the puid.
 */
export function validateEuStatement(input: unknown): EuSorProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [problem('statement', 'type', 'a statement must be a JSON object of EU fields')]
  }
  const s = normalise(input as Statement)
  const problems: EuSorProblem[] = Object.keys(s)
    .filter((field) => !KNOWN.has(field))
    .map((field) =>
      problem(
        field,
        'unknown_field',
        `${field} is not a Transparency Database field: remove it (only the API's own fields ` +
          'are sent, so nothing else, such as personal data, can leave with a statement)',
      ),
    )
  if (!EU_SOR_RESTRICTION_FIELDS.some((field) => present(s[field]))) {
    problems.push(
      problem(
        'decision_visibility',
        'restriction_required',
        'a statement needs at least one restriction: decision_visibility, decision_monetary, ' +
          'decision_provision or decision_account; a decision that restricts nothing owes none',
      ),
    )
  }
  for (const spec of EU_SOR_SPECS) problems.push(...checkField(spec, s))
  return problems
}

/** Strings trimmed and empty strings made null, as the API's middleware does before its rules. */
function normalise(input: Statement): Statement {
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => {
      if (typeof value !== 'string') return [key, value]
      const trimmed = value.trim()
      return [key, trimmed === '' ? null : trimmed]
    }),
  )
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false
  return !Array.isArray(value) || value.length > 0
}

function checkField(spec: FieldSpec, s: Statement): EuSorProblem[] {
  if (spec.appliesWhen && !spec.appliesWhen.test(s)) return []
  const value = s[spec.field]
  if (!present(value)) return missing(spec, value)
  switch (spec.kind) {
    case 'text':
      return checkText(spec, value)
    case 'enum':
      return checkEnum(spec, value)
    case 'enum_list':
      return checkList(spec, value)
    case 'date':
      return checkDate(spec, value, s)
    case 'url':
      return checkUrl(spec, value)
    case 'content_id':
      return checkContentId(spec, value)
  }
}

function missing(spec: FieldSpec, value: unknown): EuSorProblem[] {
  const { field, what } = spec
  if (spec.requiredWhenApplies && spec.appliesWhen) {
    const because = spec.appliesWhen.because
    return [problem(field, 'required_with', `${field} is required when ${because}: ${what}`)]
  }
  if (spec.required) return [problem(field, 'required', `${field} is required: ${what}`)]
  if (value === null && spec.kind !== 'text' && !spec.nullable) {
    const rule = spec.kind === 'enum_list' ? 'list' : 'one_of'
    return [problem(field, rule, `${field} may not be null: leave the field out instead`)]
  }
  return []
}
