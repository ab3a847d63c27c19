import { Presets, SingleBar } from 'cli-progress'
import type { Rule } from '../../core/rule.js'
import { type BacktestResult, backtestRule } from '../../services/backtest-rules.js'
import type { RuleDetail } from '../../services/rules.js'
import type { ServiceContext } from '../../services/service-context.js'

/** Where a command writes: stdout for results, stderr for progress and problems. */
export interface CliOutput {
  out(line: string): void
  err(line: string): void
}

export const CONSOLE_OUTPUT: CliOutput = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}

export interface BacktestCliOptions {
  since: Date
  version?: number
  json?: boolean
  /** Show a progress bar on stderr (off in tests). */
  progress?: boolean
}

/** `vigil rules backtest`: replays, then prints the table (or JSON); returns the exit code. */
export async function runRulesBacktest(
  ctx: ServiceContext,
  name: string,
  options: BacktestCliOptions,
  output: CliOutput = CONSOLE_OUTPUT,
): Promise<number> {
  const bar = options.progress ? progressBar() : undefined
  let started = false
  const onProgress = (done: number, total: number) => {
    if (bar && !started) bar.start(total, 0)
    started = true
    bar?.update(done)
  }
  const version = options.version ? { version: options.version } : {}
  const result = await backtestRule(ctx, name, {
    since: options.since,
    ...version,
    onProgress,
  }).finally(() => bar?.stop())
  const lines = options.json ? [JSON.stringify(result, null, 2)] : formatBacktest(result)
  for (const line of lines) output.out(line)
  return 0
}

function progressBar(): SingleBar {
  return new SingleBar(
    {
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      format: 'replaying [{bar}] {percentage}% | {value}/{total} subjects | {duration}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  )
}

/** A ratio to 3 decimals, or n/a when it is undefined (nothing to divide by). */
export function ratio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3)
}

/** The backtest as a person reads it: the confusion table, precision, recall, examples. */
export function formatBacktest(r: BacktestResult): string[] {
  const { tp, fp, fn, tn } = r.counts
  const cell = (label: string, n: number) => `${label} ${n}`.padEnd(20)
  const examples = (['tp', 'fp', 'fn', 'tn'] as const)
    .filter((bucket) => r.examples[bucket].length > 0)
    .map((bucket) => `  ${bucket}  ${r.examples[bucket].join(' ')}`)
  return [
    `rule ${r.rule.name} version ${r.version}: subjects first seen ${r.since.toISOString()} to ${r.until.toISOString()}`,
    '',
    `${''.padEnd(16)}${'decided: harm'.padEnd(20)}decided: no harm`,
    `${'  matched'.padEnd(16)}${cell('TP', tp)}FP ${fp}`,
    `${'  not matched'.padEnd(16)}${cell('FN', fn)}TN ${tn}`,
    '',
    `  precision ${ratio(r.precision)}   recall ${ratio(r.recall)}`,
    `  replayed ${r.subjects} subjects, matched ${r.matched}; undecided ${r.undecided.subjects} (matched ${r.undecided.matched}), not counted above`,
    ...(examples.length > 0 ? ['', 'example subjects:', ...examples] : []),
  ]
}

export function formatRuleList(rules: readonly Rule[]): string[] {
  if (rules.length === 0) return ['no rules yet; create one with `vigil rules create --file F`']
  const width = Math.max(4, ...rules.map((r) => r.name.length)) + 2
  return [
    `${'NAME'.padEnd(width)}${'STATE'.padEnd(8)}VERSION  UPDATED`,
    ...rules.map(
      (r) =>
        `${r.name.padEnd(width)}${r.state.padEnd(8)}${String(r.currentVersion).padEnd(9)}${r.updatedAt.toISOString()}`,
    ),
  ]
}

export function formatRuleDetail(detail: RuleDetail): string[] {
  const { rule, versions, outcomes } = detail
  const current = versions.find((v) => v.version === rule.currentVersion)
  return [
    `${rule.name} (${rule.id})`,
    `  state ${rule.state}, version ${rule.currentVersion} of ${versions.length}`,
    ...(current?.document.description ? [`  ${current.document.description}`] : []),
    `  outcomes since ${outcomes.since.toISOString()}: live ${outcomes.live}, shadow ${outcomes.shadow}`,
    '  versions:',
    ...versions.map(
      (v) => `    v${v.version}  ${v.format}  ${v.createdAt.toISOString()}  by ${v.createdBy}`,
    ),
    '',
    `current source (${current?.format ?? 'none'}):`,
    ...(current?.source.trimEnd().split('\n') ?? []),
  ]
}
