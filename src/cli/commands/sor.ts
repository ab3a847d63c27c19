import { createWriteStream, openSync } from 'node:fs'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { Presets, SingleBar } from 'cli-progress'
import { Command } from 'commander'
import { countExportable, exportEuStatements, exportRange } from '../../compliance/eu-sor/export.js'
import { type SubmitSummary, submitPendingStatements } from '../../compliance/eu-sor/submit.js'
import type { AppContext } from '../../context.js'
import type { EuSorState } from '../../storage/schema/eu-sor-submission.js'
import { CLI_ACTOR, withContext } from '../open-context.js'

/** Runs long enough to show a progress bar: this many statements or more. */
const PROGRESS_FROM = 500

export function sorCommand(): Command {
  const sor = new Command('sor').description(
    'Statements of reasons for the EU DSA Transparency Database (DSA Art. 17 and 24(5))',
  )
  sor.addCommand(exportCommand())
  sor.addCommand(submitCommand())
  return sor
}

function exportCommand(): Command {
  return new Command('export')
    .description('Write the statements of decisions made between two days as JSON lines')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD (UTC)')
    .requiredOption('--to <day>', 'day after the last, YYYY-MM-DD (UTC), not included')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: ExportFlags, command: Command) => {
      await withContext(command, async (ctx) => {
        const out = flags.out
          ? createWriteStream(flags.out, { fd: openSync(flags.out, 'w') })
          : process.stdout
        const result = await writeStatementsExport(ctx, flags, out)
        if (flags.out) {
          out.end()
          await finished(out)
        }
        reportExport(result)
      })
    })
}

function submitCommand(): Command {
  return new Command('submit')
    .description('Send every statement not yet in the EU database now')
    .option('--retry-invalid', 'check statements refused earlier by Vigil or the database again')
    .action(async (flags: { retryInvalid?: boolean }, command: Command) => {
      await withContext(command, async (ctx) => {
        const total = emptyTotal()
        // @NOTE Refused statements are looked at again in the first round only: refused again,
        // they would come back in every round.
        let retry: EuSorState[] = flags.retryInvalid ? ['invalid', 'rejected'] : []
        for (;;) {
          const round = await submitPendingStatements(ctx, CLI_ACTOR, { retry })
          retry = []
          addUp(total, round)
          if (round.error || settledIn(round) === 0) break
        }
        console.log(describeSubmit(total))
        process.exitCode = total.error || total.invalid || total.rejected ? 1 : 0
      })
    })
}

interface ExportFlags {
  from: string
  to: string
  out?: string
}

export interface ExportResult {
  written: number
  left: { decisionId: string; why: string }[]
}

/** Writes one EU statement per line; statements that break a rule are left out and listed. */
export async function writeStatementsExport(
  ctx: Pick<AppContext, 'db'>,
  flags: { from: string; to: string },
  out: Writable,
): Promise<ExportResult> {
  const range = exportRange(flags.from, flags.to)
  const total = await countExportable(ctx.db, range)
  const bar = total >= PROGRESS_FROM ? progressBar(total) : undefined
  const result: ExportResult = { written: 0, left: [] }
  try {
    for await (const item of exportEuStatements(ctx.db, range)) {
      if (item.kind === 'ready') {
        if (!out.write(`${JSON.stringify(item.statement)}\n`)) await drained(out)
        result.written += 1
      } else {
        const why =
          item.kind === 'invalid'
            ? item.problems.map((p) => `${p.field}: ${p.message}`).join('; ')
            : item.reason
        result.left.push({ decisionId: item.decisionId, why })
      }
      bar?.increment()
    }
  } finally {
    bar?.stop()
  }
  return result
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => out.once('drain', resolve))
}

function progressBar(total: number): SingleBar {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      format: 'exporting [{bar}] {percentage}% | {value}/{total} statements | {duration}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  )
  bar.start(total, 0)
  return bar
}

function reportExport(result: ExportResult): void {
  console.error(`wrote ${result.written} statement(s) of reasons`)
  if (result.left.length === 0) return
  console.error(`left out ${result.left.length} that the EU database would not take:`)
  for (const { decisionId, why } of result.left) console.error(`  decision ${decisionId}: ${why}`)
  process.exitCode = 1
}

function emptyTotal(): SubmitSummary {
  const zero = { submitted: 0, alreadyThere: 0, invalid: 0, rejected: 0, notApplicable: 0 }
  return { ...zero, pending: 0, calls: 0, notSent: [] }
}

function settledIn(s: SubmitSummary): number {
  return s.submitted + s.alreadyThere + s.invalid + s.rejected + s.notApplicable
}

function addUp(total: SubmitSummary, round: SubmitSummary): void {
  for (const key of [
    'submitted',
    'alreadyThere',
    'invalid',
    'rejected',
    'notApplicable',
    'calls',
  ] as const) {
    total[key] += round[key]
  }
  total.pending = round.pending
  total.notSent.push(...round.notSent)
  if (round.error) total.error = round.error
}

export function describeSubmit(s: SubmitSummary): string {
  const lines = [
    `sent ${s.submitted} statement(s) of reasons in ${s.calls} call(s); ${s.alreadyThere} were already there`,
  ]
  if (s.invalid) lines.push(`${s.invalid} break a rule of the EU database and were not sent`)
  if (s.rejected) lines.push(`${s.rejected} were refused by the EU database`)
  if (s.notApplicable) lines.push(`${s.notApplicable} restrict content outside the EU/EEA only`)
  for (const { decisionId, state, why } of s.notSent) {
    lines.push(`  decision ${decisionId} (${state}): ${why}`)
  }
  if (s.pending) lines.push(`${s.pending} are still pending`)
  if (s.error) lines.push(`stopped: ${s.error}`)
  return lines.join('\n')
}
