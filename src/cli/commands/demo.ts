import { Command, InvalidArgumentError } from 'commander'
import type { AppContext } from '../../context.js'
import { hasAnySubject } from '../../services/case-view.js'
import { ensureDemoConsoleUsers } from '../demo/demo-console-users.js'
import { DEMO_DEFAULT_SUBJECTS } from '../demo/demo-data.js'
import { ensureDemoAdminKey } from '../demo/demo-key.js'
import { describeDemo, loadDemoWithProgress } from '../demo/demo-progress.js'
import { withContext } from '../open-context.js'

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Load a realistic demo data set (banks, content, reports, cases, decisions over 30 days)',
    )
    .option(
      '--subjects <n>',
      'about how many subjects to create',
      parseSubjects,
      DEMO_DEFAULT_SUBJECTS,
    )
    .action(async (options: { subjects: number }, command: Command) => {
      await withContext(
        command,
        async (ctx) => {
          const summary = await loadDemoWithProgress(ctx, options.subjects)
          const keyFile = await ensureDemoAdminKey(ctx)
          for (const line of describeDemo(summary)) console.log(line)
          console.log(`  admin key    export VIGIL_KEY=$(cat ${keyFile})`)
        },
        { detects: true },
      )
    })
}

/**
 * `serve --demo`: loads the demo when the database has no subjects yet, and always makes sure a
 * working admin key is in `<dataDir>/demo-admin.key` and demo console users are listed in
 * `<dataDir>/demo-console-users.txt`. Returns the key file's path.
 */
export async function loadDemoOnFirstStart(ctx: AppContext): Promise<string | undefined> {
  if (!(await hasAnySubject(ctx.db))) {
    console.error('First start: loading the demo data set.')
    const summary = await loadDemoWithProgress(ctx, DEMO_DEFAULT_SUBJECTS)
    for (const line of describeDemo(summary)) console.error(line)
  }
  const usersFile = await ensureDemoConsoleUsers(ctx)
  console.error(`Demo console users and their password: ${usersFile}`)
  return ensureDemoAdminKey(ctx)
}

function parseSubjects(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 10 || n > 20_000) {
    throw new InvalidArgumentError('use a whole number from 10 to 20000')
  }
  return n
}
