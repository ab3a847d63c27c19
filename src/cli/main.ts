import { Command, Option } from 'commander'
import { ConfigError } from '../config/config.js'
import { AppError } from '../core/errors.js'
import { auditCommand } from './commands/audit.js'
import { banksCommand } from './commands/banks.js'
import { complianceCommand } from './commands/compliance.js'
import { configCommand } from './commands/config.js'
import { demoCommand } from './commands/demo.js'
import { evidenceCommand } from './commands/evidence.js'
import { flaggersCommand } from './commands/flaggers.js'
import { hashCommand } from './commands/hash.js'
import { keysCommand } from './commands/keys.js'
import { migrateCommand } from './commands/migrate.js'
import { reportCommand } from './commands/report.js'
import { rulesCommand } from './commands/rules.js'
import { serveCommand } from './commands/serve.js'
import { sorCommand } from './commands/sor.js'
import { usersCommand } from './commands/users.js'

export function buildCli(): Command {
  const program = new Command('vigil')
    .description('Vigil: a self-hosted trust & safety engine')
    .version('0.1.0')
    .addOption(
      new Option('--database-url <url>', 'PostgreSQL URL (default: embedded PGlite)').env(
        'VIGIL_DATABASE_URL',
      ),
    )
    .addOption(
      new Option('--data-dir <dir>', 'where embedded PGlite keeps its data').env('VIGIL_DATA_DIR'),
    )
  for (const command of [
    serveCommand(),
    migrateCommand(),
    keysCommand(),
    usersCommand(),
    flaggersCommand(),
    rulesCommand(),
    auditCommand(),
    banksCommand(),
    sorCommand(),
    reportCommand(),
    complianceCommand(),
    evidenceCommand(),
    demoCommand(),
    hashCommand(),
    configCommand(),
  ]) {
    program.addCommand(command)
  }
  return program
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      return 2
    }
    console.error(`vigil: ${(error as Error).message}`)
    for (const problem of problemsOf(error)) console.error(`  ${problem}`)
    return 1
  }
}

/** The list of problems an AppError carries (e.g. every bad line of an import), if any. */
function problemsOf(error: unknown): string[] {
  const details = error instanceof AppError ? error.details : undefined
  const problems = details && 'problems' in details ? details.problems : undefined
  return Array.isArray(problems) ? problems.map(String) : []
}

const invokedDirectly = process.argv[1]?.endsWith('main.ts') || process.argv[1]?.endsWith('main.js')
if (invokedDirectly) {
  void main(process.argv).then((code) => {
    process.exitCode = code
  })
}
