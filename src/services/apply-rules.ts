import type { Actor } from '../core/roles.js'
import type { SignalInput } from '../core/signal.js'
import type { ContentInput } from '../core/subject.js'
import { evaluateRules, type RuleOutcome } from '../detection/rules/evaluate.js'
import {
  type ActingOutcome,
  actingOutcome,
  outcomeSignals,
  type RoutingOverride,
  routingOverride,
} from '../detection/rules/outcomes.js'
import { type AuthorFacts, accountAgeDays, buildRuleFacts } from '../detection/rules/rule-facts.js'
import type { Executor } from '../storage/database.js'
import { readAuthorHistory } from '../storage/repos/author-facts-repo.js'
import type { RuleOutcomeToWrite } from '../storage/repos/ingest-repo.js'
import { recordDecisionIn } from './record-decision.js'
import type { ServiceContext } from './service-context.js'

/** What the live and shadow rules made of one piece of content. */
export interface RuleApplication {
  /** Signals of live rules with a verdict; they join detection's before the verdict. */
  signals: SignalInput[]
  /** Queue and priority live rules ask for, if a case opens. */
  routing: RoutingOverride | undefined
  /** The live rule whose automatic action is taken, if any. */
  acting: ActingOutcome | undefined
  /** Every matched rule, live and shadow, written beside the subject. */
  outcomes: RuleOutcomeToWrite[]
}

const NO_RULES: RuleApplication = {
  signals: [],
  routing: undefined,
  acting: undefined,
  outcomes: [],
}

/**
 * Evaluates this process's rules (held in memory) over the content and detection's signals.
 * The author's history is read only when an active rule asks about it.
 */
export async function applyRules(
  ctx: ServiceContext,
  input: ContentInput,
  signals: readonly SignalInput[],
  at: Date,
): Promise<RuleApplication> {
  if (ctx.rules.rules.length === 0) return NO_RULES
  const subject = {
    kind: input.kind,
    surface: input.surface,
    metadata: input.metadata,
    hasText: Boolean(input.text),
    hasUrl: Boolean(input.url),
    mediaCount: input.media.length,
    authorId: input.author?.id ?? null,
  }
  const author = input.author ? await authorFacts(ctx, input, input.author, at) : null
  const { live, shadow } = evaluateRules(ctx.rules.rules, buildRuleFacts(subject, signals, author))
  return {
    signals: outcomeSignals(live),
    routing: routingOverride(live),
    acting: actingOutcome(live),
    outcomes: [...live, ...shadow].map(toOutcomeRow),
  }
}

async function authorFacts(
  ctx: ServiceContext,
  input: ContentInput,
  author: NonNullable<ContentInput['author']>,
  at: Date,
): Promise<AuthorFacts> {
  const createdAt = author.createdAt ? new Date(author.createdAt) : null
  const facts = {
    accountAgeDays: accountAgeDays(createdAt, at),
    recentSubjects: {},
    priorRemovals: null,
  }
  const needs = ctx.rules.authorNeeds
  if (needs.windows.length === 0 && !needs.priorRemovals) return facts
  const query = { authorId: author.id, at, kind: input.kind, externalId: input.id }
  const [history] = await readAuthorHistory(ctx.db, [query], needs)
  return { ...facts, ...history }
}

function toOutcomeRow(outcome: RuleOutcome): RuleOutcomeToWrite {
  const { effect } = outcome
  return {
    ruleId: outcome.ruleId,
    version: outcome.version,
    mode: outcome.mode,
    verdict: effect.verdict ?? null,
    harm: effect.harm ?? null,
    queue: effect.queue ?? null,
    priority: effect.priority ?? null,
    action: effect.action?.type ?? null,
  }
}

/** The actor a rule's automatic decision is recorded under: `rule:<name>@v<version>`. */
export function ruleActor(outcome: RuleOutcome): Actor {
  return {
    id: `rule:${outcome.ruleName}@v${outcome.version}`,
    role: 'system',
    name: `rule ${outcome.ruleName} (version ${outcome.version})`,
  }
}

/** Records the acting rule's automatic decision on the case, in the ingest's transaction. */
export async function decideByRule(
  tx: Executor,
  ctx: ServiceContext,
  caseId: string,
  acting: ActingOutcome,
): Promise<string> {
  const { ground, statement, ...action } = acting.effect.action
  const decision = await recordDecisionIn(tx, ctx, ruleActor(acting), caseId, {
    harm: acting.effect.harm,
    ground,
    actions: [action],
    statement,
    automatedDetection: true,
    automatedDecision: 'fully',
  })
  return decision.id
}
