import { isRestrictive } from '../core/decision.js'
import { NotFoundError } from '../core/errors.js'
import type { RuleDocument } from '../core/rule.js'
import {
  type BacktestLabel,
  type BacktestScore,
  BacktestTally,
} from '../detection/rules/backtest-tally.js'
import { conditionHolds } from '../detection/rules/evaluate.js'
import { type AuthorFacts, accountAgeDays, buildRuleFacts } from '../detection/rules/rule-facts.js'
import { authorNeeds } from '../detection/rules/rule-set.js'
import { type AuthorHistory, readAuthorHistory } from '../storage/repos/author-facts-repo.js'
import {
  countReplaySubjects,
  latestHumanDecisions,
  listReplaySignals,
  listReplaySubjects,
  type ReplaySubject,
  type ReplayWindow,
} from '../storage/repos/rule-backtest-repo.js'
import { findRuleVersion } from '../storage/repos/rule-repo.js'
import { getRuleOrThrow } from './rules.js'
import type { ServiceContext } from './service-context.js'

export interface BacktestOptions {
  since: Date
  /** The version to replay; the rule's current one when absent. */
  version?: number
  /** Told after each page: subjects replayed so far, and how many there are. */
  onProgress?: (done: number, total: number) => void
  pageSize?: number
}

export interface BacktestResult extends BacktestScore {
  rule: { id: string; name: string }
  version: number
  since: Date
  until: Date
}

/**
 * Replays the subjects first seen since `since` (their stored detection signals and attributes,
 * and the author's history as it stood then) through one rule version, and scores its matches
 * against the latest decision a person recorded on each subject: restrictive is positive.
 */
export async function backtestRule(
  ctx: ServiceContext,
  idOrName: string,
  options: BacktestOptions,
): Promise<BacktestResult> {
  const rule = await getRuleOrThrow(ctx, idOrName)
  const number = options.version ?? rule.currentVersion
  const version = await findRuleVersion(ctx.db, rule.id, number)
  if (!version) throw new NotFoundError('rule version', `${rule.name}@${number}`)
  const window = { since: options.since, until: ctx.clock.now() }
  const total = await countReplaySubjects(ctx.db, window)
  const tally = new BacktestTally()
  let done = 0
  for await (const page of pages(ctx, window, options.pageSize ?? 500)) {
    await replayPage(ctx, version.document, page, tally)
    done += page.length
    options.onProgress?.(done, total)
  }
  return {
    rule: { id: rule.id, name: rule.name },
    version: version.version,
    ...window,
    ...tally.score(),
  }
}

async function* pages(ctx: ServiceContext, window: ReplayWindow, size: number) {
  let page = await listReplaySubjects(ctx.db, window, undefined, size)
  while (page.length > 0) {
    yield page
    const last = page[page.length - 1] as ReplaySubject
    if (page.length < size) return
    page = await listReplaySubjects(ctx.db, window, last, size)
  }
}

async function replayPage(
  ctx: ServiceContext,
  document: RuleDocument,
  page: readonly ReplaySubject[],
  tally: BacktestTally,
): Promise<void> {
  const ids = page.map((s) => s.id)
  const [signals, decisions, histories] = await Promise.all([
    listReplaySignals(ctx.db, ids),
    latestHumanDecisions(ctx.db, ids),
    authorHistories(ctx, document, page),
  ])
  for (const subject of page) {
    const history = histories.get(subject.id)
    const facts = buildRuleFacts(
      subject,
      signals.get(subject.id) ?? [],
      authorFacts(subject, history),
    )
    const actions = decisions.get(subject.id)
    const label: BacktestLabel = actions ? (isRestrictive(actions) ? 'positive' : 'negative') : null
    tally.add(subject.id, conditionHolds(document.when, facts), label)
  }
}

/** The author history each subject's author had when the subject arrived, if the rule asks. */
async function authorHistories(
  ctx: ServiceContext,
  document: RuleDocument,
  page: readonly ReplaySubject[],
): Promise<Map<string, AuthorHistory>> {
  const needs = authorNeeds([document.when])
  const authored = page.filter((s) => s.authorId !== null)
  if ((needs.windows.length === 0 && !needs.priorRemovals) || authored.length === 0) {
    return new Map()
  }
  const queries = authored.map((s) => ({
    authorId: s.authorId as string,
    at: s.createdAt,
    kind: s.kind,
    externalId: s.externalId,
  }))
  const histories = await readAuthorHistory(ctx.db, queries, needs)
  return new Map(authored.map((s, i) => [s.id, histories[i] as AuthorHistory]))
}

function authorFacts(subject: ReplaySubject, history: AuthorHistory | undefined): AuthorFacts {
  return {
    accountAgeDays: accountAgeDays(subject.authorCreatedAt, subject.createdAt),
    recentSubjects: history?.recentSubjects ?? {},
    priorRemovals: history?.priorRemovals ?? null,
  }
}
