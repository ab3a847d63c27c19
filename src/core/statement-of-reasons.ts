import { appealClosesAt } from './appeal.js'
import type { Action, ActionType, Decision, DecisionSource } from './decision.js'
import type {
  DsaAutomatedDecision,
  DsaContentType,
  DsaSourceType,
  DsaVisibilityDecision,
} from './dsa.js'
import type { HarmNode } from './harm-node.js'
import {
  type Redress,
  type Restriction,
  STATEMENT_SCHEMA,
  type StatementOfReasons,
} from './statement-fields.js'
import { renderStatementText } from './statement-text.js'
import type { Subject, SubjectKind } from './subject.js'

export {
  type Redress,
  type Restriction,
  STATEMENT_SCHEMA,
  type StatementOfReasons,
} from './statement-fields.js'

export interface StatementInput {
  decision: Decision
  subject: Pick<Subject, 'externalId' | 'kind' | 'url' | 'media' | 'createdAt'>
  /** The decision's harm from the taxonomy, for the DSA category and keywords. */
  harm: HarmNode | undefined
  /** ctx.policy.appeals.windowDays */
  appealWindowDays: number
}

const VISIBILITY: Partial<Record<ActionType, DsaVisibilityDecision>> = {
  remove: 'DECISION_VISIBILITY_CONTENT_REMOVED',
  disable: 'DECISION_VISIBILITY_CONTENT_DISABLED',
  geo_restrict: 'DECISION_VISIBILITY_CONTENT_DISABLED',
  demote: 'DECISION_VISIBILITY_CONTENT_DEMOTED',
  age_restrict: 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  restrict_interaction: 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  label: 'DECISION_VISIBILITY_CONTENT_LABELLED',
}

const SOURCE_TYPES: Record<DecisionSource, DsaSourceType> = {
  notice: 'SOURCE_ARTICLE_16',
  trusted_flagger: 'SOURCE_TRUSTED_FLAGGER',
  authority: 'SOURCE_TYPE_OTHER_NOTIFICATION',
  own_initiative: 'SOURCE_VOLUNTARY',
}

const AUTOMATED: Record<Decision['automatedDecision'], DsaAutomatedDecision> = {
  fully: 'AUTOMATED_DECISION_FULLY',
  partially: 'AUTOMATED_DECISION_PARTIALLY',
  not: 'AUTOMATED_DECISION_NOT_AUTOMATED',
}

const HOUR_MS = 3_600_000

/** Builds the statement of reasons owed for a restrictive decision (DSA Art. 17). Pure. */
export function buildStatementOfReasons(input: StatementInput): StatementOfReasons {
  const { decision, subject, harm } = input
  const start = decision.createdAt
  const restrictions = decision.actions
    .filter((a) => a.type !== 'no_action' && a.type !== 'restore')
    .map((a) => toRestriction(a, start))
  const statement: Omit<StatementOfReasons, 'plainText'> = {
    schema: STATEMENT_SCHEMA,
    decisionId: decision.id,
    applicationDate: start.toISOString(),
    contentDate: subject.createdAt.toISOString(),
    content: { id: subject.externalId, kind: subject.kind, url: subject.url },
    ...contentTypes(subject),
    restrictions,
    ...dsaRestrictions(restrictions),
    territorialScope: territorialScope(restrictions),
    ...endDates(restrictions),
    ...groundFields(decision),
    harm: { id: decision.harm, label: harm?.label ?? null },
    category: harm?.dsaCategory ?? null,
    categorySpecification: harm ? [...harm.dsaKeywords] : [],
    categorySpecificationOther: harm?.dsaKeywordOther ?? null,
    decisionFacts: decision.statement,
    source: decision.sourceType,
    sourceType: SOURCE_TYPES[decision.sourceType],
    automatedDetection: decision.automatedDetection,
    automatedDecision: AUTOMATED[decision.automatedDecision],
    redress: redressFor(start, input.appealWindowDays),
  }
  return { ...statement, plainText: renderStatementText(statement) }
}

function toRestriction(action: Action, start: Date): Restriction {
  const hours = action.durationHours ?? null
  return {
    action: action.type,
    territories: action.territories?.length ? [...action.territories] : null,
    durationHours: hours,
    endsAt: hours === null ? null : new Date(start.getTime() + hours * HOUR_MS).toISOString(),
    label: action.label ?? null,
  }
}

type DsaRestrictionFields = Pick<
  StatementOfReasons,
  'decisionVisibility' | 'decisionMonetary' | 'decisionProvision' | 'decisionAccount'
>

function dsaRestrictions(restrictions: readonly Restriction[]): DsaRestrictionFields {
  const has = (type: ActionType) => restrictions.find((r) => r.action === type)
  const visibility = restrictions.flatMap((r) => VISIBILITY[r.action] ?? [])
  const monetary = has('demonetise')
  const account = has('terminate_account') ? 'terminate' : has('suspend_account') ? 'suspend' : null
  return {
    decisionVisibility: [...new Set(visibility)],
    decisionMonetary: monetary
      ? monetary.durationHours === null
        ? 'DECISION_MONETARY_TERMINATION'
        : 'DECISION_MONETARY_SUSPENSION'
      : null,
    // @NOTE Vigil's actions act on content and accounts; the service as a whole is never cut off.
    decisionProvision: null,
    decisionAccount:
      account === 'terminate'
        ? 'DECISION_ACCOUNT_TERMINATED'
        : account === 'suspend'
          ? 'DECISION_ACCOUNT_SUSPENDED'
          : null,
  }
}

function territorialScope(restrictions: readonly Restriction[]): string[] | null {
  if (restrictions.length === 0 || restrictions.some((r) => r.territories === null)) return null
  return [...new Set(restrictions.flatMap((r) => r.territories ?? []))].sort()
}

/** The latest end of each kind of restriction; null when any of that kind has no end. */
function endDates(restrictions: readonly Restriction[]) {
  const latest = (matches: (r: Restriction) => boolean): string | null => {
    const of = restrictions.filter(matches)
    if (of.length === 0 || of.some((r) => r.endsAt === null)) return null
    return (
      of.map((r) => r.endsAt as string).sort((a, b) => a.localeCompare(b))[of.length - 1] ?? null
    )
  }
  return {
    endDateVisibilityRestriction: latest((r) => VISIBILITY[r.action] !== undefined),
    endDateMonetaryRestriction: latest((r) => r.action === 'demonetise'),
    endDateServiceRestriction: null,
    endDateAccountRestriction: latest(
      (r) => r.action === 'suspend_account' || r.action === 'terminate_account',
    ),
  }
}

function groundFields(decision: Decision) {
  const { ground } = decision
  const explanation = ground.explanation ?? decision.statement
  const illegal = ground.type === 'illegal'
  return {
    decisionGround: illegal
      ? ('DECISION_GROUND_ILLEGAL_CONTENT' as const)
      : ('DECISION_GROUND_INCOMPATIBLE_CONTENT' as const),
    illegalContentLegalGround: illegal ? ground.offence : null,
    illegalContentExplanation: illegal ? explanation : null,
    incompatibleContentGround: illegal ? null : ground.clause,
    incompatibleContentVersion: illegal ? null : ground.version,
    incompatibleContentExplanation: illegal ? null : explanation,
    decisionGroundReferenceUrl: illegal ? null : (ground.referenceUrl ?? null),
  }
}

const CONTENT_TYPE_OF_KIND: Record<SubjectKind, DsaContentType> = {
  text: 'CONTENT_TYPE_TEXT',
  message: 'CONTENT_TYPE_TEXT',
  image: 'CONTENT_TYPE_IMAGE',
  video: 'CONTENT_TYPE_VIDEO',
  url: 'CONTENT_TYPE_OTHER',
  profile: 'CONTENT_TYPE_OTHER',
  account: 'CONTENT_TYPE_OTHER',
}

function contentTypes(subject: StatementInput['subject']) {
  const types = new Set<DsaContentType>([CONTENT_TYPE_OF_KIND[subject.kind]])
  for (const item of subject.media) {
    const mime = item.mimeType ?? ''
    if (mime.startsWith('image/')) types.add('CONTENT_TYPE_IMAGE')
    if (mime.startsWith('video/')) types.add('CONTENT_TYPE_VIDEO')
    if (mime.startsWith('audio/')) types.add('CONTENT_TYPE_AUDIO')
  }
  const other = types.has('CONTENT_TYPE_OTHER')
    ? subject.kind === 'url'
      ? 'link'
      : subject.kind
    : null
  return { contentType: [...types].sort(), contentTypeOther: other }
}

function redressFor(start: Date, windowDays: number): Redress {
  return {
    internalComplaint: {
      basis: 'DSA Art. 20',
      windowDays,
      deadline: appealClosesAt(start, windowDays).toISOString(),
    },
    outOfCourtSettlement: { basis: 'DSA Art. 21' },
    judicialRedress: { basis: 'courts' },
  }
}

/** Reads a stored statement back (decision.statementOfReasons), or undefined for another shape. */
export function asStatementOfReasons(
  stored: Record<string, unknown> | null,
): StatementOfReasons | undefined {
  return stored?.schema === STATEMENT_SCHEMA ? (stored as unknown as StatementOfReasons) : undefined
}
