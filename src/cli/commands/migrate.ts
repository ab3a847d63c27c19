import { Command } from 'commander'
import { withContext } from '../open-context.js'

export function migrateCommand(): Command {
  return new Command('migrate')
    .description("Bring the database schema (and the job queue's) up to date")
    .action(async (_options: unknown, command: Command) => {
      await withContext(command, async (ctx) => {
        console.log(`database schema is up to date (${ctx.databaseKind})`)
      })
    })
}
