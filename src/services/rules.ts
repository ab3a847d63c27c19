import { ConflictError, InvalidInputError, NotFoundError } from '../core/errors.js'
import type { Actor } from '../core/roles.js'
import type {
  Rule,
  RuleDocument,
  RuleFormat,
  RuleMode,
  RuleState,
  RuleVersion,
} from '../core/rule.js'
import {
  describeProblems,
  parseRuleSource,
  unknownHarms,
  unknownQueue,
} from '../detection/rules/parse-rule.js'
import type { Executor } from '../storage/database.js'
import {
  bumpRuleRevision,
  countRuleOutcomes,
  currentRuleRevision,
  findRule,
  findRuleByName,
  findRuleForUpdate,
  insertRule,
  insertRuleVersion,
  listActiveRuleVersions,
  listRules,
  listRuleVersions,
  updateRule,
} from '../storage/repos/rule-repo.js'
import { recordAudit } from './audit-log.js'
import type { ServiceContext } from './service-context.js'

export interface RuleSourceInput {
  format: RuleFormat
  source: string
}

export interface RuleDetail {
  rule: Rule
  versions: RuleVersion[]
  /** Outcomes recorded over the last `outcomeDays` days, live and shadow. */
  outcomes: Record<RuleMode, number> & { since: Date }
}

const OUTCOME_WINDOW_DAYS = 7
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Parses and checks a rule's source; every problem is reported with its path. */
export function readRuleSource(ctx: ServiceContext, input: RuleSourceInput): RuleDocument {
  const parsed = parseRuleSource(input.format, input.source)
  const queues = new Set(ctx.policy.queues.definitions.map((queue) => queue.id))
  const problems = parsed.ok
    ? [
        ...unknownHarms(parsed.document, (id) => ctx.taxonomy.has(id)),
        ...unknownQueue(parsed.document, (id) => queues.has(id)),
      ]
    : parsed.problems
  if (!parsed.ok || problems.length > 0) {
    throw new InvalidInputError(`the rule is not valid: ${describeProblems(problems)}`, {
      problems,
    })
  }
  return parsed.document
}

export async function createRule(
  ctx: ServiceContext,
  actor: Actor,
  input: RuleSourceInput & { name?: string; state?: RuleState },
): Promise<RuleDetail> {
  const document = readRuleSource(ctx, input)
  assertSameName(document, input.name ?? document.name, 'name')
  const at = ctx.clock.now()
  const rule: Rule = {
    id: crypto.randomUUID(),
    name: document.name,
    state: input.state ?? 'draft',
    currentVersion: 1,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
  }
  const { format, source } = input
  const version = { ruleId: rule.id, version: 1, format, source, document, createdBy: actor.id }
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await insertRule(tx, rule))) {
      throw new ConflictError(`a rule named "${rule.name}" already exists`, { field: 'name' })
    }
    await insertRuleVersion(tx, { ...version, createdAt: at })
    await changed(tx, actor, at, rule.id, 'rule.created', { name: rule.name, state: rule.state })
  })
  await reloadRules(ctx)
  return getRule(ctx, rule.id)
}

/** Adds an immutable version and makes it current, optionally changing the state with it. */
export async function addRuleVersion(
  ctx: ServiceContext,
  actor: Actor,
  idOrName: string,
  input: RuleSourceInput & { state?: RuleState },
): Promise<RuleDetail> {
  const document = readRuleSource(ctx, input)
  const { id } = await getRuleOrThrow(ctx, idOrName)
  await ctx.db.transaction().execute(async (tx) => {
    const rule = await findRuleForUpdate(tx, id)
    if (!rule) throw new NotFoundError('rule', id)
    assertSameName(document, rule.name, 'source')
    const at = ctx.clock.now()
    const version = rule.currentVersion + 1
    await insertRuleVersion(tx, {
      ruleId: rule.id,
      version,
      format: input.format,
      source: input.source,
      document,
      createdBy: actor.id,
      createdAt: at,
    })
    const state = input.state ?? rule.state
    await updateRule(tx, rule.id, { currentVersion: version, state, at })
    await changed(tx, actor, at, rule.id, 'rule.version_added', { version, state })
  })
  await reloadRules(ctx)
  return getRule(ctx, id)
}

export async function changeRuleState(
  ctx: ServiceContext,
  actor: Actor,
  idOrName: string,
  state: RuleState,
): Promise<RuleDetail> {
  const { id } = await getRuleOrThrow(ctx, idOrName)
  await ctx.db.transaction().execute(async (tx) => {
    const rule = await findRuleForUpdate(tx, id)
    if (!rule) throw new NotFoundError('rule', id)
    if (rule.state === state) return
    const at = ctx.clock.now()
    await updateRule(tx, rule.id, { state, at })
    await changed(tx, actor, at, rule.id, 'rule.state_changed', { from: rule.state, to: state })
  })
  await reloadRules(ctx)
  return getRule(ctx, id)
}

export function listAllRules(ctx: ServiceContext): Promise<Rule[]> {
  return listRules(ctx.db)
}

/** A rule by id or by name. */
export async function getRuleOrThrow(ctx: ServiceContext, idOrName: string): Promise<Rule> {
  const rule = UUID.test(idOrName)
    ? await findRule(ctx.db, idOrName)
    : await findRuleByName(ctx.db, idOrName)
  if (!rule) throw new NotFoundError('rule', idOrName)
  return rule
}

/** The rule, all its versions and its recent live and shadow outcome counts. */
export async function getRule(ctx: ServiceContext, idOrName: string): Promise<RuleDetail> {
  const rule = await getRuleOrThrow(ctx, idOrName)
  const since = new Date(ctx.clock.now().getTime() - OUTCOME_WINDOW_DAYS * 86_400_000)
  const [versions, counts] = await Promise.all([
    listRuleVersions(ctx.db, rule.id),
    countRuleOutcomes(ctx.db, rule.id, since),
  ])
  return { rule, versions, outcomes: { ...counts, since } }
}

/** Reloads this process's rules when another process changed them; returns whether it did. */
export async function refreshRulesIfChanged(ctx: ServiceContext): Promise<boolean> {
  const revision = await currentRuleRevision(ctx.db)
  if (ctx.rules.revision === revision) return false
  await reloadRules(ctx)
  return true
}

/** Loads the current version of every shadow and live rule into this process. */
export async function reloadRules(ctx: ServiceContext): Promise<void> {
  const revision = await currentRuleRevision(ctx.db)
  const active = await listActiveRuleVersions(ctx.db)
  ctx.rules.load(
    active.map(({ rule, version }) => ({
      ruleId: rule.id,
      name: rule.name,
      version: version.version,
      mode: rule.state as RuleMode,
      document: version.document,
    })),
    revision,
  )
}

/** A rule is named by its document; a request or a new version cannot rename it. */
function assertSameName(document: RuleDocument, name: string, field: string): void {
  if (document.name === name) return
  throw new InvalidInputError(
    `the document is named "${document.name}", not "${name}"; a rule keeps its name`,
    { field, path: 'name' },
  )
}

async function changed(
  tx: Executor,
  actor: Actor,
  at: Date,
  ruleId: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  await bumpRuleRevision(tx)
  await recordAudit(tx, actor, at, [{ action, entityType: 'rule', entityId: ruleId, data }])
}
