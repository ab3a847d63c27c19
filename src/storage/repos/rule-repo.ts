import type { Selectable } from 'kysely'
import type { Rule, RuleFormat, RuleMode, RuleState, RuleVersion } from '../../core/rule.js'
import type { Executor } from '../database.js'
import type { RuleTable, RuleVersionTable } from '../schema/rule.js'

export function rowToRule(row: Selectable<RuleTable>): Rule {
  return {
    id: row.id,
    name: row.name,
    state: row.state as RuleState,
    currentVersion: row.current_version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function rowToRuleVersion(row: Selectable<RuleVersionTable>): RuleVersion {
  return {
    ruleId: row.rule_id,
    version: row.version,
    format: row.format as RuleFormat,
    source: row.source,
    document: row.document,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/** Inserts the rule; false when the name is taken. */
export async function insertRule(db: Executor, rule: Rule): Promise<boolean> {
  const result = await db
    .insertInto('rule')
    .values({
      id: rule.id,
      name: rule.name,
      state: rule.state,
      current_version: rule.currentVersion,
      created_by: rule.createdBy,
      created_at: rule.createdAt,
      updated_at: rule.updatedAt,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

export async function insertRuleVersion(db: Executor, v: RuleVersion): Promise<void> {
  await db
    .insertInto('rule_version')
    .values({
      rule_id: v.ruleId,
      version: v.version,
      format: v.format,
      source: v.source,
      document: JSON.stringify(v.document),
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .execute()
}

export async function findRule(db: Executor, id: string): Promise<Rule | undefined> {
  const row = await db.selectFrom('rule').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? rowToRule(row) : undefined
}

export async function findRuleByName(db: Executor, name: string): Promise<Rule | undefined> {
  const row = await db.selectFrom('rule').selectAll().where('name', '=', name).executeTakeFirst()
  return row ? rowToRule(row) : undefined
}

/** Locks the rule so concurrent versions and state changes of it go one at a time. */
export async function findRuleForUpdate(db: Executor, id: string): Promise<Rule | undefined> {
  const row = await db
    .selectFrom('rule')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  return row ? rowToRule(row) : undefined
}

export async function listRules(db: Executor): Promise<Rule[]> {
  const rows = await db.selectFrom('rule').selectAll().orderBy('name').execute()
  return rows.map(rowToRule)
}

export async function listRuleVersions(db: Executor, ruleId: string): Promise<RuleVersion[]> {
  const rows = await db
    .selectFrom('rule_version')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .orderBy('version')
    .execute()
  return rows.map(rowToRuleVersion)
}

export async function findRuleVersion(
  db: Executor,
  ruleId: string,
  version: number,
): Promise<RuleVersion | undefined> {
  const row = await db
    .selectFrom('rule_version')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('version', '=', version)
    .executeTakeFirst()
  return row ? rowToRuleVersion(row) : undefined
}

export async function updateRule(
  db: Executor,
  id: string,
  changes: { state?: RuleState; currentVersion?: number; at: Date },
): Promise<void> {
  await db
    .updateTable('rule')
    .set({
      ...(changes.state ? { state: changes.state } : {}),
      ...(changes.currentVersion ? { current_version: changes.currentVersion } : {}),
      updated_at: changes.at,
    })
    .where('id', '=', id)
    .execute()
}

export interface ActiveRuleRow {
  rule: Rule
  version: RuleVersion
}

/** The current version of every shadow and live rule, by name. */
export async function listActiveRuleVersions(db: Executor): Promise<ActiveRuleRow[]> {
  const rows = await db
    .selectFrom('rule as r')
    .innerJoin('rule_version as v', (join) =>
      join.onRef('v.rule_id', '=', 'r.id').onRef('v.version', '=', 'r.current_version'),
    )
    .selectAll('r')
    .select(['v.format', 'v.source', 'v.document', 'v.created_by as v_by', 'v.created_at as v_at'])
    .where('r.state', 'in', ['shadow', 'live'])
    .orderBy('r.name')
    .execute()
  return rows.map((row) => ({
    rule: rowToRule(row),
    version: rowToRuleVersion({
      rule_id: row.id,
      version: row.current_version,
      format: row.format,
      source: row.source,
      document: row.document,
      created_by: row.v_by,
      created_at: row.v_at,
    }),
  }))
}

/** Outcomes recorded for the rule since `since`, by mode. */
export async function countRuleOutcomes(
  db: Executor,
  ruleId: string,
  since: Date,
): Promise<Record<RuleMode, number>> {
  const rows = await db
    .selectFrom('rule_outcome')
    .select(['mode', (eb) => eb.fn.countAll<number>().as('n')])
    .where('rule_id', '=', ruleId)
    .where('created_at', '>=', since)
    .groupBy('mode')
    .execute()
  const counts: Record<RuleMode, number> = { live: 0, shadow: 0 }
  for (const row of rows) counts[row.mode as RuleMode] = Number(row.n)
  return counts
}

/** Marks that the rules changed, in the caller's transaction. */
export async function bumpRuleRevision(db: Executor): Promise<void> {
  await db
    .updateTable('rule_revision')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .execute()
}

export async function currentRuleRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('rule_revision').select('revision').executeTakeFirstOrThrow()
  return Number(row.revision)
}
