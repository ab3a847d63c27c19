import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Presets, SingleBar } from 'cli-progress'
import { Command, Option } from 'commander'
import { BANK_KINDS, BANK_SOURCES, type BankInput } from '../../core/bank.js'
import { VERDICTS } from '../../core/subject.js'
import { exportBankFile } from '../../services/bank-files/export-bank-file.js'
import {
  BANK_FILE_FORMATS,
  type BankFileFormat,
  formatOfFileName,
} from '../../services/bank-files/formats.js'
import { importBankFile } from '../../services/bank-files/import-bank-file.js'
import {
  createBank,
  getBankByNameOrThrow,
  listBanksWithCounts,
  setBankEnabledState,
} from '../../services/banks.js'
import { CLI_ACTOR, withContext } from '../open-context.js'

export function banksCommand(): Command {
  const banks = new Command('banks').description('Hash, URL and keyword banks')
  banks
    .command('list')
    .description('Banks with their entry counts')
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const rows = await listBanksWithCounts(ctx)
        console.table(
          rows.map(({ name, kind, harm, action, enabled, entries, activeEntries }) => ({
            name,
            kind,
            harm,
            action,
            enabled,
            entries,
            active: activeEntries,
          })),
        )
      })
    })
  banks.addCommand(createCommand())
  banks.addCommand(importCommand())
  banks.addCommand(exportCommand())
  for (const enabled of [true, false]) banks.addCommand(switchCommand(enabled))
  return banks
}

function bankOptions(command: Command): Command {
  return command
    .addOption(new Option('--kind <kind>', 'what the bank holds').choices(BANK_KINDS))
    .option('--harm <harm>', 'the harm a match means (a taxonomy id)')
    .addOption(
      new Option('--action <verdict>', 'the verdict a match asks for')
        .choices(VERDICTS)
        .default('review'),
    )
    .addOption(new Option('--source <source>', 'where it comes from').choices(BANK_SOURCES))
    .option('--description <text>', 'what the bank is for')
}

interface BankFlags {
  kind?: BankInput['kind']
  harm?: string
  action: BankInput['action']
  source?: BankInput['source']
  description?: string
}

function bankInput(name: string, flags: BankFlags): BankInput {
  if (!flags.kind || !flags.harm) throw new Error('a new bank needs --kind and --harm')
  return {
    name,
    kind: flags.kind,
    harm: flags.harm,
    action: flags.action,
    source: flags.source ?? 'local',
    ...(flags.description ? { description: flags.description } : {}),
  }
}

function createCommand(): Command {
  return bankOptions(new Command('create').description('Create a bank'))
    .argument('<name>', 'the bank name (lowercase letters, digits, - or _)')
    .action(async (name: string, flags: BankFlags, command: Command) => {
      await withContext(command, async (ctx) => {
        const bank = await createBank(ctx, CLI_ACTOR, bankInput(name, flags))
        console.log(`created bank ${bank.name} (${bank.kind}, ${bank.harm}) ${bank.id}`)
      })
    })
}

function importCommand(): Command {
  return bankOptions(
    new Command('import').description(
      'Import entries from JSON lines (Vigil) or CSV (HMA: signal_type,signal_value); a bad line refuses the file',
    ),
  )
    .argument('<file>', 'the file to read')
    .requiredOption('--bank <name>', 'the bank to import into')
    .addOption(
      new Option('--format <format>', 'default: from the file name').choices(BANK_FILE_FORMATS),
    )
    .option('--create', 'create the bank first if it does not exist (needs --kind and --harm)')
    .action(async (file: string, flags: ImportFlags, command: Command) => {
      await withContext(command, async (ctx) => {
        const bank = await getBankByNameOrThrow(ctx, flags.bank).catch(async (error: unknown) => {
          if (!flags.create) throw error
          return createBank(ctx, CLI_ACTOR, bankInput(flags.bank, flags))
        })
        const progress = importProgress(statSync(file).size)
        const summary = await importBankFile(ctx, CLI_ACTOR, bank.id, {
          format: flags.format ?? formatOfFileName(file),
          open: () => createReadStream(file),
          onProgress: progress.update,
        }).finally(progress.stop)
        console.log(
          `imported ${summary.added} new entries into ${bank.name} from ${summary.rows} rows ` +
            `(${summary.duplicates} already there, ${summary.otherSignalType} of another signal type)`,
        )
      })
    })
}

interface ImportFlags extends BankFlags {
  bank: string
  format?: BankFileFormat
  create?: boolean
}

/** One bar over both passes (check, then write), by bytes read; on stderr. */
function importProgress(fileBytes: number) {
  const bar = new SingleBar(
    {
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      format: 'importing [{bar}] {percentage}% | {phase} | {duration}s',
      hideCursor: true,
    },
    Presets.shades_classic,
  )
  const total = Math.max(1, fileBytes * 2)
  bar.start(total, 0, { phase: 'checking every line' })
  return {
    update: (phase: 'check' | 'write', bytes: number) =>
      bar.update(Math.min(total, phase === 'check' ? bytes : fileBytes + bytes), {
        phase: phase === 'check' ? 'checking every line' : 'writing entries',
      }),
    stop: () => bar.stop(),
  }
}

function exportCommand(): Command {
  return new Command('export')
    .description('Write every entry as JSON lines (with provenance) or HMA CSV (active entries)')
    .requiredOption('--bank <name>', 'the bank to export')
    .addOption(
      new Option('--format <format>', 'default: from --out, else jsonl').choices(BANK_FILE_FORMATS),
    )
    .option('--out <file>', 'where to write (default: standard output)')
    .action(
      async (flags: { bank: string; format?: BankFileFormat; out?: string }, command: Command) => {
        await withContext(command, async (ctx) => {
          const bank = await getBankByNameOrThrow(ctx, flags.bank)
          const format = flags.format ?? (flags.out ? formatOfFileName(flags.out) : 'jsonl')
          const target = flags.out ? createWriteStream(flags.out) : process.stdout
          await pipeline(Readable.from(exportBankFile(ctx, bank.id, format)), target, {
            end: !!flags.out,
          })
        })
      },
    )
}

function switchCommand(enabled: boolean): Command {
  return new Command(enabled ? 'enable' : 'disable')
    .description(enabled ? 'Switch a bank on' : 'Switch a bank off (its entries stop matching)')
    .argument('<name>', 'the bank')
    .action(async (name: string, _flags: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        const bank = await getBankByNameOrThrow(ctx, name)
        await setBankEnabledState(ctx, CLI_ACTOR, bank.id, enabled)
        console.log(`bank ${name} ${enabled ? 'enabled' : 'disabled'}`)
      })
    })
}
