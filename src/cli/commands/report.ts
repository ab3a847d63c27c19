import { writeFileSync } from 'node:fs'
import { Command, Option } from 'commander'
import { REPORT_FORMATS, type ReportFormat } from '../../core/transparency-report.js'
import { buildReport } from '../../transparency/build-report.js'
import { renderReport } from '../../transparency/render/render-report.js'
import { withContext } from '../open-context.js'

/** `vigil report transparency --from YYYY-MM-DD --to YYYY-MM-DD --format json|csv|html`. */
export function reportCommand(): Command {
  const report = new Command('report').description('Reports built from what Vigil holds')
  report
    .command('transparency')
    .description(
      'The transparency report for [from, to): DSA Art. 15(1) and Art. 24(1) figures and the Ofcom Sch. 8 metrics, each with its definition',
    )
    .requiredOption('--from <day>', 'first day of the period (UTC, YYYY-MM-DD), included')
    .requiredOption('--to <day>', 'day after the period (UTC, YYYY-MM-DD), not included')
    .addOption(
      new Option('--format <format>', 'json, csv or a self-contained html page')
        .choices(REPORT_FORMATS)
        .default('json'),
    )
    .option('--out <file>', 'where to write (default: standard output)')
    .action(
      async (
        flags: { from: string; to: string; format: ReportFormat; out?: string },
        command: Command,
      ) => {
        await withContext(command, async (ctx) => {
          const built = await buildReport(ctx, { from: flags.from, to: flags.to })
          const text = renderReport(built, flags.format)
          if (!flags.out) {
            process.stdout.write(text)
            return
          }
          writeFileSync(flags.out, text)
          console.error(`wrote the ${flags.format} transparency report to ${flags.out}`)
        })
      },
    )
  return report
}
