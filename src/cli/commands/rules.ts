import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { RULE_STATES, type RuleFormat, type RuleState } from '../../core/rule.js'
import {
  addRuleVersion,
  changeRuleState,
  createRule,
  getRule,
  listAllRules,
} from '../../services/rules.js'
import { CLI_ACTOR, withContext } from '../open-context.js'
import { formatRuleDetail, formatRuleList, runRulesBacktest } from '../rules/rules-output.js'

interface BacktestFlags {
  since: Date
  ruleVersion?: number
  json?: boolean
}

export function rulesCommand(): Command {
  const rules = new Command('rules').description(
    'Declarative detection rules: create, version, promote and backtest',
  )
  addReadCommands(rules)
  addWriteCommands(rules)
  addStateCommand(rules)
  addBacktestCommand(rules)
  return rules
}

function addReadCommands(rules: Command): void {
  rules
    .command('list')
    .description('List rules with their state and current version')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        for (const line of formatRuleList(await listAllRules(ctx))) console.log(line)
      })
    })
  rules
    .command('show <name>')
    .description('Show a rule, its versions and its recent live and shadow outcomes')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        for (const line of formatRuleDetail(await getRule(ctx, name))) console.log(line)
      })
    })
}

function addBacktestCommand(rules: Command): void {
  rules
    .command('backtest <name>')
    .description('Replay stored subjects through the rule; precision and recall against decisions')
    .requiredOption(
      '--since <date>',
      'first day (YYYY-MM-DD) or time (ISO 8601) to replay',
      parseSince,
    )
    .option(
      '--rule-version <n>',
      "the version to replay (default: the rule's current one; `--version` is vigil's own)",
      parseVersion,
    )
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: BacktestFlags, command: Command) => {
      const { since, ruleVersion, json } = options
      const version = ruleVersion ? { version: ruleVersion } : {}
      await withContext(command, async (ctx) => {
        const flags = { since, ...version, json: Boolean(json), progress: !json }
        process.exitCode = await runRulesBacktest(ctx, name, flags)
      })
    })
}

function addWriteCommands(rules: Command): void {
  const state = () => new Option('--state <state>', 'the state to set').choices(RULE_STATES)
  rules
    .command('create')
    .description('Create a rule from a .json, .yaml or .yml file (draft unless --state)')
    .requiredOption('--file <file>', 'the rule document')
    .addOption(state())
    .action(async (options: { file: string; state?: RuleState }, command: Command) => {
      await withContext(command, async (ctx) => {
        const detail = await createRule(ctx, CLI_ACTOR, {
          ...readRuleFile(options.file),
          ...stateOf(options),
        })
        console.log(
          `created rule ${detail.rule.name} (${detail.rule.id}), ${detail.rule.state}, version 1`,
        )
      })
    })
  rules
    .command('version <name>')
    .description('Add a new version from a file; it becomes the current one')
    .requiredOption('--file <file>', 'the rule document')
    .addOption(state())
    .action(
      async (name: string, options: { file: string; state?: RuleState }, command: Command) => {
        await withContext(command, async (ctx) => {
          const input = { ...readRuleFile(options.file), ...stateOf(options) }
          const { rule } = await addRuleVersion(ctx, CLI_ACTOR, name, input)
          console.log(`rule ${rule.name} is at version ${rule.currentVersion}, ${rule.state}`)
        })
      },
    )
}

function addStateCommand(rules: Command): void {
  rules
    .command('state <name> <state>')
    .description(`Move a rule to ${RULE_STATES.join(', ')}`)
    .action(async (name: string, to: string, _options: unknown, command: Command) => {
      const target = parseState(to)
      await withContext(command, async (ctx) => {
        const { rule } = await changeRuleState(ctx, CLI_ACTOR, name, target)
        console.log(`rule ${rule.name} is ${rule.state} (version ${rule.currentVersion})`)
      })
    })
}

function stateOf(options: { state?: RuleState }) {
  return options.state ? { state: options.state } : {}
}

/** The file's text and its format, from its extension. */
export function readRuleFile(file: string): { format: RuleFormat; source: string } {
  const ext = extname(file).toLowerCase()
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined
  if (!format) throw new Error(`${file}: name a .json, .yaml or .yml file`)
  return { format, source: readFileSync(file, 'utf8') }
}

function parseState(value: string): RuleState {
  if (!(RULE_STATES as readonly string[]).includes(value)) {
    throw new Error(`the state is one of ${RULE_STATES.join(', ')}, not "${value}"`)
  }
  return value as RuleState
}

export function parseSince(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      'use a date such as 2026-11-01 or a time such as 2026-11-01T12:00:00Z',
    )
  }
  return date
}

function parseVersion(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('a version is a whole number from 1')
  return n
}
