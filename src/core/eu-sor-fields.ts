import {
  DSA_ACCOUNT_DECISIONS,
  DSA_ACCOUNT_TYPES,
  DSA_AUTOMATED_DECISIONS,
  DSA_CATEGORIES,
  DSA_CONTENT_TYPES,
  DSA_COUNTRIES,
  DSA_DECISION_GROUNDS,
  DSA_KEYWORDS,
  DSA_MONETARY_DECISIONS,
  DSA_PROVISION_DECISIONS,
  DSA_SOURCE_TYPES,
  DSA_VISIBILITY_DECISIONS,
  DSA_YES_NO,
} from './dsa.js'
import { EU_SOR_LANGUAGES } from './eu-sor-languages.js'

// @NOTE The fields of the Transparency Database API and the rule each follows, from
// research/regulation.md §4c and digital-services-act/transparency-database at 69e80a0
// (app/Http/Requests/StatementStoreRequest.php, GroupedSubmissionsService::multi_rules,
// resources/markdown/api-documentation.md). Written from that contract, not copied.

export const EU_SOR_LIMITS = {
  puid: 500,
  otherText: 500,
  explanation: 2000,
  decisionFacts: 5000,
  earliestContentDate: '2000-01-01',
  earliestApplicationDate: '2020-01-01',
  latestDate: '2038-01-01',
} as const

export type Statement = Record<string, unknown>

/** A field's rule; `appliesWhen` false means the API ignores the field (Laravel `exclude`). */
export interface FieldSpec {
  field: string
  /** What the field holds, for messages. */
  what: string
  kind: 'text' | 'enum' | 'enum_list' | 'date' | 'url' | 'content_id'
  values?: readonly string[]
  max?: number
  required?: boolean
  /** The API accepts an explicit null (Laravel `nullable`). */
  nullable?: boolean
  appliesWhen?: { test: (s: Statement) => boolean; because: string }
  /** Required whenever it applies (Laravel `required_if`). */
  requiredWhenApplies?: boolean
  /** Earliest date accepted. */
  min?: string
}

type Options = Partial<Pick<FieldSpec, 'required' | 'nullable' | 'appliesWhen' | 'min'>>

const text = (field: string, max: number, what: string, options: Options = {}): FieldSpec => ({
  field,
  what,
  kind: 'text',
  max,
  ...options,
  ...(options.appliesWhen && options.required
    ? { required: false, requiredWhenApplies: true }
    : {}),
})

const oneOf = (field: string, values: readonly string[], what: string, o: Options = {}) =>
  ({ field, what, kind: 'enum', values, ...o }) satisfies FieldSpec

const listOf = (field: string, values: readonly string[], what: string, o: Options = {}) =>
  ({ field, what, kind: 'enum_list', values, ...o }) satisfies FieldSpec

const date = (field: string, what: string, o: Options = {}) =>
  ({ field, what, kind: 'date', ...o }) satisfies FieldSpec

const has = (s: Statement, field: string, value: string) =>
  Array.isArray(s[field]) ? (s[field] as unknown[]).includes(value) : s[field] === value

const when = (field: string, value: string, verb = 'is') => ({
  test: (s: Statement) => has(s, field, value),
  because: `${field} ${verb} ${value}`,
})

const ILLEGAL = when('decision_ground', 'DECISION_GROUND_ILLEGAL_CONTENT')
const INCOMPATIBLE = when('decision_ground', 'DECISION_GROUND_INCOMPATIBLE_CONTENT')
const NOT_VOLUNTARY = {
  test: (s: Statement) => s.source_type !== 'SOURCE_VOLUNTARY',
  because: 'source_type is not SOURCE_VOLUNTARY',
}
const { otherText: SHORT, explanation: LONG } = EU_SOR_LIMITS
const endDate = (kind: string, field = `end_date_${kind}_restriction`) =>
  date(field, `the day the ${kind} restriction ends (leave it out when it has no end)`, {
    nullable: true,
  })

/** Every field the API takes, in its documented order, with its rule. */
export const EU_SOR_SPECS: readonly FieldSpec[] = [
  listOf('decision_visibility', DSA_VISIBILITY_DECISIONS, 'the visibility restrictions', {
    nullable: true,
  }),
  text('decision_visibility_other', SHORT, 'the other visibility restriction, in words', {
    required: true,
    appliesWhen: when('decision_visibility', 'DECISION_VISIBILITY_OTHER', 'includes'),
  }),
  oneOf('decision_monetary', DSA_MONETARY_DECISIONS, 'the monetary restriction', {
    nullable: true,
  }),
  text('decision_monetary_other', SHORT, 'the other monetary restriction, in words', {
    required: true,
    appliesWhen: when('decision_monetary', 'DECISION_MONETARY_OTHER'),
  }),
  oneOf('decision_provision', DSA_PROVISION_DECISIONS, 'the suspension of the service', {
    nullable: true,
  }),
  oneOf('decision_account', DSA_ACCOUNT_DECISIONS, 'the suspension of the account', {
    nullable: true,
  }),
  oneOf('account_type', DSA_ACCOUNT_TYPES, 'the kind of account', { nullable: true }),
  oneOf('decision_ground', DSA_DECISION_GROUNDS, 'the ground of the decision', { required: true }),
  {
    field: 'decision_ground_reference_url',
    what: 'a link to the terms or law relied on',
    kind: 'url',
    max: SHORT,
    nullable: true,
  },
  text('illegal_content_legal_ground', SHORT, 'the law the content breaks', {
    required: true,
    appliesWhen: ILLEGAL,
  }),
  text('illegal_content_explanation', LONG, 'why the content is illegal under that law', {
    required: true,
    appliesWhen: ILLEGAL,
  }),
  text('incompatible_content_ground', SHORT, 'the clause of the terms relied on', {
    required: true,
    appliesWhen: INCOMPATIBLE,
  }),
  text('incompatible_content_explanation', LONG, 'why the content breaks that clause', {
    required: true,
    appliesWhen: INCOMPATIBLE,
  }),
  oneOf('incompatible_content_illegal', DSA_YES_NO, 'whether the content is also illegal', {
    appliesWhen: INCOMPATIBLE,
  }),
  listOf('content_type', DSA_CONTENT_TYPES, 'the kinds of content', { required: true }),
  text('content_type_other', SHORT, 'the other kind of content, in words', {
    required: true,
    appliesWhen: when('content_type', 'CONTENT_TYPE_OTHER', 'includes'),
  }),
  oneOf('category', DSA_CATEGORIES, 'the category of the statement', { required: true }),
  listOf('category_addition', DSA_CATEGORIES, 'further categories'),
  listOf('category_specification', DSA_KEYWORDS, 'keywords', { nullable: true }),
  text('category_specification_other', SHORT, 'the other keyword, in words', { nullable: true }),
  listOf('territorial_scope', DSA_COUNTRIES, 'the EU/EEA countries the restriction covers', {
    required: true,
  }),
  oneOf('content_language', EU_SOR_LANGUAGES, 'the language of the content', { nullable: true }),
  date('content_date', 'the day the content was posted', {
    required: true,
    min: EU_SOR_LIMITS.earliestContentDate,
  }),
  date('application_date', 'the day the restriction started', {
    required: true,
    min: EU_SOR_LIMITS.earliestApplicationDate,
  }),
  endDate('account'),
  endDate('monetary'),
  endDate('service'),
  endDate('visibility'),
  text('decision_facts', EU_SOR_LIMITS.decisionFacts, 'the facts and circumstances relied on', {
    required: true,
  }),
  oneOf('source_type', DSA_SOURCE_TYPES, 'what led to the decision', { required: true }),
  text('source_identity', SHORT, 'who sent the notice', {
    nullable: true,
    appliesWhen: NOT_VOLUNTARY,
  }),
  oneOf('automated_detection', DSA_YES_NO, 'whether automated means detected the content', {
    required: true,
  }),
  oneOf('automated_decision', DSA_AUTOMATED_DECISIONS, 'how far the decision was automated', {
    required: true,
  }),
  text('puid', EU_SOR_LIMITS.puid, 'the platform’s unique id of the statement', {
    required: true,
  }),
  {
    field: 'content_id',
    what: 'a product identifier, {"EAN-13": "<13 digits>"}',
    kind: 'content_id',
    nullable: true,
  },
]

/** The four restriction fields: a statement needs at least one (Laravel `required_without_all`). */
export const EU_SOR_RESTRICTION_FIELDS = [
  'decision_visibility',
  'decision_monetary',
  'decision_provision',
  'decision_account',
] as const
